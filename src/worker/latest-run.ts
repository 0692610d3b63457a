import { postTextInParts, TEXT_PART_CHARS } from "./text-parts";

/** The part of `Worker` a runner uses, so tests can stand in for it. */
export interface WorkerLike {
  postMessage(message: unknown): void;
  addEventListener(type: "message", listener: (event: MessageEvent<unknown>) => void): void;
  addEventListener(type: "error", listener: (event: ErrorEvent) => void): void;
  terminate(): void;
}

/** `superseded`: the run was cancelled (a newer request, or `cancel`) before its reply arrived. */
export type RunOutcome<T> = { readonly status: "done"; readonly value: T } | { readonly status: "superseded" };

/** Reads the messages of one reply, in order. */
export interface ReplyReader<T> {
  /** The result once this message completes the reply, else undefined; throws when the reply is a failure. */
  read(message: unknown): T | undefined;
}

export interface LatestRunner<Q, T> {
  /** Runs one request in the worker; a run still in progress is cancelled first. */
  run(request: Q): Promise<RunOutcome<T>>;
  /** Stops the run in progress, if any: its promise resolves as superseded and its reply never arrives. */
  cancel(): void;
  dispose(): void;
}

interface Pending<T> {
  readonly id: number;
  readonly reader: ReplyReader<T>;
  readonly resolve: (outcome: RunOutcome<T>) => void;
  readonly reject: (error: Error) => void;
}

function idOf(message: unknown): number | undefined {
  if (typeof message !== "object" || message === null) return undefined;
  const { id } = message as { id?: unknown };
  return typeof id === "number" ? id : undefined;
}

/**
 * Runs requests in a worker, only the latest counting. A run cannot be interrupted from inside (the analysis is
 * one synchronous pass), so cancelling it terminates its worker and starts a fresh one: a stale run on a large
 * paste never keeps the next one waiting, and nothing it computed can arrive. Requests are numbered (`id`) and
 * replies matched by id and by worker; a large paste is sent in parts (see `postTextInParts`).
 */
export function latestRunner<Q extends { readonly text: string }, T>(
  spawn: () => WorkerLike,
  reader: () => ReplyReader<T>,
  what: string,
  partChars: number = TEXT_PART_CHARS,
): LatestRunner<Q, T> {
  let nextId = 1;
  let pending: Pending<T> | undefined;
  let worker: WorkerLike | undefined = start();

  function start(): WorkerLike {
    const own = spawn();
    own.addEventListener("message", (event) => {
      const current = pending;
      if (own !== worker || current === undefined || idOf(event.data) !== current.id) return;
      try {
        const value = current.reader.read(event.data);
        if (value === undefined) return;
        settle();
        current.resolve({ status: "done", value });
      } catch (error) {
        settle();
        current.reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
    own.addEventListener("error", (event) => {
      if (own !== worker) return;
      event.preventDefault();
      // A worker that failed may be dead: the next run starts another one.
      own.terminate();
      worker = undefined;
      settle()?.reject(new Error(event.message || `The ${what} worker stopped.`));
    });
    return own;
  }

  function settle(): Pending<T> | undefined {
    const current = pending;
    pending = undefined;
    return current;
  }

  function cancel(): void {
    const stale = settle();
    if (stale === undefined) return;
    worker?.terminate();
    // Started now, it has loaded by the time the next (debounced) request is sent.
    worker = start();
    stale.resolve({ status: "superseded" });
  }

  return {
    run(request) {
      cancel();
      const id = nextId++;
      const target = worker ?? start();
      worker = target;
      return new Promise<RunOutcome<T>>((resolve, reject) => {
        pending = { id, reader: reader(), resolve, reject };
        // A cancelled run stops sending: its worker is gone, or a newer run is pending.
        postTextInParts(target, { ...request, id }, partChars, () => pending?.id === id && worker === target);
      });
    },
    cancel,
    dispose() {
      settle()?.resolve({ status: "superseded" });
      worker?.terminate();
      worker = undefined;
    },
  };
}
