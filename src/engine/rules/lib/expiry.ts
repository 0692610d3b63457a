import { memoiseByObject } from "../../../model/memo";
import type { DateValue } from "../../../model/values";

const DAY_MS = 86_400_000;

/** HealthChecker's lifetime tiers: yellow under 60 days, red under 30 (notes/anchors-mission.md A1). */
export const EXPIRING_DAYS = 60;
export const URGENT_DAYS = 30;

export type ExpiryState = "expired" | "expiring" | "valid";

/** Every reading of a date as epoch milliseconds: one when the paste decided it, several when it did not. */
export function readingsOf(value: DateValue | undefined): readonly number[] {
  return value === undefined ? [] : readings(value);
}

/** Read once per date: several rules ask about every installed certificate's NotAfter. */
const readings = memoiseByObject((value: DateValue): readonly number[] => {
  const isos = value.iso !== null ? [value.iso] : value.readings;
  return isos.map((iso) => Date.parse(iso)).filter((t) => !Number.isNaN(t));
});

/** Whole days from `asOf` to `time`, truncated like .NET's TimeSpan.Days (HealthChecker's lifetime). */
export function daysLeft(time: number, asOf: Date): number {
  return Math.trunc((time - asOf.getTime()) / DAY_MS) || 0;
}

export function expiryState(time: number, asOf: Date): ExpiryState {
  if (time < asOf.getTime()) return "expired";
  return daysLeft(time, asOf) < EXPIRING_DAYS ? "expiring" : "valid";
}

/** The state every reading of NotAfter agrees on, with the readings; undefined when the readings disagree or there are none. */
export function agreedExpiry(
  value: DateValue | undefined,
  asOf: Date,
): { state: ExpiryState; times: readonly number[] } | undefined {
  const times = readingsOf(value);
  const [first] = times;
  if (first === undefined) return undefined;
  // Without a set of states: several rules ask this of every installed certificate.
  const state = expiryState(first, asOf);
  for (const t of times) if (expiryState(t, asOf) !== state) return undefined;
  return { state, times };
}

export function dayText(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/** `2027-06-02`, or `2027-02-06 or 2027-06-02` when the paste left two readings. */
export function daysText(times: readonly number[]): string {
  return [...new Set([...times].sort((a, b) => a - b).map(dayText))].join(" or ");
}
