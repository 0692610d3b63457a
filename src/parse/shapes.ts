import type { Line } from "./lines";
import { readPrompt } from "./prompt";

/**
 * Line shapes the segmenter uses to find where one kind of output ends and
 * the next begins. They look at one line (or two) and never at meaning.
 */
export const LIST_LINE = /^\s*[A-Za-z_][A-Za-z0-9_.-]*\s*:(?:\s|$)/;
const TABLE_WORD = /^[A-Za-z][A-Za-z0-9_.]*$/;
const DASHES = /^\s*-{2,}(?:\s+-{2,})*\s*$/;
const HEX_ROW = /^\s*(?:\*\s+)?[0-9A-Fa-f*]{20,}\s/;

export function isBlankText(text: string): boolean {
  return text.trim() === "";
}

export function isListLine(text: string): boolean {
  return LIST_LINE.test(text) && !readPrompt(text);
}

export function isDashes(text: string): boolean {
  return DASHES.test(text);
}

/** A header of property names: two or more identifier words separated by spaces. */
function headerWords(text: string): string[] | undefined {
  const words = text.trim().split(/\s+/);
  if (words.length < 2 || !words.every((w) => TABLE_WORD.test(w))) return undefined;
  return words;
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

export function isJsonStart(text: string): boolean {
  return /^\s*[[{]\s*(?:"|$|\{|\[)/.test(text);
}

export function isCsvStart(text: string): boolean {
  return /^\s*#TYPE\s/.test(text) || /^\s*"[^"]+"(?:\s*[,;]\s*"[^"]*")+\s*$/.test(text);
}

export function isIndented(text: string): boolean {
  return /^\s/.test(text);
}

export function leadingSpaces(text: string): number {
  return text.length - text.trimStart().length;
}
