import type { Line } from "../lines";
import { isBlankString, trimmedEndLength } from "../white-space";
import { indentWidth } from "./columns";
import { isDnCut, looksLikeDn } from "./dn-cut";
import { ellipsisLength } from "./ellipsis";
import type { RawRecord, RawValue, ReadResult } from "./types";

/** `Name : value`; only the first colon after the name counts, and it must be followed by a blank. */
const PROPERTY = /^\s*([A-Za-z_][A-Za-z0-9_.-]*)\s*:(?:\s(.*))?$/s;

/**
 * How far short of the console width a line may end and still count as cut there: lines
 * cut at the width differ by a few characters when a poster anonymised names (fixture 31:
 * 119 and 122). Joining compares with the longest line of the block, cutting with the
 * longest wrapped line.
 */
const JOIN_SLACK = 3;
const CUT_SLACK = 2;

interface Segment {
  readonly no: number;
  readonly text: string;
  /** Length of the whole printed line without trailing spaces. */
  readonly length: number;
}

interface FieldDraft {
  readonly name: string;
  readonly segments: Segment[];
}

interface RecordDraft {
  readonly fields: FieldDraft[];
  /** Lower-cased names, to see a name come round again. */
  readonly names: Set<string>;
}

type Row =
  | { readonly kind: "blank"; readonly line: Line }
  | {
      readonly kind: "property";
      readonly line: Line;
      readonly indent: number;
      readonly name: string;
      readonly value: string;
    }
  | { readonly kind: "other"; readonly line: Line; readonly indent: number };

/**
 * Reads Format-List output: `Name : value` lines with names padded to one column,
 * wrapped values on indented continuation lines, records split by blank lines or by a
 * property name coming round again. Pastes where every line is followed by a blank line
 * (Q&A artefact) are detected per block, so there blank lines do not split records.
 */
export function readList(lines: readonly Line[]): ReadResult {
  const records: RawRecord[] = [];
  const unread: Line[] = [];
  for (const chunk of chunks(lines.map(classify))) {
    const drafts = readChunk(chunk, unread);
    const widths = { wrapped: wrapWidth(drafts), longest: longestLine(drafts) };
    for (const draft of drafts) records.push(finish(draft, widths));
  }
  return { records, unread, leftovers: [] };
}

/** Canonical Format-List text: names padded to the longest name + 1, ` : `, a blank line between records. */
export function printList(records: readonly { name: string; value: string }[][]): string {
  return records
    .map((record) => {
      const width = record.reduce((max, property) => Math.max(max, property.name.length), 0);
      return record
        .map(({ name, value }) => (value === "" ? `${name.padEnd(width)} :` : `${name.padEnd(width)} : ${value}`))
        .join("\n");
    })
    .join("\n\n");
}

function classify(line: Line): Row {
  if (isBlankString(line.text)) return { kind: "blank", line };
  const indent = indentWidth(line.text);
  const m = PROPERTY.exec(line.text);
  if (m?.[1] === undefined) return { kind: "other", line, indent };
  return { kind: "property", line, indent, name: m[1], value: (m[2] ?? "").trim() };
}

/** Blocks separated by two or more blank lines. */
function chunks(rows: readonly Row[]): Row[][] {
  const result: Row[][] = [];
  let current: Row[] = [];
  let blanks = 0;
  for (const row of rows) {
    if (row.kind === "blank") blanks += 1;
    else {
      if (blanks >= 2 && current.length > 0) {
        result.push(current);
        current = [];
      }
      blanks = 0;
    }
    current.push(row);
  }
  if (current.length > 0) result.push(current);
  return result;
}

function isDoubleSpaced(chunk: readonly Row[]): boolean {
  let nonBlank = 0;
  for (let i = 0; i < chunk.length; i += 1) {
    if (chunk[i]?.kind === "blank") continue;
    nonBlank += 1;
    const next = chunk[i + 1];
    if (next !== undefined && next.kind !== "blank") return false;
  }
  return nonBlank >= 2;
}

function readChunk(chunk: readonly Row[], unread: Line[]): RecordDraft[] {
  const doubleSpaced = isDoubleSpaced(chunk);
  const nameIndent = chunk.reduce(
    (min, row) => (row.kind === "property" ? Math.min(min, row.indent) : min),
    Number.POSITIVE_INFINITY,
  );
  const drafts: RecordDraft[] = [];
  let current: RecordDraft | undefined;
  let afterBlank = false;
  const close = (): void => {
    if (current !== undefined) drafts.push(current);
    current = undefined;
  };
  for (const row of chunk) {
    if (row.kind === "blank") {
      if (!doubleSpaced) close();
      afterBlank = true;
      continue;
    }
    const length = trimmedEndLength(row.line.text);
    if (row.kind === "property" && row.indent <= nameIndent) {
      const lower = row.name.toLowerCase();
      if (current?.names.has(lower)) close();
      current ??= { fields: [], names: new Set() };
      current.names.add(lower);
      current.fields.push({ name: row.name, segments: [{ no: row.line.no, text: row.value, length }] });
    } else {
      const last = current?.fields.at(-1);
      const reachable = doubleSpaced || !afterBlank;
      if (last !== undefined && reachable && (row.indent > nameIndent || isOpenCollection(last))) {
        last.segments.push({ no: row.line.no, text: row.line.text.trim(), length });
      } else {
        close();
        unread.push(row.line);
      }
    }
    afterBlank = false;
  }
  close();
  return drafts;
}

/** A `{…` value without its closing brace goes on, even on a line that lost its indentation. */
function isOpenCollection(field: FieldDraft): boolean {
  const first = field.segments.find((segment) => segment.text !== "");
  const last = field.segments.findLast((segment) => segment.text !== "");
  return first?.text.startsWith("{") === true && last?.text.endsWith("}") === false;
}

/** Line lengths that stand for the console width. */
interface Widths {
  /** The longest line PowerShell wrapped: evidence of the console width (undefined when nothing wrapped). */
  readonly wrapped: number | undefined;
  /** The longest line of the block: the console was at least this wide. */
  readonly longest: number;
}

function longestLine(drafts: readonly RecordDraft[]): number {
  let longest = 0;
  for (const draft of drafts) {
    for (const field of draft.fields) for (const segment of field.segments) longest = Math.max(longest, segment.length);
  }
  return longest;
}

/** The console width, as the longest line that PowerShell wrapped (undefined when nothing wrapped). */
function wrapWidth(drafts: readonly RecordDraft[]): number | undefined {
  let width: number | undefined;
  for (const draft of drafts) {
    for (const field of draft.fields) {
      const { segments } = field;
      for (let i = 0; i < segments.length - 1; i += 1) width = Math.max(width ?? 0, segments[i]?.length ?? 0);
    }
  }
  return width;
}

function finish(draft: RecordDraft, widths: Widths): RawRecord {
  const fields = new Map<string, RawValue>();
  let startLine = Number.POSITIVE_INFINITY;
  let endLine = 0;
  for (const field of draft.fields) {
    const first = field.segments[0];
    const last = field.segments.at(-1);
    if (first === undefined || last === undefined) continue;
    const text = join(field.segments, widths.longest);
    fields.set(field.name, {
      kind: "text",
      text,
      truncated: isTruncated(text, last.length, widths.wrapped),
      startLine: first.no,
      endLine: last.no,
    });
    startLine = Math.min(startLine, first.no);
    endLine = Math.max(endLine, last.no);
  }
  return { fields, startLine, endLine };
}

/**
 * Rejoins a wrapped value. English consoles wrap at a blank (the blank is lost, so one
 * comes back); other cultures cut at the console width in mid-token (`SecureMai` + `l`),
 * which shows as a line about as long as the longest line of the block.
 */
function join(segments: readonly Segment[], longest: number): string {
  let text = "";
  let previous: Segment | undefined;
  for (const segment of segments) {
    if (previous === undefined || text === "") text += segment.text;
    else if (text.endsWith(",") || text.endsWith(";") || previous.length < longest - JOIN_SLACK) {
      text += ` ${segment.text}`;
    } else text += segment.text;
    previous = segment;
  }
  return text;
}

function isTruncated(text: string, lastLength: number, width: number | undefined): boolean {
  if (ellipsisLength(text) > 0) return true;
  if (text.startsWith("{") && (!text.endsWith("}") || ellipsisLength(text.slice(0, -1)) > 0)) return true;
  // Whether the value is a DN is asked last: the search runs through the whole value, and most values end in
  // neither a comma nor at the console width.
  if (text.endsWith(",") && looksLikeDn(text)) return true;
  if (width === undefined || lastLength < width - CUT_SLACK) return false;
  return /[,=]$/.test(text) || (looksLikeDn(text) && isDnCut(text));
}
