import type { Line } from "../lines";
import { isBlankString, isWhiteSpaceCode } from "../white-space";
import { expandTabs } from "./columns";
import { ellipsisLength } from "./ellipsis";
import type { Leftover, RawRecord, RawValue, ReadResult } from "./types";

/** An EMS / PowerShell prompt (`[PS] C:\Windows\system32>…`, `PS C:\>…`) is not a row. */
const PROMPT = /^\s*(?:\[PS\]\s*)?(?:PS\s+)?[A-Za-z]:\\[^>]*>/;
/** Notes people type after a value: `<== …`, `<-- …`, ` <- …`, ` # …`. */
const ANNOTATION = /\s(?:<==|<--|(?:<-|#)(?=\s|$))/;

interface Column {
  readonly name: string;
  readonly start: number;
}

interface Cell {
  text: string;
  truncated: boolean;
  endLine: number;
  /** The printed text filled its column to the right edge (a wrap there cut a token). */
  full: boolean;
}

interface RowDraft {
  readonly startLine: number;
  endLine: number;
  readonly cells: Cell[];
  /** Column just after the row's last character, as printed (without annotation). */
  readonly end: number;
  /** The last value starts at its column's start (left-aligned). */
  readonly lastFlush: boolean;
}

interface Header {
  readonly columns: readonly Column[];
  /** Index in `lines` of the first line after the header (and its dashes line). */
  readonly body: number;
  readonly lines: readonly number[];
}

/**
 * Reads Format-Table output (default and `-AutoSize`): a header, an optional dashes line
 * giving the column starts, then rows. The last column takes the rest of the line. Row
 * markers (`* `) and notes typed after the last value are reported as leftovers.
 */
export function readTable(lines: readonly Line[]): ReadResult {
  const texts = lines.map((line) => expandTabs(line.text));
  const unread: Line[] = [];
  const leftovers: Leftover[] = [];
  const header = findHeader(texts);
  if (header === undefined) return { records: [], unread: lines.filter(isNonBlank), leftovers };
  lines.slice(0, header.lines[0]).forEach((line) => {
    if (isNonBlank(line)) unread.push(line);
  });
  const drafts: RowDraft[] = [];
  let previous: RowDraft | undefined;
  for (let i = header.body; i < lines.length; i += 1) {
    const line = lines[i];
    const raw = texts[i];
    if (line === undefined || raw === undefined || isBlankString(raw)) continue;
    const row = PROMPT.test(raw) ? undefined : readRow(raw, line.no, header.columns);
    if (row === undefined) {
      unread.push(line);
      previous = undefined;
      continue;
    }
    if (row.cells[0]?.text !== "") {
      previous = { startLine: line.no, endLine: line.no, cells: row.cells, end: row.end, lastFlush: row.lastFlush };
      drafts.push(previous);
    } else if (previous !== undefined) {
      continueRow(previous, row.cells, line.no);
    } else {
      unread.push(line);
      continue;
    }
    leftovers.push(...row.leftovers);
  }
  if (drafts.length === 0) {
    for (const index of header.lines) {
      const line = lines[index];
      if (line !== undefined) unread.push(line);
    }
  }
  markCutAtWidth(drafts);
  unread.sort((a, b) => a.no - b.no);
  return { records: drafts.map((draft) => toRecord(draft, header.columns)), unread, leftovers };
}

function isNonBlank(line: Line): boolean {
  return line.text.trim() !== "";
}

function isDashes(text: string): boolean {
  return text.includes("-") && /^[\s-]*$/.test(text);
}

/** The header is the line above the first dashes line; without one, the first line that is not a prompt. */
function findHeader(texts: readonly string[]): Header | undefined {
  const filled: number[] = [];
  for (const [i, text] of texts.entries()) if (!isBlankString(text)) filled.push(i);
  for (let k = 0; k + 1 < filled.length; k += 1) {
    const head = filled[k];
    const dashes = filled[k + 1];
    if (head === undefined || dashes === undefined) break;
    const headText = texts[head] ?? "";
    const dashText = texts[dashes] ?? "";
    if (!isDashes(dashText) || isDashes(headText)) continue;
    const starts = tokenStarts(dashText);
    const columns = starts.map((start, c) => ({
      name: headText.slice(start, starts[c + 1] ?? headText.length).trim(),
      start,
    }));
    return { columns, body: dashes + 1, lines: [head, dashes] };
  }
  const head = filled.find((i) => !PROMPT.test(texts[i] ?? ""));
  if (head === undefined) return undefined;
  const headText = texts[head] ?? "";
  const starts = tokenStarts(headText);
  const columns = starts.map((start, c) => ({
    name: headText.slice(start, starts[c + 1] ?? headText.length).trim(),
    start,
  }));
  return { columns, body: head + 1, lines: [head] };
}

/** Where each run of non-blanks starts; by code, as every character of every table's header or dashes is asked. */
function tokenStarts(text: string): number[] {
  const starts: number[] = [];
  let afterBlank = true;
  for (let i = 0; i < text.length; i += 1) {
    const blank = isWhiteSpaceCode(text.charCodeAt(i));
    if (!blank && afterBlank) starts.push(i);
    afterBlank = blank;
  }
  return starts;
}

/** Any blank, including the no-break spaces web pages put into pasted tables (by code: asked of every character). */
function isSpace(char: string | undefined): boolean {
  return char !== undefined && isWhiteSpaceCode(char.charCodeAt(0));
}

function readRow(
  raw: string,
  no: number,
  columns: readonly Column[],
): { cells: Cell[]; end: number; lastFlush: boolean; leftovers: Leftover[] } | undefined {
  const first = columns[0];
  if (first === undefined) return undefined;
  const leftovers: Leftover[] = [];
  let text = raw;
  const lead = text.search(/\S/);
  if (text[lead] === "*" && (lead + 1 === text.length || isSpace(text[lead + 1]))) {
    leftovers.push({ line: no, text: "*", reason: "row marker" });
    // A marker typed in the indentation leaves the columns in place; one typed at the first column pushed the row right.
    text =
      lead < first.start
        ? `${text.slice(0, lead)} ${text.slice(lead + 1)}`
        : text.slice(0, lead) + text.slice(lead + 2);
    if (text.trim() === "") return undefined;
  }
  const indent = text.search(/\S/);
  if (indent < first.start) text = " ".repeat(first.start - indent) + text;
  const lastStart = columns.at(-1)?.start ?? 0;
  const note = ANNOTATION.exec(text.slice(lastStart));
  if (note !== null) {
    const at = lastStart + note.index;
    leftovers.push({ line: no, text: text.slice(at).trim(), reason: "annotation after the value" });
    text = text.slice(0, at);
  }
  text = text.trimEnd();
  const bounds = snapBoundaries(text, columns);
  const cells = bounds.map((start, c) => {
    const stop = bounds[c + 1] ?? text.length;
    // Columns are one blank apart, so a value filling its column ends two characters before the next start.
    const full = c + 1 < bounds.length && stop - 2 < text.length && !isSpace(text[stop - 2]);
    return toCell(text.slice(start, stop), no, full);
  });
  const lastFlush = !isSpace(text[lastStart]) && (lastStart === 0 || isSpace(text[lastStart - 1]));
  return { cells, end: text.length, lastFlush, leftovers };
}

function toCell(slice: string, no: number, full: boolean): Cell {
  const trimmed = slice.trim();
  const dots = ellipsisLength(trimmed);
  if (dots === 0) return { text: trimmed, truncated: false, endLine: no, full };
  return { text: trimmed.slice(0, -dots).trimEnd(), truncated: true, endLine: no, full };
}

/**
 * A value that crosses a column start (a masked thumbprint two characters short, a
 * right-aligned number wider than its header) belongs to the column holding most of it.
 */
function snapBoundaries(text: string, columns: readonly Column[]): number[] {
  const bounds = columns.map((column) => column.start);
  // The token around a column start is found when one is asked for, and kept: columns start left to right, so a
  // long token that crosses many columns is scanned once, and a row with no crossing costs nothing.
  let token = { start: 0, end: 0 };
  for (let c = 1; c < bounds.length; c += 1) {
    const at = bounds[c] ?? 0;
    if (at >= text.length || at === 0 || isSpace(text[at - 1]) || isSpace(text[at])) continue;
    if (at < token.start || at >= token.end) token = { start: tokenStart(text, at), end: tokenEnd(text, at) };
    const { start, end } = token;
    if (start > (bounds[c - 1] ?? 0) && at - start <= end - at) bounds[c] = start;
    else if (end < (bounds[c + 1] ?? Number.POSITIVE_INFINITY)) bounds[c] = end;
  }
  return bounds;
}

/** Start of the token holding `at`. */
function tokenStart(text: string, at: number): number {
  let i = at;
  while (i > 0 && !isSpace(text[i - 1])) i -= 1;
  return i;
}

/** End (exclusive) of the token holding `at`. */
function tokenEnd(text: string, at: number): number {
  let i = at;
  while (i < text.length && !isSpace(text[i])) i += 1;
  return i;
}

/** `ft -Wrap` continues a row on lines whose first column is empty. */
function continueRow(row: RowDraft, cells: readonly Cell[], no: number): void {
  cells.forEach((cell, c) => {
    const target = row.cells[c];
    if (target === undefined || cell.text === "") return;
    const separator = target.text === "" || target.full ? "" : " ";
    target.text += separator + cell.text;
    target.truncated = cell.truncated;
    target.full = cell.full;
    target.endLine = no;
  });
  row.endLine = no;
}

/**
 * A console narrower than the table cuts rows at its width without `...` (fixtures 07, 08):
 * two or more single-line rows whose left-aligned last values differ but end in the same,
 * furthest column have been cut. Right-aligned values and repeated values (`True`) end in
 * one column anyway; when PowerShell marked cuts with `...` itself, a value ending there is whole.
 */
function markCutAtWidth(drafts: readonly RowDraft[]): void {
  if (drafts.some((draft) => draft.cells.at(-1)?.truncated === true)) return;
  const lastCells: { draft: RowDraft; cell: Cell }[] = [];
  for (const draft of drafts) {
    const cell = draft.cells.at(-1);
    const single = draft.startLine === draft.endLine;
    if (cell !== undefined && cell.text !== "" && single && draft.lastFlush) lastCells.push({ draft, cell });
  }
  const widest = lastCells.reduce((max, { draft }) => Math.max(max, draft.end), 0);
  const atWidth = lastCells.filter(({ draft }) => draft.end === widest);
  if (atWidth.length < 2 || new Set(atWidth.map(({ cell }) => cell.text)).size < 2) return;
  for (const { cell } of atWidth) cell.truncated = true;
}

function toRecord(draft: RowDraft, columns: readonly Column[]): RawRecord {
  const fields = new Map<string, RawValue>();
  columns.forEach((column, c) => {
    const cell = draft.cells[c];
    if (cell === undefined) return;
    fields.set(column.name, {
      kind: "text",
      text: cell.text,
      truncated: cell.truncated,
      startLine: draft.startLine,
      endLine: cell.endLine,
    });
  });
  return { fields, startLine: draft.startLine, endLine: draft.endLine };
}
