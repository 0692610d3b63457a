import type { AnalyzeOptions } from "../analyze";
import type { Report } from "../report/types";

/** What the page sends the worker: one paste to analyse, numbered so late replies can be recognised. */
export interface AnalysisRequest {
  readonly id: number;
  readonly text: string;
  readonly options: AnalyzeOptions;
}

export type AnalysisResponse =
  | { readonly id: number; readonly ok: true; readonly report: Report }
  | { readonly id: number; readonly ok: false; readonly error: string };

export type Analyze = (text: string, options?: AnalyzeOptions) => Promise<Report>;

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
  return typeof candidate.id === "number" && typeof candidate.ok === "boolean";
}

/** Runs one request; a failing analysis becomes an error reply instead of killing the worker. */
export async function respond(request: AnalysisRequest, analyze: Analyze): Promise<AnalysisResponse> {
  try {
    return { id: request.id, ok: true, report: await analyze(request.text, request.options) };
  } catch (error) {
    return { id: request.id, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
