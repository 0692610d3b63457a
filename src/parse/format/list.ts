import type { Line } from "../lines";
import { blankPrefixLength, blankRunEnd, isWhiteSpaceCode, trimmedEndLength } from "../white-space";
import { indentWidth } from "./columns";
import { isDnCut, looksLikeDn } from "./dn-cut";
import { ellipsisLength } from "./ellipsis";
import type { RawRecord, RawValue, ReadResult } from "./types";

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

/**
 * A property and the lines its value was printed on. It is its own first segment, and most values fit one line, so
 * `more` is rarely made: one object per property line.
 */
interface FieldDraft extends Segment {
  readonly name: string;
  readonly lower: string;
  more: Segment[] | undefined;
}

interface RecordDraft {
  readonly fields: FieldDraft[];
  /**
   * Lower-cased names, to see a name come round again; made only once the record strays from the previous one. Up
   * to then its names are the previous record's first ones, in order, which hold no name twice.
   */
  names: Set<string> | undefined;
}

const BLANK = 0;
const PROPERTY = 1;
const OTHER = 2;

/**
 * Each line's shape, kept in typed arrays indexed by the line's place in the paste: the reader looks at every line
 * of every list, and an object per line is what a large paste's collector spent most of its time on. The segmenter
 * fills them while it finds where a list ends (`shapeListLine`), so the reader does not look at the lines again.
 */
export interface ListShapes {
  readonly kind: Uint8Array;
  readonly indent: Int32Array;
  /** Where the property name starts and ends, and where its value starts (the line's length when it has none). */
  readonly nameStart: Int32Array;
  readonly nameEnd: Int32Array;
  readonly valueStart: Int32Array;
}

/** Room for the shapes of lines `0` to `size - 1`. */
export function listShapes(size: number): ListShapes {
  return {
    kind: new Uint8Array(size),
    indent: new Int32Array(size),
    nameStart: new Int32Array(size),
    nameEnd: new Int32Array(size),
    valueStart: new Int32Array(size),
  };
}

/**
 * Reads Format-List output: `Name : value` lines with names padded to one column,
 * wrapped values on indented continuation lines, records split by blank lines or by a
 * property name coming round again. Pastes where every line is followed by a blank line
 * (Q&A artefact) are detected per block, so there blank lines do not split records.
 * `within` bounds the lines read (`end` exclusive) and holds their shapes as the segmenter took them with
 * `shapeListLine`, so the segmenter neither copies a list's lines out of the paste nor looks at them again.
 */
export function readList(
  lines: readonly Line[],
  within: { readonly start: number; readonly end: number; readonly shapes: ListShapes } | undefined = undefined,
): ReadResult {
  const records: RawRecord[] = [];
  const unread: Line[] = [];
  const start = within?.start ?? 0;
  const end = within?.end ?? lines.length;
  const shapes = within?.shapes ?? classify(lines);
  const { kind } = shapes;
  // Blocks separated by two or more blank lines.
  let chunkStart = start;
  let blanks = 0;
  for (let k = start; k < end; k++) {
    if (kind[k] === BLANK) blanks += 1;
    else {
      if (blanks >= 2 && k > chunkStart) {
        readChunk(lines, shapes, chunkStart, k, unread, records);
        chunkStart = k;
      }
      blanks = 0;
    }
  }
  if (end > chunkStart) readChunk(lines, shapes, chunkStart, end, unread, records);
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

/** Shapes of all the lines, for a caller that did not have the segmenter take them. */
function classify(lines: readonly Line[]): ListShapes {
  const shapes = listShapes(lines.length);
  for (let k = 0; k < lines.length; k++) shapeListLine(shapes, k, lines[k]?.text ?? "");
  return shapes;
}

/**
 * Records the shape of line `k` and answers it: `blank`; `list` for a property line `Name : value` (as
 * `^\s*([A-Za-z_][A-Za-z0-9_.-]*)\s*:(?:\s(.*))?$` has it: only the first colon after the name counts, and it must
 * be followed by a blank or end the line); `padded` when it is also the padded form every artifact reader stops
 * before (a name that starts with a letter and holds no `.` or `-`, white space before the colon:
 * artifacts/boundary's `isListLine`); else `none`.
 */
export function shapeListLine(shapes: ListShapes, k: number, text: string): "blank" | "none" | "list" | "padded" {
  const from = blankRunEnd(text, 0);
  if (from === text.length) {
    shapes.kind[k] = BLANK;
    return "blank";
  }
  // Blanks count one column each, so only an indentation holding a tab is measured again.
  shapes.indent[k] = from === 0 || text.lastIndexOf("\t", from - 1) < 0 ? from : indentWidth(text);
  // This runs on every line of every list. A plain name, the usual one, is read by a pattern, which outruns a loop
  // over its characters; one that goes on with a `.` or `-`, or starts with `_`, is read on by code.
  const first = text.charCodeAt(from);
  let plain = isLetter(first);
  let nameEnd = from;
  if (plain) {
    PLAIN_NAME.lastIndex = from;
    PLAIN_NAME.test(text);
    nameEnd = PLAIN_NAME.lastIndex;
  }
  const goesOn = plain && (text.charCodeAt(nameEnd) === 46 || text.charCodeAt(nameEnd) === 45);
  if (first === 95 || goesOn) {
    for (nameEnd = from + 1; nameEnd < text.length; nameEnd++) {
      const c = text.charCodeAt(nameEnd);
      if (c === 46 || c === 45) plain = false;
      else if (!(isLetter(c) || (c >= 48 && c <= 57) || c === 95)) break;
    }
  }
  const colon = blankRunEnd(text, nameEnd);
  const after = colon + 1;
  const property =
    nameEnd > from &&
    text.charCodeAt(colon) === COLON &&
    (after === text.length || isWhiteSpaceCode(text.charCodeAt(after)));
  if (!property) {
    shapes.kind[k] = OTHER;
    return "none";
  }
  shapes.kind[k] = PROPERTY;
  shapes.nameStart[k] = from;
  shapes.nameEnd[k] = nameEnd;
  shapes.valueStart[k] = Math.min(after + 1, text.length);
  return plain && colon > nameEnd ? "padded" : "list";
}

const COLON = 58;
/** A name that starts with a letter and holds no `.` or `-`, from `lastIndex`. */
const PLAIN_NAME = /[A-Za-z][A-Za-z0-9_]*/y;

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isDoubleSpaced(kind: Uint8Array, from: number, to: number): boolean {
  let nonBlank = 0;
  for (let k = from; k < to; k += 1) {
    if (kind[k] === BLANK) continue;
    nonBlank += 1;
    if (k + 1 < to && kind[k + 1] !== BLANK) return false;
  }
  return nonBlank >= 2;
}

/** Reads the records of one block (lines `from` to `to`, exclusive) and adds them to `records`. */
function readChunk(
  lines: readonly Line[],
  { kind, indent, nameStart, nameEnd, valueStart }: ListShapes,
  from: number,
  to: number,
  unread: Line[],
  records: RawRecord[],
): void {
  const doubleSpaced = isDoubleSpaced(kind, from, to);
  let nameIndent = Number.POSITIVE_INFINITY;
  for (let k = from; k < to; k++) if (kind[k] === PROPERTY) nameIndent = Math.min(nameIndent, indent[k] ?? 0);
  const drafts: RecordDraft[] = [];
  // The widths that stand for the console's: the longest line of the block, and the longest one PowerShell wrapped.
  let longest = 0;
  let wrapped: number | undefined;
  let current: RecordDraft | undefined;
  let afterBlank = false;
  for (let k = from; k < to; k++) {
    const shape = kind[k];
    if (shape === BLANK) {
      if (!doubleSpaced) current = close(current, drafts);
      afterBlank = true;
      continue;
    }
    const line = lines[k];
    if (line === undefined) continue;
    const { text } = line;
    const length = trimmedEndLength(text);
    const rowIndent = indent[k] ?? 0;
    if (shape === PROPERTY && rowIndent <= nameIndent) {
      const at = nameStart[k] ?? 0;
      const size = (nameEnd[k] ?? 0) - at;
      // Records of a block print the same names in the same order: the previous record's name at this place is
      // reused when it matches, so records share one string per name (hashed once, folded once).
      const guess = drafts.at(-1)?.fields[current?.fields.length ?? 0];
      // `indexOf` rather than `startsWith` from a position, which V8 answers several times slower; a line whose name
      // differs (rare) is searched to its end, no further than the reading of any line goes.
      const same = guess !== undefined && guess.name.length === size && text.indexOf(guess.name, at) === at;
      const name = same ? guess.name : text.slice(at, at + size);
      const lower = same ? guess.lower : name.toLowerCase();
      if (current === undefined) current = { fields: [], names: same ? undefined : new Set([lower]) };
      else if (!same || current.names !== undefined) {
        current.names ??= new Set(current.fields.map((field) => field.lower));
        if (current.names.has(lower)) {
          close(current, drafts);
          current = { fields: [], names: new Set([lower]) };
        } else current.names.add(lower);
      }
      // Trimmed by position: `length` already stops before the trailing blanks.
      const value = text.slice(blankPrefixLength(text, valueStart[k]), length);
      current.fields.push({ no: line.no, text: value, length, name, lower, more: undefined });
      longest = Math.max(longest, length);
    } else {
      const last = current?.fields.at(-1);
      const reachable = doubleSpaced || !afterBlank;
      if (last !== undefined && reachable && (rowIndent > nameIndent || isOpenCollection(last))) {
        wrapped = Math.max(wrapped ?? 0, (last.more?.at(-1) ?? last).length);
        const segment = { no: line.no, text: text.slice(blankPrefixLength(text), length), length };
        if (last.more === undefined) last.more = [segment];
        else last.more.push(segment);
        longest = Math.max(longest, length);
      } else {
        current = close(current, drafts);
        unread.push(line);
      }
    }
    afterBlank = false;
  }
  close(current, drafts);
  for (const draft of drafts) records.push(finish(draft, longest, wrapped));
}

/** Ends the record being read, if any; what follows starts a new one. */
function close(current: RecordDraft | undefined, drafts: RecordDraft[]): undefined {
  if (current !== undefined) drafts.push(current);
  return undefined;
}

/** A `{…` value without its closing brace goes on, even on a line that lost its indentation. */
function isOpenCollection(field: FieldDraft): boolean {
  let first = field.text === "" ? undefined : field.text;
  let last = first;
  for (const segment of field.more ?? []) {
    if (segment.text === "") continue;
    first ??= segment.text;
    last = segment.text;
  }
  return first?.startsWith("{") === true && last?.endsWith("}") === false;
}

function finish(draft: RecordDraft, longest: number, wrapped: number | undefined): RawRecord {
  const fields = new Map<string, RawValue>();
  let startLine = Number.POSITIVE_INFINITY;
  let endLine = 0;
  for (const field of draft.fields) {
    const { more } = field;
    const last = more?.at(-1) ?? field;
    const text = more === undefined ? field.text : join(field, more, longest);
    fields.set(field.name, {
      kind: "text",
      text,
      truncated: isTruncated(text, last.length, wrapped),
      startLine: field.no,
      endLine: last.no,
    });
    startLine = Math.min(startLine, field.no);
    endLine = Math.max(endLine, last.no);
  }
  return { fields, startLine, endLine };
}

/**
 * Rejoins a wrapped value. English consoles wrap at a blank (the blank is lost, so one
 * comes back); other cultures cut at the console width in mid-token (`SecureMai` + `l`),
 * which shows as a line about as long as the longest line of the block.
 */
function join(first: Segment, more: readonly Segment[], longest: number): string {
  let text = first.text;
  let previous = first;
  for (const segment of more) {
    if (text === "") text += segment.text;
    else if (text.endsWith(",") || text.endsWith(";") || previous.length < longest - JOIN_SLACK) {
      text += ` ${segment.text}`;
    } else text += segment.text;
    previous = segment;
  }
  return text;
}

function isTruncated(text: string, lastLength: number, width: number | undefined): boolean {
  if (ellipsisLength(text) > 0) return true;
  // By character code: this is asked of every value of every record.
  const last = text.charCodeAt(text.length - 1);
  if (text.charCodeAt(0) === 123 && (last !== 125 || ellipsisLength(text.slice(0, -1)) > 0)) return true;
  // Whether the value is a DN is asked last: the search runs through the whole value, and most values end in
  // neither a comma nor at the console width.
  if (last === 44 && looksLikeDn(text)) return true;
  if (width === undefined || lastLength < width - CUT_SLACK) return false;
  return /[,=]$/.test(text) || (looksLikeDn(text) && isDnCut(text));
}
