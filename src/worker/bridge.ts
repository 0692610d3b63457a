import type { AnalyzeOptions } from "../analyze";
import type { Report } from "../report/types";
import { type AnalysisRequest, isAnalysisResponse } from "./protocol";

/** The part of `Worker` the bridge uses, so tests can stand in for it. */
export interface WorkerLike {
  postMessage(message: AnalysisRequest): void;
  addEventListener(type: "message", listener: (event: MessageEvent<unknown>) => void): void;
  addEventListener(type: "error", listener: (event: ErrorEvent) => void): void;
  terminate(): void;
}

/** `superseded`: a newer request was sent before this one's reply arrived, so its report is not wanted. */
export type AnalysisOutcome = { readonly status: "done"; readonly report: Report } | { readonly status: "superseded" };

export interface AnalysisBridge {
  analyze(text: string, options: AnalyzeOptions): Promise<AnalysisOutcome>;
  dispose(): void;
}

interface Pending {
  readonly id: number;
  readonly resolve: (outcome: AnalysisOutcome) => void;
  readonly reject: (error: Error) => void;
}

export function createAnalysisBridge(spawn: () => WorkerLike): AnalysisBridge {
  const worker = spawn();
  let nextId = 1;
  let pending: Pending | undefined;

  function settle(): Pending | undefined {
    const current = pending;
    pending = undefined;
    return current;
  }

  worker.addEventListener("message", (event) => {
    const response = event.data;
    if (!isAnalysisResponse(response) || response.id !== pending?.id) return;
    const current = settle();
    if (response.ok) current?.resolve({ status: "done", report: response.report });
    else current?.reject(new Error(response.error));
  });

  worker.addEventListener("error", (event) => {
    event.preventDefault();
    settle()?.reject(new Error(event.message || "The analysis worker stopped."));
  });

  return {
    analyze(text, options) {
      settle()?.resolve({ status: "superseded" });
      const id = nextId++;
      return new Promise<AnalysisOutcome>((resolve, reject) => {
        pending = { id, resolve, reject };
        worker.postMessage({ id, text, options });
      });
    },
    dispose() {
      settle()?.resolve({ status: "superseded" });
      worker.terminate();
    },
  };
}
