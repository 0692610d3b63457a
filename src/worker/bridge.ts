import type { AnalyzeOptions } from "../analyze";
import { type AnalysisRequest, type AnalysisResponse, isAnalysisResponse } from "./protocol";
import type { AnalysisResult } from "./result";
import { assembleResult, type ResultAssembler } from "./slices";

/** The part of `Worker` the bridge uses, so tests can stand in for it. */
export interface WorkerLike {
  postMessage(message: AnalysisRequest): void;
  addEventListener(type: "message", listener: (event: MessageEvent<unknown>) => void): void;
  addEventListener(type: "error", listener: (event: ErrorEvent) => void): void;
  terminate(): void;
}

/** `superseded`: the run was cancelled (a newer request, or `cancel`) before its reply arrived. */
export type AnalysisOutcome = ({ readonly status: "done" } & AnalysisResult) | { readonly status: "superseded" };

export interface AnalysisBridge {
  /** Analyses one paste; a run still in progress is cancelled first. */
  analyze(text: string, options: AnalyzeOptions): Promise<AnalysisOutcome>;
  /** Stops the run in progress, if any: its promise resolves as superseded and its report never arrives. */
  cancel(): void;
  dispose(): void;
}

interface Pending {
  readonly id: number;
  readonly assembler: ResultAssembler;
  readonly resolve: (outcome: AnalysisOutcome) => void;
  readonly reject: (error: Error) => void;
}

/**
 * Talks to the analysis worker. An analysis cannot be interrupted from inside (it is one synchronous pass), so
 * cancelling a run terminates its worker and starts a fresh one: a stale analysis of a large paste never keeps
 * the next one waiting, and nothing it computed can arrive. Replies are also matched by id and by worker.
 */
export function createAnalysisBridge(spawn: () => WorkerLike): AnalysisBridge {
  let nextId = 1;
  let pending: Pending | undefined;
  let worker: WorkerLike | undefined = start();

  function start(): WorkerLike {
    const own = spawn();
    own.addEventListener("message", (event) => {
      const response = event.data;
      if (own !== worker || !isAnalysisResponse(response) || response.id !== pending?.id) return;
      receive(pending, response);
    });
    own.addEventListener("error", (event) => {
      if (own !== worker) return;
      event.preventDefault();
      // A worker that failed may be dead: the next analysis starts another one.
      own.terminate();
      worker = undefined;
      settle()?.reject(new Error(event.message || "The analysis worker stopped."));
    });
    return own;
  }

  function receive(current: Pending, response: AnalysisResponse): void {
    try {
      if (response.kind === "slice") {
        current.assembler.add(response.slice);
        return;
      }
      settle();
      if (response.kind === "error") current.reject(new Error(response.error));
      else current.resolve({ status: "done", ...current.assembler.finish(response.head, response.slices) });
    } catch (error) {
      settle();
      current.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  function settle(): Pending | undefined {
    const current = pending;
    pending = undefined;
    return current;
  }

  function cancel(): void {
    const stale = settle();
    if (stale === undefined) return;
    worker?.terminate();
    // Started now, it has loaded by the time the next (debounced) analysis is sent.
    worker = start();
    stale.resolve({ status: "superseded" });
  }

  return {
    analyze(text, options) {
      cancel();
      const id = nextId++;
      const target = worker ?? start();
      worker = target;
      return new Promise<AnalysisOutcome>((resolve, reject) => {
        pending = { id, assembler: assembleResult(), resolve, reject };
        target.postMessage({ id, text, options });
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
