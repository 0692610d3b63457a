import type { Candidate } from "./context";
import type { StepId } from "./step-ids";
import type { SelectionStep, StepOutcome } from "./types";

export type Direction = "inbound" | "outbound";

export interface Drop {
  readonly candidate: Candidate;
  readonly reason: string;
}

/** A step and the candidates it passes on to the next one. */
export interface StepResult {
  readonly step: SelectionStep;
  readonly next: readonly Candidate[];
}

export interface StepExtras {
  readonly kept?: readonly Candidate[];
  readonly dropped?: readonly Drop[];
  /** Each a full sentence; undefined entries are left out, repeats said once. */
  readonly caveats?: readonly (string | undefined)[];
}

export function makeStep(
  id: StepId,
  question: string,
  outcome: StepOutcome,
  detail: string,
  extras: StepExtras = {},
): SelectionStep {
  const caveats = distinctCaveats(extras.caveats);
  return {
    id,
    question,
    outcome,
    detail,
    kept: (extras.kept ?? []).map((c) => c.key),
    dropped: (extras.dropped ?? []).map((d) => ({ thumbprint: d.candidate.key, reason: d.reason })),
    ...(caveats.length > 0 ? { caveat: caveats.join(" ") } : {}),
  };
}

/** The caveats given, each once, in order. A step has a handful, so a list does without a set for every step. */
function distinctCaveats(given: readonly (string | undefined)[] | undefined): string[] {
  const caveats: string[] = [];
  for (const c of given ?? []) if (c !== undefined && c !== "" && !caveats.includes(c)) caveats.push(c);
  return caveats;
}

/** The cmdlet that shows a connector's full properties, for "paste …" advice. */
export function connectorCmdlet(direction: Direction): string {
  return direction === "inbound" ? "Get-ReceiveConnector | fl" : "Get-SendConnector | fl";
}

export const ASK_FOR_CERT_LIST = "Paste `Get-ExchangeCertificate | fl` for the whole values.";
