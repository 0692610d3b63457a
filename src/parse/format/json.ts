import type { Line } from "../lines";
import { isBlankString, isWhiteSpaceCode } from "../white-space";
import type { RawRecord, RawValue, ReadResult } from "./types";

/** A line opening the JSON text; `[PS] C:\>` is the Exchange Management Shell prompt, not an array. */
const OPENING = /^\s*(?:\{|\[(?!PS\]))/;

interface Span {
  readonly start: number;
  readonly end: number;
}

interface Member extends Span {
  readonly key: string;
}

/** An element of an array, with its members when it is an object read in the same walk. */
interface Element extends Span {
  readonly members: readonly Member[] | undefined;
}

/**
 * Reads `ConvertTo-Json` output: one object, an array of objects, or the PowerShell 5.1
 * wrapper `{"value":[…],"Count":n}`. Values keep their JSON types; each record and field
 * carries the lines it was printed on. Lines before the opening bracket or after the
 * closing one are unread; text that is not JSON is unread as a whole.
 */
export function readJson(lines: readonly Line[]): ReadResult {
  const first = lines.findIndex((line) => OPENING.test(line.text));
  if (first < 0) return { records: [], unread: filled(lines), leftovers: [] };
  const body = lines.slice(first);
  const text = body.map((line) => line.text).join("\n");
  const indexAt = lineLocator(body);
  const start = skipBlank(text, 0);
  const { end, parsed, walked } = parseAt(text, start);
  if (parsed === undefined) return { records: [], unread: filled(lines), leftovers: [] };

  const unread = filled(lines.slice(0, first));
  for (let i = indexAt(end - 1) + 1; i < body.length; i += 1) {
    const line = body[i];
    if (line !== undefined && !isBlankString(line.text)) unread.push(line);
  }

  const records: RawRecord[] = [];
  // Indexes into `body`: a flag per line rather than a set of numbers, as every line of the text is placed.
  const placed = new Uint8Array(body.length);
  const strays: Span[] = [];
  for (const { span, value } of objectsOf(text, start, parsed.value, walked)) {
    if (!isObject(value)) {
      strays.push(span);
      continue;
    }
    records.push(toRecord(text, span, value, (offset) => body[indexAt(offset)]?.no ?? 0));
    for (let i = indexAt(span.start); i <= indexAt(span.end - 1); i += 1) placed[i] = 1;
  }
  for (const span of strays) {
    for (let i = indexAt(span.start); i <= indexAt(span.end - 1); i += 1) {
      const line = body[i];
      if (line !== undefined && placed[i] !== 1) unread.push(line);
      placed[i] = 1;
    }
  }
  unread.sort((a, b) => a.no - b.no);
  return { records, unread, leftovers: [] };
}

/** The lines that are not blank. */
function filled(lines: readonly Line[]): Line[] {
  return lines.filter((line) => !isBlankString(line.text));
}

/**
 * The JSON value at `start`: where it ends and what it holds. An array, the usual paste, is walked element by
 * element and member by member first, and the walk kept when the text it spans parses: a valid array ends where
 * its brackets balance, so the walk ends where the bracket count below would, and its elements and members are
 * the ones a second and third walk would find. Anything else, or text the walk misreads, is bracket-counted.
 */
function parseAt(
  text: string,
  start: number,
): { end: number; parsed: { value: unknown } | undefined; walked: readonly Element[] | undefined } {
  if (text.charCodeAt(start) === OPEN_BRACKET) {
    const walk = elements(text, start);
    const parsed = walk.end < 0 ? undefined : parse(text.slice(start, walk.end));
    if (parsed !== undefined) return { end: walk.end, parsed, walked: walk.elements };
  }
  const end = valueEnd(text, start);
  return { end, parsed: end < 0 ? undefined : parse(text.slice(start, end)), walked: undefined };
}

function parse(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The objects a paste holds: the elements of a top-level array (or of the 5.1 `value` wrapper), else the value
 * itself. `walked` holds the top-level array's elements when `parseAt` found them.
 */
function objectsOf(
  text: string,
  start: number,
  value: unknown,
  walked: readonly Element[] | undefined,
): { span: Element; value: unknown }[] {
  if (Array.isArray(value))
    return (walked ?? elements(text, start).elements).map((span, i) => ({ span, value: value[i] }));
  if (isObject(value) && Array.isArray(value.value) && isWrapper(value)) {
    const wrapped = members(text, start).members.find((member) => member.key === "value");
    if (wrapped !== undefined) {
      const items = value.value;
      return elements(text, wrapped.start).elements.map((span, i) => ({ span, value: items[i] }));
    }
  }
  return [{ span: { start, end: valueEnd(text, start), members: undefined }, value }];
}

function isWrapper(value: Record<string, unknown>): boolean {
  return Object.keys(value).every((key) => key === "value" || key === "Count");
}

function toRecord(
  text: string,
  span: Element,
  value: Record<string, unknown>,
  lineAt: (offset: number) => number,
): RawRecord {
  const fields = new Map<string, RawValue>();
  // The parsed object's own key strings where they line up with the members walked: a key cut from the text is a
  // new string each time, and looking a property up by one costs the engine a string-table search per member.
  const parsedKeys = Object.keys(value);
  (span.members ?? members(text, span.start).members).forEach((member, i) => {
    const parsedKey = parsedKeys[i];
    const key = parsedKey === member.key ? parsedKey : member.key;
    fields.set(key, {
      kind: "json",
      value: value[key],
      truncated: false,
      startLine: lineAt(member.start),
      endLine: lineAt(member.end - 1),
    });
  });
  return { fields, startLine: lineAt(span.start), endLine: lineAt(span.end - 1) };
}

/**
 * Maps an offset in the joined text (lines joined by `\n`) to the index of the line it lies on. Members are asked
 * for in order, so the line found last is where the search starts when the offset lies at or after it.
 */
function lineLocator(body: readonly Line[]): (offset: number) => number {
  const starts: number[] = [];
  let offset = 0;
  for (const line of body) {
    starts.push(offset);
    offset += line.text.length + 1;
  }
  let last = 0;
  return (at) => {
    if ((starts[last] ?? 0) <= at) {
      while (last + 1 < starts.length && (starts[last + 1] ?? 0) <= at) last += 1;
      return last;
    }
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((starts[mid] ?? 0) <= at) low = mid;
      else high = mid - 1;
    }
    last = low;
    return low;
  };
}

// By character code, without a pattern: the blanks between tokens are a few characters, and a search with a
// pattern from an offset builds a match for every one of the paste's tokens.
function skipBlank(text: string, from: number): number {
  if (from < 0 || from >= text.length) return from;
  let i = from;
  while (i < text.length && isWhiteSpaceCode(text.charCodeAt(i))) i += 1;
  return i;
}

/** Index of the first blank, `,`, `]` or `}` at or after `from`, else the text's length. */
function scalarEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === COMMA || code === CLOSE_BRACKET || code === CLOSE_BRACE || isWhiteSpaceCode(code)) break;
    i += 1;
  }
  return i;
}

/**
 * End (exclusive) of the string literal starting at `from`, or -1. Most of a paste's JSON is inside strings: the
 * next quote is found with `indexOf`, which outruns a loop over every character, and it closes the string when an
 * even number of backslashes (none, usually) stands before it, as escapes pair from the start of such a run.
 */
function stringEnd(text: string, from: number): number {
  let quote = text.indexOf('"', from + 1);
  while (quote >= 0) {
    let slash = quote - 1;
    while (slash > from && text.charCodeAt(slash) === BACKSLASH) slash -= 1;
    if ((quote - 1 - slash) % 2 === 0) return quote + 1;
    quote = text.indexOf('"', quote + 1);
  }
  return -1;
}

const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const COMMA = 44;

/** End (exclusive) of the JSON value starting at `from`, or -1 when it does not end. */
function valueEnd(text: string, from: number): number {
  const open = text[from];
  if (open === '"') return stringEnd(text, from);
  if (open !== "{" && open !== "[") {
    const i = scalarEnd(text, from);
    return i > from ? i : -1;
  }
  let depth = 0;
  for (let i = from; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code === QUOTE) {
      i = stringEnd(text, i) - 1;
      if (i < 0) return -1;
    } else if (code === OPEN_BRACE || code === OPEN_BRACKET) depth += 1;
    else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
      depth -= 1;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

/**
 * Spans of the elements of the (valid) array starting at `from`, an object's with its members, and the end of the
 * array (-1 when the walk does not reach its closing bracket).
 */
function elements(text: string, from: number): { elements: Element[]; end: number } {
  const spans: Element[] = [];
  let i = skipBlank(text, from + 1);
  while (i < text.length && text[i] !== "]") {
    const object = text.charCodeAt(i) === OPEN_BRACE ? members(text, i) : undefined;
    const end = object !== undefined && object.end >= 0 ? object.end : valueEnd(text, i);
    if (end < 0) break;
    spans.push({ start: i, end, members: object !== undefined && object.end >= 0 ? object.members : undefined });
    i = skipBlank(text, end);
    if (text[i] === ",") i = skipBlank(text, i + 1);
  }
  return { elements: spans, end: text[i] === "]" ? i + 1 : -1 };
}

/**
 * The text of a key's string literal. A key without escapes or control characters reads as its inner text (as
 * `JSON.parse` would read it); only the others need the parser, which thousands of keys per paste then avoid.
 */
function keyText(literal: string): unknown {
  return PLAIN_STRING.test(literal) ? literal.slice(1, -1) : parse(literal)?.value;
}

const PLAIN_STRING = /^"[^"\\\p{Cc}]*"$/u;

/**
 * Keys and value spans of the members of the (valid) object starting at `from`, and the end of the object (-1 when
 * the walk does not reach its closing brace).
 */
function members(text: string, from: number): { members: Member[]; end: number } {
  const result: Member[] = [];
  let i = skipBlank(text, from + 1);
  while (i < text.length && text[i] === '"') {
    const keyEnd = stringEnd(text, i);
    const key = keyEnd < 0 ? undefined : keyText(text.slice(i, keyEnd));
    const start = skipBlank(text, skipBlank(text, keyEnd) + 1);
    const end = valueEnd(text, start);
    if (typeof key !== "string" || end < 0) return { members: result, end: -1 };
    result.push({ key, start, end });
    i = skipBlank(text, end);
    if (text[i] === ",") i = skipBlank(text, i + 1);
  }
  return { members: result, end: text[i] === "}" ? i + 1 : -1 };
}
