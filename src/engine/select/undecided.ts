import type { SelectionStep } from "./types";

/** A certificate date a tie-break step could not order against another, so the winner rests on it. */
export interface UndecidedDate {
  readonly field: "NotBefore" | "NotAfter";
  /** The candidate key (thumbprint, or `#n`). */
  readonly key: string;
}

/**
 * Undecided dates by step, kept beside the step rather than in it: a step is contract output, and this is for
 * rules (INPUT_AMBIGUOUS), which would otherwise have to read it back out of the step's sentences.
 */
const byStep = new WeakMap<SelectionStep, readonly UndecidedDate[]>();

const NONE: readonly UndecidedDate[] = [];

/** `step`, with the dates its tie-break could not order recorded for `undecidedDates`. */
export function withUndecided(step: SelectionStep, dates: readonly UndecidedDate[]): SelectionStep {
  if (dates.length > 0) byStep.set(step, dates);
  return step;
}

export function undecidedDates(step: SelectionStep): readonly UndecidedDate[] {
  return byStep.get(step) ?? NONE;
}

/** The keys of a `pickLatest` result as undecided dates of one field. */
export function undecided(field: UndecidedDate["field"], keys: readonly string[]): UndecidedDate[] {
  return keys.map((key) => ({ field, key }));
}
