import type { AnalyzeOptions } from "../analyze";
import type { AnalysisResult } from "./result";
import { type ResultHead, type Slice, sliceResult } from "./slices";

/** What the page sends the worker: one paste to analyse, numbered so late replies can be recognised. */
export interface AnalysisRequest {
  readonly id: number;
  readonly text: string;
  readonly options: AnalyzeOptions;
}

/** A reply is several messages: the slices of the result, then its head with how many slices came before. */
export type AnalysisResponse =
  | { readonly id: number; readonly kind: "slice"; readonly slice: Slice }
  | { readonly id: number; readonly kind: "end"; readonly head: ResultHead; readonly slices: number }
  | { readonly id: number; readonly kind: "error"; readonly error: string };

export type AnalyzeForPage = (text: string, options: AnalyzeOptions) => Promise<AnalysisResult>;

export function isAnalysisRequest(value: unknown): value is AnalysisRequest {
  if (typeof value !== "object" || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate.id === "number" &&
    typeof candidate.text === "string" &&
    typeof candidate.options === "object" &&
    candidate.options !== null
  );
}

export function isAnalysisResponse(value: unknown): value is AnalysisResponse {
  if (typeof value !== "object" || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate.id === "number" &&
    (candidate.kind === "slice" || candidate.kind === "end" || candidate.kind === "error")
  );
}

/** Runs one request and posts its reply; a failing analysis becomes an error reply instead of killing the worker. */
export async function respond(
  request: AnalysisRequest,
  analyze: AnalyzeForPage,
  post: (response: AnalysisResponse) => void,
): Promise<void> {
  const { id } = request;
  let result: AnalysisResult;
  try {
    result = await analyze(request.text, request.options);
  } catch (error) {
    post({ id, kind: "error", error: error instanceof Error ? error.message : String(error) });
    return;
  }
  const { slices, head } = sliceResult(result);
  for (const slice of slices) post({ id, kind: "slice", slice });
  post({ id, kind: "end", head, slices: slices.length });
}
