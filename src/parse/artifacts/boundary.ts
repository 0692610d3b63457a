import type { Line } from "../lines";

/**
 * Lines that clearly start something other than a pasted artifact. Every
 * artifact reader stops before them, so cmdlet output and commands pasted right
 * after an event or a transcript are left to the segmenter.
 */

/** `PS C:\>`, `[PS] C:\Windows\system32>` (the Exchange Management Shell prompt), `PS>`. */
export function isPrompt(text: string): boolean {
  // Every reader asks this of every line it looks at; a line without `>` is answered without the pattern.
  return text.includes(">") && /^\s*(?:\[PS\]\s*\S[^>]{0,300}>|PS(?:\s+\S[^>]{0,300})?>)/.test(text);
}

/**
 * A Format-List property line (`Thumbprint         : 5E43…`): the name is one
 * word and the colon follows white space. Event headers (`Log Name:   x`) and
 * error records (`Test-Certificate : …`, `    + CategoryInfo : …`) do not match.
 */
export function isListLine(text: string): boolean {
  return /^\s*[A-Za-z][A-Za-z0-9_]*\s+:(?:\s|$)/.test(text);
}

/** A line of dashes under a table header (`----------  --------  -------`). */
function dashGroups(text: string): number[] | null {
  if (!/^\s*-+(?:\s+-+)*\s*$/.test(text)) return null;
  return text
    .trim()
    .split(/\s+/)
    .map((g) => g.length);
}

/**
 * A Format-Table header: the next line is made of dashes, either several
 * groups or one group as long as the header (a one-column table). openssl's
 * `---` separators under longer lines are not headers.
 */
export function isTableHeaderAt(lines: readonly Line[], index: number): boolean {
  const header = lines[index]?.text;
  const under = lines[index + 1]?.text;
  if (header === undefined || under === undefined || header.trim() === "") return false;
  if (/^\s*-+\s*$/.test(header)) return false;
  const groups = dashGroups(under);
  if (groups === null) return false;
  if (groups.length >= 2) return true;
  return groups[0] === header.trim().length;
}

/** Starts of the other artifact kinds, so one reader never swallows another's lines. */
export function isEventHeaderStart(text: string): boolean {
  return /^\s*(?:Log Name|Event ID)\s*:/i.test(text);
}

export function isLogRow(text: string): boolean {
  return /^\s*\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z,/.test(text);
}

export function isLogHeader(text: string): boolean {
  return /^\s*#(?:Software|Version|Log-type|Date|Fields):/i.test(text);
}

export function isPemBegin(text: string): boolean {
  return /^\s*-----BEGIN [A-Z0-9 ]+-----\s*$/.test(text);
}

/**
 * The last line asked about and its answer. Every artifact reader the segmenter tries on a line asks this of
 * it, and the segmenter tries them on every wrapped line of a list and every row of a table. The answer depends
 * only on the line's text and the next line's, so those are the key.
 */
let askedText: string | undefined;
let askedNext: string | undefined;
let answered = false;

/** True when the line at `index` starts cmdlet output, a prompt or a table. */
export function startsOtherThing(lines: readonly Line[], index: number): boolean {
  const text = lines[index]?.text;
  if (text === undefined) return false;
  const next = lines[index + 1]?.text;
  if (text === askedText && next === askedNext) return answered;
  answered = isPrompt(text) || isListLine(text) || isTableHeaderAt(lines, index);
  askedText = text;
  askedNext = next;
  return answered;
}
