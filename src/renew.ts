import type { AnalyzeOptions } from "./analyze";
import { runEngine } from "./engine/engine";
import { planRenewal } from "./engine/renewal/plan";
import type { RenewalRequest } from "./engine/renewal/request";
import { breakage, breakageWindows, type StepBreakage, simulationEdits } from "./engine/renewal/simulate";
import type { RenewalPlan, RenewalStep } from "./engine/renewal/types";
import { applyEdits } from "./engine/whatif/apply";
import { diffReports, type WhatIfDiff } from "./engine/whatif/diff";
import type { UnmatchedEdit } from "./engine/whatif/edits";
import { parse } from "./parse";
import type { ParseResult } from "./parse/types";
import { buildReport } from "./report/build";
import type { Report } from "./report/types";

export interface SimulatedStep extends RenewalStep {
  /** What this step breaks that the paste as it is does not have, and until which step. */
  readonly breaks: StepBreakage;
}

export type RenewalResult =
  | { readonly ok: false; readonly reason: string }
  | {
      readonly ok: true;
      readonly plan: RenewalPlan;
      readonly steps: readonly SimulatedStep[];
      readonly before: Report;
      /** The paste as it would be after every step. */
      readonly end: Report;
      readonly endDiff: WhatIfDiff;
      /** Plan effects the simulation could not apply (none for a plan built from the same paste). */
      readonly unmatched: readonly UnmatchedEdit[];
    };

/**
 * The renewal plan for a paste, checked by simulation over one parse: the
 * engine runs on the paste as it is and after each step; the state after the
 * last step is the end state.
 */
export async function planRenewalFor(
  text: string,
  options: AnalyzeOptions,
  request: RenewalRequest,
): Promise<RenewalResult> {
  const asOf = options.asOf ?? new Date().toISOString().slice(0, 10);
  const at = new Date(`${asOf}T00:00:00Z`);
  const parsed = await parse(text, options.server === undefined ? {} : { server: options.server });
  const base = runEngine(parsed, at);
  const before = buildReport(parsed, base, asOf);
  const outcome = planRenewal(parsed.inventory, base.selections, request);
  if (!outcome.ok) return outcome;
  const { plan } = outcome;
  const states = plan.steps.map((step) => {
    const edits = simulationEdits(plan, request.successor, step.step);
    const { inventory, unmatched } = applyEdits(parsed.inventory, edits);
    const edited: ParseResult = { ...parsed, inventory };
    return { report: buildReport(edited, runEngine(edited, at), asOf), unmatched };
  });
  const windows = breakageWindows(states.map((s) => breakage(diffReports(before, s.report))));
  const end = states[states.length - 1] ?? { report: before, unmatched: [] };
  return {
    ok: true,
    plan,
    steps: plan.steps.map((step, i) => ({ ...step, breaks: windows[i] ?? { findings: [], lostStartTls: [] } })),
    before,
    end: end.report,
    endDiff: diffReports(before, end.report),
    unmatched: end.unmatched,
  };
}
