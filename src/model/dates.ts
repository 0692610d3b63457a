import type { DateValue } from "./values";

/** Which component of a `1/2/2028`-style date is the day. */
export type DateOrder = "day-first" | "month-first";

const NOT_A_DATE = "not a date";
/** Longer texts are not dates; the cap keeps every regex below cheap. */
const MAX_DATE_LENGTH = 120;
const MAX_EPOCH_MS = 8.64e15;

interface Clock {
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly ms: number;
  /** The text carried AM/PM (12-hour clock). */
  readonly meridiem: boolean;
}

const MIDNIGHT: Clock = { hour: 0, minute: 0, second: 0, ms: 0, meridiem: false };

const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:\s*(am|pm|a\.\s?m\.|p\.\s?m\.))?$/i;
const TIME_INSIDE = /(?:^|\s)(\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?(?:\s*(?:am|pm|a\.\s?m\.|p\.\s?m\.))?)(?=\s|$)/i;
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|UTC|[+-]\d{2}:?\d{2})?$/i;
const YEAR_FIRST = /^(\d{4})([/.-])(\d{1,2})\2(\d{1,2})(?:[ T]+(.+))?$/;
const NUMERIC = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4})(?:[ T,]+(.+))?$/;
const EPOCH = /^\\?\/Date\((-?\d{1,16})(?:[+-]\d{4})?\)\\?\/$/;
const OFFSET = /^(?:Z|UTC|GMT|[+-]\d{2}:?\d{2})$/i;

/** Month names as English, German and French consoles print them (long and short forms). */
const MONTHS: ReadonlyMap<string, number> = new Map(
  (
    [
      [1, "january jan januar jän jänner janvier janv"],
      [2, "february feb februar feber février fevrier févr fevr"],
      [3, "march mar märz maerz mär mars"],
      [4, "april apr avril avr"],
      [5, "may mai"],
      [6, "june jun juni juin"],
      [7, "july jul juli juillet juil"],
      [8, "august aug août aout"],
      [9, "september sep sept septembre"],
      [10, "october oct oktober okt octobre"],
      [11, "november nov novembre"],
      [12, "december dec dezember dez décembre decembre déc"],
    ] as const
  ).flatMap(([month, names]) => names.split(" ").map((name) => [name, month] as const)),
);

const WEEKDAYS: ReadonlySet<string> = new Set(
  (
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun " +
    "montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag mo di mi do fr sa so " +
    "lundi mardi mercredi jeudi vendredi samedi dimanche lun mar mer jeu ven sam dim"
  ).split(" "),
);

/** Words long dates put between their parts (`… 2028 at 4:22`, `um`, `le 2 février`). */
const FILLERS: ReadonlySet<string> = new Set(["at", "um", "à", "le", "den", "der", "de", "the", "of"]);

/**
 * Reads one date as a console printed it. Console times are server-local with an
 * unknown zone, so they are taken as UTC. `order` says how slash dates read; without
 * it an undecidable `04/02/2016` keeps both readings and `iso` is null.
 */
export function readDate(raw: string, order?: DateOrder): DateValue {
  const text = raw.trim();
  if (text === "" || text.length > MAX_DATE_LENGTH) return notADate(text);
  return (
    readEpoch(text) ??
    readIso(text) ??
    readYearFirst(text) ??
    readNumeric(text, order) ??
    readNamed(text) ??
    notADate(text)
  );
}

/**
 * Decides how the slash dates of one paste read. A component above 12 decides; so does
 * a 24-hour clock without AM/PM (en-US consoles print AM/PM, en-GB and fr-FR print 24 h),
 * but only when no date proves the other order.
 */
export function decideDateOrder(raws: readonly string[]): { order: DateOrder | undefined; reason: string } {
  let dayFirst: string | undefined;
  let monthFirst: string | undefined;
  let clock24: string | undefined;
  for (const raw of raws) {
    const text = raw.trim();
    if (text.length > MAX_DATE_LENGTH) continue;
    const m = NUMERIC.exec(text);
    if (m === null || m[2] === ".") continue;
    const a = Number(m[1]);
    const b = Number(m[3]);
    const year = Number(m[4]);
    const clock = m[5] === undefined ? MIDNIGHT : readClock(m[5]);
    if (clock === undefined) continue;
    if (a > 12 && b <= 12 && isValidDay(year, b, a))
      dayFirst ??= `${text} only reads day-first: ${a} cannot be a month`;
    if (b > 12 && a <= 12 && isValidDay(year, a, b))
      monthFirst ??= `${text} only reads month-first: ${b} cannot be a month`;
    if (m[5] !== undefined && !clock.meridiem) clock24 ??= text;
  }
  if (dayFirst !== undefined && monthFirst !== undefined) {
    return { order: undefined, reason: `conflicting dates: ${dayFirst}, but ${monthFirst}` };
  }
  if (dayFirst !== undefined) return { order: "day-first", reason: dayFirst };
  if (monthFirst !== undefined) {
    const clockNote =
      clock24 === undefined
        ? ""
        : ` (the 24-hour clock of ${clock24} matches PowerShell's invariant culture, MM/dd/yyyy HH:mm:ss, which scripts get when they put a date into a string)`;
    return { order: "month-first", reason: monthFirst + clockNote };
  }
  if (clock24 !== undefined) {
    return {
      order: "day-first",
      reason:
        `${clock24} is printed with a 24-hour clock and no AM/PM: en-US consoles print AM/PM, ` +
        "en-GB and fr-FR print 24 h and put the day first",
    };
  }
  return { order: undefined, reason: "no date in the paste shows whether the day or the month comes first" };
}

function notADate(raw: string): DateValue {
  return { raw, iso: null, readings: [], note: NOT_A_DATE };
}

function single(raw: string, iso: string | undefined, note?: string): DateValue {
  if (iso === undefined) return notADate(raw);
  return note === undefined ? { raw, iso, readings: [iso] } : { raw, iso, readings: [iso], note };
}

function readEpoch(text: string): DateValue | undefined {
  const m = EPOCH.exec(text);
  if (m === null) return undefined;
  const ms = Number(m[1]);
  if (Math.abs(ms) > MAX_EPOCH_MS) return notADate(text);
  return single(text, formatInstant(ms));
}

function readIso(text: string): DateValue | undefined {
  const m = ISO.exec(text);
  if (m === null) return undefined;
  const clock: Clock = {
    hour: Number(m[4] ?? 0),
    minute: Number(m[5] ?? 0),
    second: Number(m[6] ?? 0),
    ms: fractionToMs(m[7]),
    meridiem: false,
  };
  return single(text, toIso(Number(m[1]), Number(m[2]), Number(m[3]), clock, offsetMinutes(m[8])));
}

function readYearFirst(text: string): DateValue | undefined {
  const m = YEAR_FIRST.exec(text);
  if (m === null) return undefined;
  const clock = m[5] === undefined ? MIDNIGHT : readClock(m[5]);
  if (clock === undefined) return notADate(text);
  return single(text, toIso(Number(m[1]), Number(m[3]), Number(m[4]), clock, 0));
}

function readNumeric(text: string, order: DateOrder | undefined): DateValue | undefined {
  const m = NUMERIC.exec(text);
  if (m === null) return undefined;
  const a = Number(m[1]);
  const b = Number(m[3]);
  const year = Number(m[4]);
  const clock = m[5] === undefined ? MIDNIGHT : readClock(m[5]);
  if (clock === undefined) return notADate(text);
  const dayFirst = toIso(year, b, a, clock, 0);
  if (m[2] === ".") return single(text, dayFirst, "dotted date: the day comes first");
  const monthFirst = toIso(year, a, b, clock, 0);
  if (dayFirst === monthFirst) return single(text, dayFirst);
  if (dayFirst === undefined || monthFirst === undefined) {
    const read: DateOrder = dayFirst === undefined ? "month-first" : "day-first";
    const notAMonth = read === "day-first" ? a : b;
    const against = order !== undefined && order !== read ? ` (the paste's other dates read ${order})` : "";
    return single(text, dayFirst ?? monthFirst, `${read}: ${notAMonth} cannot be a month${against}`);
  }
  if (order === "day-first") return single(text, dayFirst, "day-first, like the paste's other dates");
  if (order === "month-first") return single(text, monthFirst, "month-first, like the paste's other dates");
  return {
    raw: text,
    iso: null,
    readings: [dayFirst, monthFirst],
    note: `both readings: ${dayFirst} (day-first) or ${monthFirst} (month-first); the paste does not show which order the console used`,
  };
}

function readNamed(text: string): DateValue | undefined {
  const time = TIME_INSIDE.exec(text);
  const clock = time?.[1] === undefined ? MIDNIGHT : readClock(time[1]);
  const rest = time === null ? text : `${text.slice(0, time.index)} ${text.slice(time.index + time[0].length)}`;
  const tokens = rest.split(/[\s,]+/).filter((token) => token !== "");
  let month: number | undefined;
  let monthIsWeekday = false;
  let day: number | undefined;
  let year: number | undefined;
  let offset = 0;
  for (const token of tokens) {
    const word = token.toLowerCase().replace(/\.+$/, "");
    const named = MONTHS.get(word);
    if (named !== undefined && (month === undefined || monthIsWeekday)) {
      month = named;
      monthIsWeekday = WEEKDAYS.has(word);
    } else if (WEEKDAYS.has(word) || FILLERS.has(word)) {
    } else if (/^\d{1,2}(?:er)?$/.test(word) && day === undefined) {
      day = Number.parseInt(word, 10);
    } else if (/^\d{4}$/.test(word) && year === undefined) {
      year = Number(word);
    } else if (OFFSET.test(token)) {
      offset = offsetMinutes(token);
    } else {
      return undefined;
    }
  }
  if (month === undefined || day === undefined || year === undefined) return undefined;
  if (clock === undefined) return notADate(text);
  return single(text, toIso(year, month, day, clock, offset));
}

function readClock(text: string): Clock | undefined {
  const m = TIME.exec(text.trim());
  if (m === null) return undefined;
  let hour = Number(m[1]);
  const marker = m[5]?.toLowerCase().replace(/[\s.]/g, "");
  if (marker !== undefined) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (marker === "pm" ? 12 : 0);
  }
  return {
    hour,
    minute: Number(m[2]),
    second: Number(m[3] ?? 0),
    ms: fractionToMs(m[4]),
    meridiem: marker !== undefined,
  };
}

function fractionToMs(fraction: string | undefined): number {
  return fraction === undefined ? 0 : Math.floor(Number(`0.${fraction}`) * 1000);
}

function offsetMinutes(text: string | undefined): number {
  const m = text === undefined ? null : /^([+-])(\d{2}):?(\d{2})$/.exec(text);
  if (m === null) return 0;
  return (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

function isValidDay(year: number, month: number, day: number): boolean {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= days;
}

/** ISO 8601 UTC text of a wall-clock time at `offset` minutes east of UTC, or undefined if impossible. */
function toIso(year: number, month: number, day: number, clock: Clock, offset: number): string | undefined {
  if (!isValidDay(year, month, day)) return undefined;
  if (clock.hour > 23 || clock.minute > 59 || clock.second > 59) return undefined;
  const instant = new Date(0);
  instant.setUTCFullYear(year, month - 1, day);
  instant.setUTCHours(clock.hour, clock.minute, clock.second, clock.ms);
  return formatInstant(instant.getTime() - offset * 60_000);
}

/** Seconds precision unless the source carried milliseconds. */
function formatInstant(ms: number): string | undefined {
  const instant = new Date(ms);
  const year = instant.getUTCFullYear();
  if (Number.isNaN(year) || year < 1 || year > 9999) return undefined;
  const iso = instant.toISOString();
  return iso.endsWith(".000Z") ? `${iso.slice(0, -5)}Z` : iso;
}
