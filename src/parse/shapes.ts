import type { Line } from "./lines";
import { readPrompt } from "./prompt";
import { blankPrefixLength, isBlankString, isWhiteSpaceCode } from "./white-space";

/**
 * Line shapes the segmenter uses to find where one kind of output ends and
 * the next begins. They look at one line (or two) and never at meaning.
 */
const LIST_LINE = /^\s*[A-Za-z_][A-Za-z0-9_.-]*\s*:(?:\s|$)/;
const DASHES = /^\s*-{2,}(?:\s+-{2,})*\s*$/;
const HEX_ROW = /^\s*(?:\*\s+)?[0-9A-Fa-f*]{20,}\s/;

export function isBlankText(text: string): boolean {
  return isBlankString(text);
}

export function isListLine(text: string): boolean {
  return LIST_LINE.test(text) && !readPrompt(text);
}

/**
 * Whether a line is shaped as a Format-List property: `list` for `Name : value` and `Name: value`, `padded`
 * when it is also the padded form every artifact reader stops before (`Name   : value`, artifacts/boundary's
 * `isListLine`), else `none`. The segmenter asks this of every line of every list and table, so it is answered
 * in one pass by character code rather than with both patterns: a padded line is a `LIST_LINE` whose name starts
 * with a letter, holds no `.` or `-`, and is followed by white space before the colon.
 */
export function listLineShape(text: string): "none" | "list" | "padded" {
  const from = blankPrefixLength(text);
  const first = text.charCodeAt(from);
  const letter = isAsciiLetter(first);
  if (!letter && first !== 95) return "none";
  let plain = letter;
  let end = from + 1;
  for (; end < text.length; end++) {
    const c = text.charCodeAt(end);
    if (c === 46 || c === 45) plain = false;
    else if (!(isAsciiLetter(c) || (c >= 48 && c <= 57) || c === 95)) break;
  }
  const colon = blankPrefixLength(text, end);
  if (text.charCodeAt(colon) !== 58) return "none";
  if (colon + 1 < text.length && !isWhiteSpaceCode(text.charCodeAt(colon + 1))) return "none";
  return plain && colon > end ? "padded" : "list";
}

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

export function isDashes(text: string): boolean {
  return DASHES.test(text);
}

/** A header of property names: two or more identifier words separated by spaces. */
function headerWords(text: string): string[] | undefined {
  if (!isHeaderShaped(text)) return undefined;
  return text.trim().split(/\s+/);
}

/**
 * A Format-Table header: property names followed by a dashes line, or (as
 * some pastes lose it) a Get-ExchangeCertificate header followed by a row
 * starting with a thumbprint.
 */
export function isTableHeader(lines: readonly Line[], i: number): boolean {
  const here = lines[i];
  if (!here) return false;
  const words = headerWords(here.text);
  if (!words) return false;
  const next = nextNonBlank(lines, i + 1);
  if (next === undefined) return false;
  const nextText = lines[next]?.text ?? "";
  if (next === i + 1 && isDashes(nextText)) return true;
  return words.some((w) => w.toLowerCase() === "thumbprint") && HEX_ROW.test(nextText);
}

export function nextNonBlank(lines: readonly Line[], from: number): number | undefined {
  for (let j = from; j < lines.length; j++) {
    const l = lines[j];
    if (l && !isBlankText(l.text)) return j;
  }
  return undefined;
}

export const JSON_START = /^\s*[[{]\s*(?:"|$|\{|\[)/;
export const CSV_TYPE = /^\s*#TYPE\s/;
export const CSV_HEADER = /^\s*"[^"]+"(?:\s*[,;]\s*"[^"]*")+\s*$/;

/*
 * The segmenter asks both of every wrapped line of a list and every row of a table, and almost none begins with the
 * one character each pattern needs first: that character is looked at before any pattern runs.
 */

export function isJsonStart(text: string): boolean {
  const first = text.charCodeAt(blankPrefixLength(text));
  return (first === 91 || first === 123) && JSON_START.test(text);
}

export function isCsvStart(text: string): boolean {
  const first = text.charCodeAt(blankPrefixLength(text));
  if (first === 35) return CSV_TYPE.test(text);
  return first === 34 && CSV_HEADER.test(text);
}

export function isIndented(text: string): boolean {
  return text.length > 0 && isWhiteSpaceCode(text.charCodeAt(0));
}

export function leadingSpaces(text: string): number {
  return blankPrefixLength(text);
}

/**
 * Two or more identifier words and nothing else, checked in one pass without
 * allocating: it runs on every line of a large paste, and a regular
 * expression repeating a group per word overflows the stack on a line of
 * millions of words.
 */
function isHeaderShaped(text: string): boolean {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // White space as `\s` has it: pastes from web pages separate columns with no-break spaces too.
    const space = isWhiteSpaceCode(c);
    const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    const wordChar = letter || (c >= 48 && c <= 57) || c === 95 || c === 46;
    if (space) inWord = false;
    else if (inWord) {
      if (!wordChar) return false;
    } else {
      if (!letter) return false;
      inWord = true;
      words++;
    }
  }
  return words >= 2;
}
