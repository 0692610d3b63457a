import type { AnalyzeOptions } from "../analyze";
import type { RenewalRequest } from "../engine/renewal/request";
import type { RenewalResult } from "../renew";
import type { ReportFinding } from "../report/types";

/** A renewal to plan and simulate: the paste, its options and what the admin asked for. */
export interface RenewalPlanRequest {
  readonly id: number;
  readonly renewal: true;
  readonly text: string;
  readonly options: AnalyzeOptions;
  readonly request: RenewalRequest;
}

type Planned = Extract<RenewalResult, { ok: true }>;

/**
 * What the page shows of a renewal: the plan, its steps with what they break, and of the end state its findings
 * and its diff. The report before and the one after the last step stay in the worker.
 */
export type RenewalView =
  | Extract<RenewalResult, { ok: false }>
  | (Pick<Planned, "ok" | "plan" | "steps" | "endDiff" | "unmatched"> & {
      readonly endFindings: readonly ReportFinding[];
    });

export type RenewalResponse =
  | { readonly id: number; readonly kind: "renewal"; readonly view: RenewalView }
  | { readonly id: number; readonly kind: "error"; readonly error: string };

export type PlanRenewal = (text: string, options: AnalyzeOptions, request: RenewalRequest) => Promise<RenewalResult>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

export function isRenewalPlanRequest(value: unknown): value is RenewalPlanRequest {
  if (!isRecord(value)) return false;
  const { request } = value;
  return (
    value.renewal === true &&
    typeof value.id === "number" &&
    typeof value.text === "string" &&
    isRecord(value.options) &&
    isRecord(request) &&
    typeof request.old === "string" &&
    isRecord(request.successor)
  );
}

export function isRenewalResponse(value: unknown): value is RenewalResponse {
  if (!isRecord(value)) return false;
  return typeof value.id === "number" && (value.kind === "renewal" || value.kind === "error");
}

/** What the page shows of a renewal result. */
export function renewalView(result: RenewalResult): RenewalView {
  if (!result.ok) return result;
  const { ok, plan, steps, end, endDiff, unmatched } = result;
  return { ok, plan, steps, endFindings: end.findings, endDiff, unmatched };
}

/** Plans one renewal and replies with what the page shows; a failure becomes an error reply. */
export async function respondRenewal(request: RenewalPlanRequest, plan: PlanRenewal): Promise<RenewalResponse> {
  try {
    const result = await plan(request.text, request.options, request.request);
    return { id: request.id, kind: "renewal", view: renewalView(result) };
  } catch (error) {
    return { id: request.id, kind: "error", error: error instanceof Error ? error.message : String(error) };
  }
}
