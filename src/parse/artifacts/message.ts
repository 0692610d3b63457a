import type { Line } from "../lines";
import { isPrompt } from "./boundary";
import { claimHealthChecker } from "./healthchecker";
import { makeEvidence } from "./make-evidence";
import { mayBeginMessage } from "./message-start";
import { beginsKnownMessage, cmdletErrorFacts, recogniseMessage } from "./message-texts";
import { isForeign, nextNonBlank, startsWithSmtpCode, view } from "./message-view";
import { readPsErrorRecord } from "./ps-error";
import { claimScriptLog } from "./script-log";
import { claimTestCertificate } from "./test-certificate";
import { squash } from "./text";
import type { ArtifactClaim } from "./types";

/**
 * Error texts pasted on their own: NDR and message-trace records, queue
 * errors, wizard (HCW) errors, cmdlet error records, Test-Certificate output,
 * HealthChecker lines and script logs.
 */

const RECORD_START =
  /^\s*(?:Reason:\s*\[|\[?\{?LED=|Remote Server returned\b|Diagnostic information for administrators\b)/i;
const MAX_LINES = 16;

function claimFrom(lines: readonly Line[], start: number, end: number, text: string): ArtifactClaim | null {
  const reading = recogniseMessage(text);
  const first = lines[start];
  const last = lines[end - 1];
  if (reading === null || first === undefined || last === undefined) return null;
  const shown = lines
    .slice(start, end)
    .map((l) => view(l).trim())
    .filter((t) => t !== "")
    .join("\n");
  const evidence = makeEvidence({ ...reading, text: shown, startLine: first.no, endLine: last.no });
  return { format: "message", endIndex: end, evidence: [evidence], unread: [] };
}

/** The last text asked about and the answer: a table row is asked twice in a row, as an error record and a message. */
let unitText: string | undefined;
let unit = false;

/** A line that begins another unit, so a unit never runs into the next one. */
function beginsUnit(text: string): boolean {
  if (text === unitText) return unit;
  unit = RECORD_START.test(text) || beginsKnownMessage(text) || recogniseMessage(squash(text)) !== null;
  unitText = text;
  return unit;
}

const depth = (text: string) => (text.match(/[[{]/g)?.length ?? 0) - (text.match(/[\]}]/g)?.length ?? 0);

/**
 * A message-trace record, kept together while its brackets are open even when
 * a web page broke it into fragments separated by blank lines (fixture 10).
 */
function claimRecord(lines: readonly Line[], start: number): ArtifactClaim | null {
  const parts = [view(lines[start]).trim()];
  let open = depth(parts[0] ?? "");
  let end = start + 1;
  while (open > 0 && parts.length < MAX_LINES) {
    const j = nextNonBlank(lines, end);
    if (j >= lines.length || j - end > 2 || isForeign(lines, j)) break;
    const t = view(lines[j]).trim();
    if (RECORD_START.test(t) || startsWithSmtpCode(t)) break;
    parts.push(t);
    open += depth(t);
    end = j + 1;
  }
  return claimFrom(lines, start, end, squash(parts.join(" ")));
}

/** A one-line message, with the lines a narrow window wrapped it onto. */
function claimSentence(lines: readonly Line[], start: number): ArtifactClaim | null {
  const parts = [view(lines[start]).trim()];
  let end = start + 1;
  while (end < lines.length && parts.length < MAX_LINES && !/[.'"\])}]$/.test(parts[parts.length - 1] ?? "")) {
    const t = view(lines[end]).trim();
    if (t === "" || isForeign(lines, end) || beginsUnit(t)) break;
    parts.push(t);
    end++;
  }
  return claimFrom(lines, start, end, squash(parts.join(" ")));
}

/**
 * Where an error record can begin: a known message, a `Verb-Noun : …` line, or
 * any line right under the prompt whose command it answers (fixture 34).
 */
function beginsErrorRecord(lines: readonly Line[], start: number): boolean {
  const t = view(lines[start]);
  if (/^\s/.test(t)) return false;
  return (
    /^(?:A special Rpc error occurs\b|[A-Z][a-z]+-[A-Za-z]+\s+:\s)/.test(t) ||
    beginsUnit(t) ||
    isPrompt(lines[start - 1]?.text ?? "")
  );
}

/** A PowerShell error record of an Exchange cmdlet (fixture 34), rejoined. */
function claimCmdletError(lines: readonly Line[], start: number): ArtifactClaim | null {
  if (!beginsErrorRecord(lines, start)) return null;
  const record = readPsErrorRecord(lines, start);
  if (record === null) return null;
  const text = [record.message, ...record.properties].join("\n");
  const reading = recogniseMessage(squash(text));
  if (reading === null && record.cmdlet === undefined) return null;
  const first = lines[start];
  const last = lines[record.end - 1];
  if (first === undefined || last === undefined) return null;
  const evidence = makeEvidence({
    type: "cmdlet-error",
    code: reading?.code ?? record.cmdlet,
    text,
    facts: { ...cmdletErrorFacts(text), ...reading?.facts },
    startLine: first.no,
    endLine: last.no,
  });
  return { format: "message", endIndex: record.end, evidence: [evidence], unread: [] };
}

export function claimMessage(lines: readonly Line[], start: number): ArtifactClaim | null {
  return mayBeginMessage(lines, start) ? readMessage(lines, start) : null;
}

/** `claimMessage` without its precheck, which a property test holds to never turn down a line this claims. */
export function readMessage(lines: readonly Line[], start: number): ArtifactClaim | null {
  if (start < 0 || start >= lines.length || isForeign(lines, start)) return null;
  const t = view(lines[start]).trim();
  if (t === "") return null;
  const special =
    claimTestCertificate(lines, start) ?? claimScriptLog(lines, start) ?? claimHealthChecker(lines, start);
  if (special) return special;
  const cmdlet = claimCmdletError(lines, start);
  if (cmdlet) return cmdlet;
  if (RECORD_START.test(t) || /\[\{LED=/i.test(t)) return claimRecord(lines, start);
  if (beginsUnit(t)) return claimSentence(lines, start);
  return null;
}
