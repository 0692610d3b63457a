import { STEP } from "../../engine/select/step-ids";
import type { ReportSelection } from "../../report/types";

// The checks Exchange makes on a certificate after choosing it: a "no" does not stop the choice, it breaks the
// handshake or the peers' trust, so the verdict repeats what the trace says about it.
const CHECKS_ON_THE_CHOSEN: readonly string[] = [STEP.chosenKey, STEP.chosenSmtp, STEP.chosenExpiry];

/** The trace's own words for each check on the chosen certificate that answered "no", in trace order. */
export function verdictNotes(selection: Pick<ReportSelection, "steps">): string[] {
  return selection.steps.filter((s) => CHECKS_ON_THE_CHOSEN.includes(s.id) && s.outcome === "no").map((s) => s.detail);
}
