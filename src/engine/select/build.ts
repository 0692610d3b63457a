import type { Candidate } from "./context";
import type { StepId } from "./step-ids";
import type { DroppedCandidate, SelectionStep, StepOutcome } from "./types";

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
  const caveat = distinctCaveats(extras.caveats);
  const kept = keysOf(extras.kept);
  const dropped = droppedOf(extras.dropped);
  // Two literals rather than a spread: a step is made tens of thousands of times for an organisation.
  return caveat === undefined
    ? { id, question, outcome, detail, kept, dropped }
    : { id, question, outcome, detail, kept, dropped, caveat };
}

/** Shared by every step that keeps or drops nothing (steps are never changed once made). */
const NONE: readonly never[] = [];

function keysOf(candidates: readonly Candidate[] | undefined): readonly string[] {
  return candidates === undefined || candidates.length === 0 ? NONE : candidates.map((c) => c.key);
}

function droppedOf(drops: readonly Drop[] | undefined): readonly DroppedCandidate[] {
  return drops === undefined || drops.length === 0
    ? NONE
    : drops.map((d) => ({ thumbprint: d.candidate.key, reason: d.reason }));
}

/**
 * The caveats given, each once, in order, joined by a space; undefined when there are none. A step mostly has a
 * handful, searched in a list without a set for every step; one per candidate of a server with thousands of
 * certificates goes through a set.
 */
function distinctCaveats(given: readonly (string | undefined)[] | undefined): string | undefined {
  if (given === undefined) return undefined;
  if (given.length > MANY_CAVEATS) {
    const caveats = new Set<string>();
    for (const c of given) if (c !== undefined && c !== "") caveats.add(c);
    return caveats.size === 0 ? undefined : [...caveats].join(" ");
  }
  let first: string | undefined;
  let caveats: string[] | undefined;
  for (const c of given) {
    if (c === undefined || c === "" || c === first || caveats?.includes(c)) continue;
    if (first === undefined) first = c;
    else if (caveats === undefined) caveats = [first, c];
    else caveats.push(c);
  }
  return caveats === undefined ? first : caveats.join(" ");
}

const MANY_CAVEATS = 16;

/** The cmdlet that shows a connector's full properties, for "paste …" advice. */
export function connectorCmdlet(direction: Direction): string {
  return direction === "inbound" ? "Get-ReceiveConnector | fl" : "Get-SendConnector | fl";
}

export const ASK_FOR_CERT_LIST = "Paste `Get-ExchangeCertificate | fl` for the whole values.";
