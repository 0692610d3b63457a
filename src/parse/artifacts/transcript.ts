import type { Evidence } from "../../model/evidence";
import type { Line } from "../lines";
import { isEventHeaderStart, isLogHeader, isLogRow, startsOtherThing } from "./boundary";
import { isHelloLine, isStatusReply, readEhlo } from "./ehlo";
import { type FactsDraft, makeEvidence } from "./make-evidence";
import { opensslNameToWindows } from "./openssl-name";
import { toPort } from "./text";
import {
  classifyTranscriptLine,
  classifyTranscriptStart,
  isSslSessionEntry,
  type TranscriptLine,
} from "./transcript-lines";
import { mayStartTranscript } from "./transcript-start";
import type { ArtifactClaim } from "./types";

/**
 * STARTTLS transcripts: telnet sessions and bare EHLO lists (with `PORT n`
 * labels the poster typed), and `openssl s_client -starttls smtp` output.
 * One evidence per EHLO list, per error reply, and per certificate openssl shows.
 */

interface ChainEntry {
  depth: number;
  subject?: string;
  issuer?: string;
  lines: Line[];
}

interface State {
  tool: "telnet" | "openssl" | "nc" | undefined;
  host: string | undefined;
  port: number | undefined;
  label: number | undefined;
  banner: string | undefined;
  tls: boolean;
  lastClient: string | undefined;
  ehlo: { lines: Line[]; texts: string[]; afterEhlo: boolean } | null;
  depth: number;
  verifyErrors: Array<{ depth: number; error: string }>;
  finalVerify: string | undefined;
  chain: ChainEntry[];
  server: ChainEntry | null;
  inPem: boolean;
  inSession: boolean;
}

function freshState(): State {
  return {
    tool: undefined,
    host: undefined,
    port: undefined,
    label: undefined,
    banner: undefined,
    tls: false,
    lastClient: undefined,
    ehlo: null,
    depth: 0,
    verifyErrors: [],
    finalVerify: undefined,
    chain: [],
    server: null,
    inPem: false,
    inSession: false,
  };
}

const text = (lines: readonly Line[]) => lines.map((l) => l.text.trim()).join("\n");

function span(lines: readonly Line[]): { startLine: number; endLine: number } {
  return { startLine: lines[0]?.no ?? 0, endLine: lines[lines.length - 1]?.no ?? 0 };
}

function closeEhlo(s: State, out: Evidence[]): void {
  const list = s.ehlo;
  s.ehlo = null;
  if (list === null) return;
  const first = list.texts[0] ?? "";
  const isEhlo = list.afterEhlo || isHelloLine(first) || list.texts.length >= 2;
  if (!isEhlo || isStatusReply(first)) return;
  const reading = readEhlo(list.texts);
  const facts: FactsDraft = { port: s.label ?? s.port, server: reading.host ?? s.banner };
  if (!s.tls) {
    facts.starttlsOffered = reading.starttls;
    facts.anonymousTlsOffered = reading.anonymousTls;
  }
  out.push(
    makeEvidence({
      type: "transcript",
      code: s.tls ? "EHLO-after-TLS" : "EHLO",
      text: text(list.lines),
      facts,
      ...span(list.lines),
    }),
  );
}

function certificateEvidence(s: State, entry: ChainEntry): Evidence {
  const facts: FactsDraft = { port: s.port, server: s.host };
  if (entry.subject !== undefined) facts.presentedSubject = opensslNameToWindows(entry.subject);
  if (entry.issuer !== undefined) facts.presentedIssuer = opensslNameToWindows(entry.issuer);
  const atDepth = s.verifyErrors.filter((v) => v.depth === entry.depth).map((v) => v.error);
  if (entry.depth === 0) {
    const all = [...new Set(s.verifyErrors.map((v) => v.error))];
    facts.chainStatus = all;
    facts.verifyError = s.finalVerify ?? all[0];
  } else {
    facts.verifyError = atDepth[0];
  }
  return makeEvidence({
    type: "transcript",
    code: entry.depth === 0 ? "server-certificate" : "chain-certificate",
    text: text(entry.lines),
    facts,
    ...span(entry.lines),
  });
}

/** Ends an openssl session: one evidence per certificate it showed. */
function closeSession(s: State, out: Evidence[]): void {
  closeEhlo(s, out);
  const entries = [...s.chain];
  const server = s.server;
  if (server !== null) {
    const zero = entries.find((e) => e.depth === 0);
    if (zero === undefined) entries.unshift(server);
    else {
      zero.subject ??= server.subject;
      zero.issuer ??= server.issuer;
    }
  }
  for (const entry of entries) out.push(certificateEvidence(s, entry));
}

function onReply(s: State, line: Line, r: Extract<TranscriptLine, { kind: "reply" }>, out: Evidence[]): void {
  if (r.code === 250 && s.lastClient !== undefined && !/^(?:EHLO|HELO)$/.test(s.lastClient) && s.ehlo === null) {
    return;
  }
  if (r.code === 250) {
    s.ehlo ??= { lines: [], texts: [], afterEhlo: s.lastClient === "EHLO" || s.lastClient === "HELO" };
    s.ehlo.lines.push(line);
    s.ehlo.texts.push(r.rest);
    if (!r.more) {
      closeEhlo(s, out);
      s.lastClient = undefined;
    }
    return;
  }
  closeEhlo(s, out);
  if (r.code === 220) {
    if (s.lastClient === "STARTTLS") s.tls = true;
    else if (!isStatusReply(r.rest)) s.banner = /^([A-Za-z0-9][A-Za-z0-9.-]*)\b/.exec(r.rest)?.[1] ?? s.banner;
  }
  if (r.code >= 400 && !/Timeout waiting for client input/i.test(r.rest)) {
    const enhanced = /^(\d\.\d{1,3}\.\d{1,3})\b/.exec(r.rest)?.[1];
    const facts: FactsDraft = { port: s.label ?? s.port, server: s.banner ?? s.host };
    if (s.lastClient === "STARTTLS") facts.tlsError = r.rest;
    out.push(
      makeEvidence({
        type: "transcript",
        code: enhanced ? `${r.code} ${enhanced}` : String(r.code),
        text: line.text.trim(),
        facts,
        startLine: line.no,
        endLine: line.no,
      }),
    );
  }
  s.lastClient = undefined;
}

/** Applies one classified line to the session state, closing lists and sessions it ends. */
function apply(s: State, line: Line, c: TranscriptLine, out: Evidence[]): void {
  switch (c.kind) {
    case "command":
      closeSession(s, out);
      Object.assign(s, freshState(), { tool: c.tool, host: c.host, port: toPort(c.port), tls: c.tool === "openssl" });
      return;
    case "connected":
      if (s.tool !== "openssl") {
        closeSession(s, out);
        Object.assign(s, freshState(), { tool: "openssl", tls: true });
      }
      return;
    case "reply":
      onReply(s, line, c, out);
      return;
    case "client":
      closeEhlo(s, out);
      s.lastClient = c.verb;
      return;
    case "port":
      closeEhlo(s, out);
      s.label = toPort(c.port);
      return;
    case "depth":
      s.depth = c.depth;
      return;
    case "verify-error":
      s.verifyErrors.push({ depth: s.depth, error: c.error });
      return;
    case "verify-code":
      s.finalVerify = c.error;
      return;
    case "chain-subject":
      s.chain.push({ depth: c.depth, subject: c.name, lines: [line] });
      return;
    case "chain-issuer": {
      const last = s.chain[s.chain.length - 1];
      if (last !== undefined && last.issuer === undefined) {
        last.issuer = c.name;
        last.lines.push(line);
      }
      return;
    }
    case "server-subject":
      s.server = { depth: 0, subject: c.name, lines: [line] };
      return;
    case "server-issuer":
      if (s.server === null) s.server = { depth: 0, lines: [] };
      s.server.issuer = c.name;
      s.server.lines.push(line);
      return;
    case "pem-begin":
      s.inPem = true;
      return;
    case "pem-end":
      s.inPem = false;
      return;
    case "ssl-session":
      s.inSession = true;
      return;
    default:
      return;
  }
}

/** Whether the line at `start` begins a transcript. */
export function startsTranscript(lines: readonly Line[], start: number): boolean {
  const text = lines[start]?.text ?? "";
  if (!mayStartTranscript(text)) return false;
  const c = classifyTranscriptStart(text);
  if (c === null) return false;
  switch (c.kind) {
    case "command":
    case "connected":
    case "noise":
      return true;
    case "reply":
      return c.code === 220 ? c.rest !== "" && !isStatusReply(c.rest) : c.code === 250 && !isStatusReply(c.rest);
    case "client":
      return c.verb === "EHLO" || c.verb === "HELO";
    case "port": {
      let j = start + 1;
      while (j < lines.length && (lines[j]?.text.trim() ?? "") === "") j++;
      const next = classifyTranscriptLine(lines[j]?.text ?? "");
      return next !== null && (next.kind === "reply" || next.kind === "client");
    }
    default:
      return false;
  }
}

function isForeign(lines: readonly Line[], i: number): boolean {
  const t = lines[i]?.text ?? "";
  return startsOtherThing(lines, i) || isEventHeaderStart(t) || isLogRow(t) || isLogHeader(t);
}

export function claimTranscript(lines: readonly Line[], start: number): ArtifactClaim | null {
  // The start is checked first: few lines begin a transcript, and most are not foreign either.
  if (start < 0 || start >= lines.length || !startsTranscript(lines, start) || isForeign(lines, start)) return null;
  const s = freshState();
  const out: Evidence[] = [];
  const unread: Line[] = [];
  let end = start;
  let i = start;
  while (i < lines.length) {
    const line = lines[i];
    if (line === undefined) break;
    const t = line.text.trim();
    if (t === "") {
      let j = i + 1;
      while (j < lines.length && (lines[j]?.text.trim() ?? "") === "") j++;
      const next = lines[j];
      if (next === undefined || isForeign(lines, j) || classifyTranscriptLine(next.text) === null) break;
      s.inSession = false;
      i = j;
      continue;
    }
    const c = classifyTranscriptLine(line.text);
    if (s.inPem && c?.kind !== "pem-end") {
      if (c?.kind !== "elision" && !/^[A-Za-z0-9+/]+={0,2}$/.test(t)) unread.push(line);
    } else if (s.inSession && c === null && isSslSessionEntry(t)) {
      // Protocol/Cipher/Session-ID lines of openssl's session summary.
    } else if (isForeign(lines, i) && !(s.inSession && isSslSessionEntry(t))) {
      break;
    } else if (c !== null) {
      if (t === "---") s.inSession = false;
      apply(s, line, c, out);
    } else if (s.tool === "openssl") {
      unread.push(line);
    } else {
      break;
    }
    i++;
    end = i;
  }
  closeSession(s, out);
  return { format: "transcript", endIndex: end, evidence: out, unread };
}
