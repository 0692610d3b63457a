import type { Line } from "../lines";
import { isEventHeaderStart, isLogHeader, isLogRow, isPemBegin, startsOtherThing } from "./boundary";
import { normaliseText, stripQuotePrefix } from "./text";

/**
 * The last line viewed and its view: each message reader the segmenter tries on a line views it again, and the
 * segmenter tries them on every wrapped line of a list and every row of a table.
 */
let viewed: { text: string; view: string } | undefined;

/** A line as the message readers see it: quote prefixes removed, quotes and spaces folded, indentation kept. */
export function view(line: Line | undefined): string {
  if (line === undefined) return "";
  if (viewed?.text !== line.text)
    viewed = { text: line.text, view: normaliseText(stripQuotePrefix(line.text)).trimEnd() };
  return viewed.view;
}

/** Lines that belong to another reader or to cmdlet output. */
export function isForeign(lines: readonly Line[], i: number): boolean {
  const t = lines[i]?.text ?? "";
  return startsOtherThing(lines, i) || isEventHeaderStart(t) || isLogRow(t) || isLogHeader(t) || isPemBegin(t);
}

/** Index of the next non-blank line at or after `from` (lines.length when none). */
export function nextNonBlank(lines: readonly Line[], from: number): number {
  let j = from;
  while (j < lines.length && view(lines[j]).trim() === "") j++;
  return j;
}

/** `451 4.4.0 …`, `454 4.7.5 …`: an SMTP reply code with its enhanced status code. */
export const SMTP_CODE = /\b([245]\d\d)[ -]([245]\.\d{1,3}\.\d{1,3})\b/;

export function startsWithSmtpCode(text: string): boolean {
  return /^\s*[45]\d\d[ -][245]\.\d{1,3}\.\d{1,3}\b/.test(text);
}
