import { memoiseByObject } from "../../model/memo";
import type { DateValue } from "../../model/values";

/**
 * Dates as the engine can use them. A console date two cultures read
 * differently keeps every reading; a comparison is only decided when every
 * pair of readings agrees, otherwise it is "unknown" and the step says so.
 */
interface Readable {
  readonly raw: string;
  readonly times: readonly number[];
  readonly isos: readonly string[];
}

function readable(value: DateValue | undefined): Readable | undefined {
  return value === undefined ? undefined : read(value);
}

/** Read once per date: every connector of a server compares the same certificates' dates again. */
const read = memoiseByObject((value: DateValue): Readable | undefined => {
  const isos = value.iso !== null ? [value.iso] : value.readings;
  const times = isos.map((iso) => Date.parse(iso)).filter((t) => !Number.isNaN(t));
  if (times.length === 0) return undefined;
  return { raw: value.raw, times, isos };
});

export type Order = "later" | "earlier" | "same" | "unknown";

/** Is `a` later than `b` under every reading of both? */
export function compareDates(a: DateValue | undefined, b: DateValue | undefined): Order {
  const left = readable(a);
  const right = readable(b);
  if (left === undefined || right === undefined) return "unknown";
  // The sign every pair of readings agrees on, without a set per comparison: pickers compare each pair of a
  // server's candidates, for every connector.
  let sign: number | undefined;
  for (const x of left.times) {
    for (const y of right.times) {
      const s = Math.sign(x - y);
      if (sign === undefined) sign = s;
      else if (s !== sign) return "unknown";
    }
  }
  return sign === 1 ? "later" : sign === -1 ? "earlier" : sign === 0 ? "same" : "unknown";
}

/** Is the date before `asOf` under every reading ("yes"), under none ("no"), or does it depend ("unknown")? */
export function isBefore(value: DateValue | undefined, asOf: Date): "yes" | "no" | "unknown" {
  const date = readable(value);
  if (date === undefined) return "unknown";
  const when = asOf.getTime();
  if (date.times.every((t) => t < when)) return "yes";
  if (date.times.every((t) => t >= when)) return "no";
  return "unknown";
}

/** `2024-01-01`, or `12/02/2024 (2024-02-12 or 2024-12-02)`, or "not in the paste". */
export function dateText(value: DateValue | undefined): string {
  if (value === undefined) return "not in the paste";
  const date = readable(value);
  if (date === undefined) return `"${value.raw}" (not readable as a date)`;
  const days = [...new Set(date.isos.map(dayOf))];
  if (days.length === 1) return days[0] ?? value.raw;
  return `${value.raw} (${days.join(" or ")})`;
}

/** A caveat naming the readings of a date the paste left open, or undefined when it is clear. */
export function ambiguityNote(what: string, value: DateValue | undefined): string | undefined {
  if (value === undefined || value.iso !== null) return undefined;
  const date = readable(value);
  if (date === undefined || date.isos.length < 2) return undefined;
  const days = [...new Set(date.isos.map(dayOf))].join(" or ");
  return `${what} "${value.raw}" can be read as ${days} (the console's date format does not say which); certflow only relies on it where every reading agrees.`;
}

/** The last answer is kept: every step of every selection asks about the same date. */
let lastAsOf: { readonly time: number; readonly text: string } | undefined;

export function asOfText(asOf: Date): string {
  const time = asOf.getTime();
  if (lastAsOf?.time !== time) lastAsOf = { time, text: dayOf(asOf.toISOString()) };
  return lastAsOf.text;
}

/**
 * A sentence that depends only on the as-of day, made once per day and shared: every lookup's steps hold the same
 * question. `make` must be one function per sentence (it keys the cache).
 */
export function asOfSentence(asOf: Date, make: (day: string) => string): string {
  const day = asOfText(asOf);
  const known = sentences.get(make);
  if (known?.day === day) return known.text;
  const text = make(day);
  sentences.set(make, { day, text });
  return text;
}

const sentences = new Map<(day: string) => string, { readonly day: string; readonly text: string }>();

function dayOf(iso: string): string {
  return iso.slice(0, 10);
}
