export interface SliceOptions {
  /** Stops the writing at the next pause; the result is then undefined. */
  readonly signal?: AbortSignal;
  /** Gives the page its thread back between slices. */
  readonly pause?: () => Promise<void>;
  /** How long one slice may hold the thread. */
  readonly budgetMs?: number;
  readonly now?: () => number;
}

// Well under the 50 ms that makes a task long, leaving the page room to handle input between slices.
const SLICE_BUDGET_MS = 12;
// Reading the clock after every small part would cost more than the parts.
const PARTS_PER_CLOCK_READ = 64;

/**
 * Writes text parts into a Blob a slice at a time, so a report of tens of megabytes never holds the page's
 * thread in one long task. Each slice becomes a Blob of its own; the file is their concatenation, which the
 * browser assembles without copying the text through the page again.
 */
export async function blobInSlices(
  parts: Iterable<string>,
  type: string,
  { signal, pause = nextTask, budgetMs = SLICE_BUDGET_MS, now = () => performance.now() }: SliceOptions = {},
): Promise<Blob | undefined> {
  const iterator = parts[Symbol.iterator]();
  const slices: Blob[] = [];
  for (;;) {
    const started = now();
    const texts: string[] = [];
    let done = false;
    while (!done && now() - started < budgetMs) {
      for (let k = 0; k < PARTS_PER_CLOCK_READ; k++) {
        const next = iterator.next();
        if (next.done === true) {
          done = true;
          break;
        }
        texts.push(next.value);
      }
    }
    slices.push(new Blob([texts.join("")]));
    if (done) return new Blob(slices, { type });
    await pause();
    if (signal?.aborted === true) return undefined;
  }
}

/** The next task of the event loop, without the minimum delay browsers put on chained timers. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(undefined);
  });
}
