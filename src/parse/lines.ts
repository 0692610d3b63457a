import { exceedsLineLimit, lineTooLongReason } from "../limits";
import type { Unrecognized } from "./types";

/** One line of the paste with its 1-based number in the whole paste. */
export interface Line {
  readonly no: number;
  readonly text: string;
}

/**
 * Splits pasted text into numbered lines: strips a BOM, folds CRLF and lone CR
 * to LF. Nothing else is changed here — readers decide what whitespace means.
 */
export function splitLines(text: string): Line[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // Splitting on a string is several times faster than on a pattern, and text from a browser's text box has no CR.
  const texts = body.includes("\r") ? body.split(/\r\n|\r|\n/) : body.split("\n");
  // Into an array made at its full length: a paste has hundreds of thousands of lines.
  const lines = new Array<Line>(texts.length);
  for (let i = 0; i < texts.length; i++) lines[i] = { no: i + 1, text: texts[i] ?? "" };
  return lines;
}

export function isBlank(line: Line): boolean {
  return line.text.trim() === "";
}

/**
 * Lines longer than the readers are given become blank and are reported instead, so a multi-megabyte line of log
 * or garbage costs one scan, not a trip through every reader's patterns.
 */
export function capLongLines(lines: readonly Line[]): { lines: readonly Line[]; tooLong: Unrecognized[] } {
  const tooLong: Unrecognized[] = [];
  // Almost every paste has no such line: it is kept as it is rather than copied line by line.
  if (!lines.some((line) => exceedsLineLimit(line.text.length))) return { lines, tooLong };
  const kept = lines.map((line) => {
    if (!exceedsLineLimit(line.text.length)) return line;
    tooLong.push({ startLine: line.no, endLine: line.no, reason: lineTooLongReason(line.text.length) });
    return { no: line.no, text: "" };
  });
  return { lines: kept, tooLong };
}
