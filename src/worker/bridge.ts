import type { AnalyzeOptions } from "../analyze";
import type { RenewalRequest } from "../engine/renewal/request";
import type { WhatIfEdit } from "../engine/whatif/edits";
import type { Redaction, RedactionInput } from "../share/redact";
import { latestRunner, type ReplyReader, type WorkerLike } from "./latest-run";
import { isAnalysisResponse } from "./protocol";
import { isRedactResponse } from "./redact-protocol";
import { isRenewalResponse, type RenewalView } from "./renewal-protocol";
import type { AnalysisResult } from "./result";
import { assembleResult } from "./slices";
import { isWhatIfResponse, type WhatIfView } from "./whatif-protocol";

export type { WorkerLike } from "./latest-run";

/** `superseded`: the run was cancelled (a newer request, or `cancel`) before its reply arrived. */
export type AnalysisOutcome = ({ readonly status: "done" } & AnalysisResult) | { readonly status: "superseded" };

export interface AnalysisBridge {
  /** Analyses one paste; a run still in progress is cancelled first. */
  analyze(text: string, options: AnalyzeOptions): Promise<AnalysisOutcome>;
  /** Stops the run in progress, if any: its promise resolves as superseded and its report never arrives. */
  cancel(): void;
  dispose(): void;
}

/** A reply in slices: parsed as each arrives, put together at its end. */
function analysisReader(): ReplyReader<AnalysisResult> {
  const assembler = assembleResult();
  return {
    read(message) {
      if (!isAnalysisResponse(message)) return undefined;
      if (message.kind === "slice") {
        assembler.add(message.slice);
        return undefined;
      }
      if (message.kind === "error") throw new Error(message.error);
      return assembler.finish(message.head, message.slices);
    },
  };
}

/** Talks to the analysis worker: only the latest paste counts (see `latestRunner`). */
export function createAnalysisBridge(spawn: () => WorkerLike): AnalysisBridge {
  const runner = latestRunner<{ text: string; options: AnalyzeOptions }, AnalysisResult>(
    spawn,
    analysisReader,
    "analysis",
  );
  return {
    async analyze(text, options) {
      const outcome = await runner.run({ text, options });
      return outcome.status === "done" ? { status: "done", ...outcome.value } : outcome;
    },
    cancel: runner.cancel,
    dispose: runner.dispose,
  };
}

export type WhatIfOutcome = { readonly status: "done"; readonly view: WhatIfView } | { readonly status: "superseded" };

export interface WhatIfBridge {
  /** Computes the what-if of a paste and its edits; a run still in progress is cancelled first. */
  whatIf(text: string, options: AnalyzeOptions, edits: readonly WhatIfEdit[]): Promise<WhatIfOutcome>;
  cancel(): void;
  dispose(): void;
}

function whatIfReader(): ReplyReader<WhatIfView> {
  return {
    read(message) {
      if (!isWhatIfResponse(message)) return undefined;
      if (message.kind === "error") throw new Error(message.error);
      return message.view;
    },
  };
}

/** Talks to a worker that computes what-ifs: two analyses of the paste, which the page must not wait for. */
export function createWhatIfBridge(spawn: () => WorkerLike): WhatIfBridge {
  const runner = latestRunner<
    { whatIf: true; text: string; options: AnalyzeOptions; edits: readonly WhatIfEdit[] },
    WhatIfView
  >(spawn, whatIfReader, "what-if");
  return {
    async whatIf(text, options, edits) {
      const outcome = await runner.run({ whatIf: true, text, options, edits });
      return outcome.status === "done" ? { status: "done", view: outcome.value } : outcome;
    },
    cancel: runner.cancel,
    dispose: runner.dispose,
  };
}

export type RenewalOutcome =
  | { readonly status: "done"; readonly view: RenewalView }
  | { readonly status: "superseded" };

export interface RenewalBridge {
  /** Plans and simulates a renewal on a paste; a run still in progress is cancelled first. */
  plan(text: string, options: AnalyzeOptions, request: RenewalRequest): Promise<RenewalOutcome>;
  cancel(): void;
  dispose(): void;
}

function renewalReader(): ReplyReader<RenewalView> {
  return {
    read(message) {
      if (!isRenewalResponse(message)) return undefined;
      if (message.kind === "error") throw new Error(message.error);
      return message.view;
    },
  };
}

/** Talks to a worker that plans renewals: the engine runs once per step of the plan, which the page must not wait for. */
export function createRenewalBridge(spawn: () => WorkerLike): RenewalBridge {
  const runner = latestRunner<
    { renewal: true; text: string; options: AnalyzeOptions; request: RenewalRequest },
    RenewalView
  >(spawn, renewalReader, "renewal");
  return {
    async plan(text, options, request) {
      const outcome = await runner.run({ renewal: true, text, options, request });
      return outcome.status === "done" ? { status: "done", view: outcome.value } : outcome;
    },
    cancel: runner.cancel,
    dispose: runner.dispose,
  };
}

export type RedactionOutcome =
  | { readonly status: "done"; readonly redaction: Redaction }
  | { readonly status: "superseded" };

export interface RedactionBridge {
  /** Redacts a paste before it is shared; a run still in progress is cancelled first. */
  redact(input: RedactionInput): Promise<RedactionOutcome>;
  cancel(): void;
  dispose(): void;
}

function redactionReader(): ReplyReader<Redaction> {
  return {
    read(message) {
      if (!isRedactResponse(message)) return undefined;
      if (message.kind === "error") throw new Error(message.error);
      return message.redaction;
    },
  };
}

/** Talks to a worker that redacts pastes: seconds of work on a large one, which the page must not wait for. */
export function createRedactionBridge(spawn: () => WorkerLike): RedactionBridge {
  const runner = latestRunner<{ redact: true } & RedactionInput, Redaction>(spawn, redactionReader, "redaction");
  return {
    async redact(input) {
      const outcome = await runner.run({ redact: true, ...input });
      return outcome.status === "done" ? { status: "done", redaction: outcome.value } : outcome;
    },
    cancel: runner.cancel,
    dispose: runner.dispose,
  };
}
