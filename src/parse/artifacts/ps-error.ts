import type { Line } from "../lines";
import { isForeign, view } from "./message-view";
import { squash } from "./text";

/**
 * A PowerShell error record: the message (word-wrapped by the console), the
 * position lines (`At line:1 char:1`, `+ …`, `+ ~~~`) and the `+ Name : value`
 * properties, whose values the console hard-wraps at its width in the middle of
 * a token (`12:56:05 P` / `   M]`), so their continuation lines are joined
 * without a space.
 */
export interface PsErrorRecord {
  /** Index after the last line of the record. */
  readonly end: number;
  readonly message: string;
  /** `+ CategoryInfo : …` and friends, rejoined. */
  readonly properties: readonly string[];
  /** Cmdlet named by the record (`Verb-Noun : …` prefix or `[Verb-Noun]` in CategoryInfo). */
  readonly cmdlet: string | undefined;
}

const PROPERTY =
  /^\s*\+\s+(?:CategoryInfo|FullyQualifiedErrorId|PSComputerName|InvocationInfo|ScriptStackTrace|Exception|TargetObject|PSMessageDetails)\s*:/i;
const POSITION =
  /^\s*(?:At line:\s*\d+\s+char:\s*\d+|At \S.*:\d+ char:\d+|En l\S{0,6}nea:\s*\d+|In Zeile:\s*\d+|Au caract\S{1,3}re\s|\+\s)/i;

function isPropertyLine(text: string): boolean {
  return PROPERTY.test(text);
}

function isPositionLine(text: string): boolean {
  return POSITION.test(text);
}

/** Reads a record whose message starts at `start`; null when no position or property lines follow the message. */
export function readPsErrorRecord(lines: readonly Line[], start: number, maxMessageLines = 12): PsErrorRecord | null {
  const message: string[] = [];
  let i = start;
  while (i < lines.length && message.length < maxMessageLines) {
    const text = view(lines[i]);
    if (text.trim() === "" || (i > start && (isForeign(lines, i) || isPositionLine(text) || isPropertyLine(text))))
      break;
    message.push(text.trim());
    i++;
  }
  const tailStart = i;
  const properties: string[] = [];
  let open = false;
  while (i < lines.length) {
    const text = view(lines[i]);
    if (text.trim() === "") break;
    if (isPropertyLine(text)) {
      properties.push(text.trim());
      open = true;
    } else if (isPositionLine(text)) {
      open = false;
    } else if (open && /^\s/.test(text) && !isForeign(lines, i)) {
      const last = properties.length - 1;
      properties[last] = `${properties[last] ?? ""}${text.trim()}`;
    } else break;
    i++;
  }
  if (i === tailStart || message.length === 0) return null;
  const joined = properties.map(squash);
  const first = message[0] ?? "";
  const cmdlet =
    /^([A-Z][a-z]+-[A-Za-z]+)\s+:\s/.exec(first)?.[1] ??
    /\bCategoryInfo\s*:.*?\[([A-Z][a-z]+-[A-Za-z]+)\]/.exec(joined.join(" "))?.[1];
  return { end: i, message: squash(message.join(" ")), properties: joined, cmdlet };
}
