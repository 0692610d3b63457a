import type { AnalyzeOptions } from "../analyze";
import type { WhatIfEdit } from "../engine/whatif/edits";
import type { WhatIfResult } from "../what-if";

/** A what-if to compute: the paste, its options and the edits. */
export interface WhatIfRequest {
  readonly id: number;
  readonly whatIf: true;
  readonly text: string;
  readonly options: AnalyzeOptions;
  readonly edits: readonly WhatIfEdit[];
}

/** What the page shows of a what-if: the two whole reports stay in the worker. */
export type WhatIfView = Pick<WhatIfResult, "diff" | "unmatched" | "commands">;

export type WhatIfResponse =
  | { readonly id: number; readonly kind: "what-if"; readonly view: WhatIfView }
  | { readonly id: number; readonly kind: "error"; readonly error: string };

export type ComputeWhatIf = (
  text: string,
  options: AnalyzeOptions,
  edits: readonly WhatIfEdit[],
) => Promise<WhatIfResult>;

export function isWhatIfRequest(value: unknown): value is WhatIfRequest {
  if (typeof value !== "object" || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    candidate.whatIf === true &&
    typeof candidate.id === "number" &&
    typeof candidate.text === "string" &&
    typeof candidate.options === "object" &&
    candidate.options !== null &&
    Array.isArray(candidate.edits)
  );
}

export function isWhatIfResponse(value: unknown): value is WhatIfResponse {
  if (typeof value !== "object" || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate.id === "number" && (candidate.kind === "what-if" || candidate.kind === "error");
}

/** Computes one what-if and replies with what the page shows; a failure becomes an error reply. */
export async function respondWhatIf(request: WhatIfRequest, compute: ComputeWhatIf): Promise<WhatIfResponse> {
  try {
    const { diff, unmatched, commands } = await compute(request.text, request.options, request.edits);
    return { id: request.id, kind: "what-if", view: { diff, unmatched, commands } };
  } catch (error) {
    return { id: request.id, kind: "error", error: error instanceof Error ? error.message : String(error) };
  }
}
