import type { Evidence } from "../../model/evidence";
import type { Line } from "../lines";
import { isLogHeader, isLogRow, isPemBegin, startsOtherThing } from "./boundary";
import { readEventDescription } from "./event-description";
import { makeEvidence } from "./make-evidence";
import { setNamed } from "./named-fact";
import { isPlainAscii, normaliseText } from "./text";
import type { ArtifactClaim } from "./types";

/**
 * Windows Event Viewer "Copy details as text" blocks, the same fields flattened
 * onto one line (HTML copies), and the short `Source / Event ID / Level` form
 * found in articles.
 */

const KEYS = "Log Name|Source|Date|Event ID|Task Category|Level|Keywords|User|Computer|OpCode|Description";
const HEADER_START = new RegExp(`^(?:${KEYS})\\s*:`, "i");
const KEY_AT = new RegExp(`(?:^|\\s)(${KEYS})\\s*:`, "gi");

type Header = Map<string, string>;

/** Splits `Key: value Key: value …`; everything after `Description:` is description. */
function headerPairs(text: string): Array<[string, string]> | null {
  const t = normaliseText(text).trim();
  if (!HEADER_START.test(t)) return null;
  const pairs: Array<[string, string]> = [];
  const hits = [...t.matchAll(KEY_AT)];
  for (let i = 0; i < hits.length; i++) {
    const hit = hits[i];
    const key = hit?.[1];
    if (hit === undefined || key === undefined) continue;
    const valueStart = (hit.index ?? 0) + hit[0].length;
    const canonical = key.replace(/\s+/g, " ").toLowerCase();
    if (canonical === "description") {
      pairs.push([canonical, t.slice(valueStart).trim()]);
      break;
    }
    const next = hits[i + 1];
    const valueEnd = next === undefined ? t.length : (next.index ?? t.length);
    pairs.push([canonical, t.slice(valueStart, valueEnd).trim()]);
  }
  return pairs;
}

function isNewEventStart(text: string): boolean {
  return /^\s*(?:Log Name|Source|Event ID)\s*:/i.test(text);
}

function stopsDescription(lines: readonly Line[], i: number): boolean {
  const text = lines[i]?.text ?? "";
  return (
    text.trim() === "" ||
    isNewEventStart(text) ||
    /^\s*Event Xml\s*:/i.test(text) ||
    isLogRow(text) ||
    isLogHeader(text) ||
    isPemBegin(text) ||
    startsOtherThing(lines, i)
  );
}

/** Skips the `Event Xml:` section Event Viewer appends, up to `</Event>`. */
function skipEventXml(lines: readonly Line[], from: number): number {
  let i = from;
  while (i < lines.length && lines[i]?.text.trim() === "" && i < from + 2) i++;
  if (!/^\s*Event Xml\s*:/i.test(lines[i]?.text ?? "")) return from;
  i++;
  while (i < lines.length) {
    const text = lines[i]?.text ?? "";
    if (text.trim() === "" || startsOtherThing(lines, i)) return i;
    i++;
    if (/<\/Event>\s*$/.test(text)) return i;
  }
  return i;
}

function buildEvidence(header: Header, description: string, first: Line, last: Line): Evidence {
  const facts = readEventDescription(header.get("source"), description);
  const source = header.get("source");
  if (source) facts.eventSource = source;
  if (header.has("computer")) setNamed(facts, "server", "server", header.get("computer"));
  return makeEvidence({
    type: "event",
    code: header.get("event id"),
    text: description,
    facts,
    startLine: first.no,
    endLine: last.no,
  });
}

/** `HEADER_START` on a line as it is, not trimmed: for a plain-ASCII line, the same answer. */
const HEADER_START_UNTRIMMED = new RegExp(`^\\s*(?:${KEYS})\\s*:`, "i");

/**
 * Whether an event could begin at this line: no when `claimEvent` surely would not claim it, asked first. The
 * segmenter asks every wrapped line of a list and every row of a table whether an event begins there. An event's
 * first line holds a header key and its colon, and only a line that is not plain ASCII is changed by `normaliseText`
 * before the key is looked for.
 */
export function mayStartEvent(text: string): boolean {
  return text.includes(":") && (HEADER_START_UNTRIMMED.test(text) || !isPlainAscii(text));
}

export function claimEvent(lines: readonly Line[], start: number): ArtifactClaim | null {
  const first = lines[start];
  return first !== undefined && mayStartEvent(first.text) ? readEvent(lines, start) : null;
}

/** `claimEvent` without its precheck, which a property test holds to never turn down a line this claims. */
export function readEvent(lines: readonly Line[], start: number): ArtifactClaim | null {
  const first = lines[start];
  if (first === undefined || startsOtherThing(lines, start)) return null;
  const header: Header = new Map();
  let description: string[] | null = null;
  let i = start;
  while (i < lines.length && description === null) {
    const line = lines[i];
    if (line === undefined || line.text.trim() === "") break;
    const pairs = headerPairs(line.text);
    if (pairs === null) break;
    if (i > start && header.has("event id") && isNewEventStart(line.text)) break;
    for (const [key, value] of pairs) {
      if (key === "description") description = value === "" ? [] : [value];
      else header.set(key, value);
    }
    i++;
  }
  const id = header.get("event id");
  if (id === undefined || !/^\d{1,6}$/.test(id)) return null;

  const text = description ?? [];
  while (i < lines.length && !stopsDescription(lines, i)) {
    text.push(normaliseText(lines[i]?.text ?? "").trim());
    i++;
  }
  const lastRead = lines[i - 1] ?? first;
  const end = skipEventXml(lines, i);
  const last = lines[end - 1] ?? lastRead;
  return {
    format: "event",
    endIndex: end,
    evidence: [buildEvidence(header, text.join("\n"), first, last)],
    unread: [],
  };
}
