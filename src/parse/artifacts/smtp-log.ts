import type { Evidence } from "../../model/evidence";
import type { Line } from "../lines";
import { isLogHeader, isLogRow } from "./boundary";
import { splitCsvRow } from "./csv-row";
import { readEhlo } from "./ehlo";
import { type FactsDraft, makeEvidence } from "./make-evidence";
import { applyFieldRow, certificateFacts, type LoggedCertificate, readCombinedRow } from "./smtp-log-cert";
import { toPort } from "./text";
import type { ArtifactClaim } from "./types";

/**
 * Exchange SMTP Send/Receive protocol logs (CSV, with or without the
 * `#Software … #Fields` header). Rows are grouped by session; each session
 * with TLS content gives one evidence for the local side (the certificate
 * Exchange sent, the TLS result, the EHLO it offered or received) and, when
 * logged, one for the remote certificate.
 */

const DEFAULT_FIELDS = [
  "date-time",
  "connector-id",
  "session-id",
  "sequence-number",
  "local-endpoint",
  "remote-endpoint",
  "event",
  "data",
  "context",
];

interface Row {
  readonly line: Line;
  readonly connector: string;
  readonly session: string;
  readonly local: string;
  readonly remote: string;
  readonly event: string;
  readonly data: string;
  readonly context: string;
}

interface Session {
  readonly rows: Row[];
  readonly key: Row[];
  readonly remoteKey: Row[];
  local: LoggedCertificate;
  remote: LoggedCertificate;
  target: "local" | "remote";
  remoteStatus: string[];
  tlsError?: string;
  protocol?: string;
  tls: boolean;
  sawStartTls: boolean;
  ehlo: string[] | null;
  offered?: { starttls: boolean; anonymousTls: boolean };
}

function toRow(line: Line, fields: readonly string[]): Row | null {
  if (!isLogRow(line.text)) return null;
  const values = splitCsvRow(line.text.trim());
  if (values === null) return null;
  const get = (name: string) => {
    const at = fields.indexOf(name);
    return at < 0 ? "" : (values[at] ?? "");
  };
  const event = get("event").trim();
  if (values.length < Math.min(fields.length, 8) || !/^[-+<>*]$/.test(event)) return null;
  return {
    line,
    connector: get("connector-id"),
    session: get("session-id"),
    local: get("local-endpoint"),
    remote: get("remote-endpoint"),
    event,
    data: get("data"),
    context: get("context"),
  };
}

function newSession(): Session {
  return {
    rows: [],
    key: [],
    remoteKey: [],
    local: {},
    remote: {},
    target: "local",
    remoteStatus: [],
    tls: false,
    sawStartTls: false,
    ehlo: null,
  };
}

function closeEhlo(s: Session): void {
  if (s.ehlo === null) return;
  const reading = readEhlo(s.ehlo);
  s.ehlo = null;
  if (!s.tls && s.offered === undefined) s.offered = { starttls: reading.starttls, anonymousTls: reading.anonymousTls };
}

function onRow(s: Session, row: Row): void {
  s.rows.push(row);
  const data = row.data.trim();
  const both = `${data} ${row.context}`;
  const reply = /^250([ -])\s*(.*)$/.exec(data);
  if (row.event === "<" || row.event === ">") {
    if (/^(?:EHLO|HELO)\b/i.test(data)) {
      closeEhlo(s);
      s.ehlo = [];
      return;
    }
    if (reply && (s.ehlo !== null || /\bHello\b/i.test(reply[2] ?? ""))) {
      s.ehlo ??= [];
      s.ehlo.push(reply[2] ?? "");
      s.key.push(row);
      if (reply[1] === " ") closeEhlo(s);
      return;
    }
    closeEhlo(s);
    if (/^STARTTLS$/i.test(data)) s.sawStartTls = true;
    else if (s.sawStartTls && /^220\b/.test(data)) s.tls = true;
    return;
  }
  if (/^Sending certificate\b/i.test(row.context.trim())) {
    s.target = "local";
    if (data !== "") s.local = readCombinedRow(data);
    s.key.push(row);
    return;
  }
  if (
    /^(?:Received|Remote) certificate\b/i.test(row.context.trim()) ||
    /^(?:Received|Remote) certificate$/i.test(data)
  ) {
    s.target = "remote";
    s.remoteKey.push(row);
    return;
  }
  if (applyFieldRow(s.target === "local" ? s.local : s.remote, row.context, row.data)) {
    (s.target === "local" ? s.key : s.remoteKey).push(row);
    return;
  }
  const failed = /TLS negotiation failed with error (\w+)/i.exec(both);
  if (failed?.[1] !== undefined) {
    s.tlsError = failed[1];
    s.key.push(row);
    return;
  }
  const ok = /TLS protocol (\S+) negotiation succeeded/i.exec(both);
  if (ok?.[1] !== undefined) {
    s.protocol = ok[1];
    s.tls = true;
    s.key.push(row);
    return;
  }
  const chain = /certificate chain validation status:\s*'?([\w-]+)'?/i.exec(both);
  const status = /\bStatus='([\w-]+)'/.exec(both);
  if (chain?.[1] !== undefined || status?.[1] !== undefined) {
    for (const v of [chain?.[1], status?.[1]])
      if (v !== undefined && !s.remoteStatus.includes(v)) s.remoteStatus.push(v);
    s.remoteKey.push(row);
  }
}

const text = (rows: readonly Row[]) => rows.map((r) => r.line.text.trim()).join("\n");

function rowSpan(rows: readonly Row[]): { startLine: number; endLine: number } {
  const nos = rows.map((r) => r.line.no);
  // reduce, not spread: a session can have more rows than a call may take arguments.
  return { startLine: nos.reduce((a, b) => Math.min(a, b)), endLine: nos.reduce((a, b) => Math.max(a, b)) };
}

function sessionEvidence(s: Session, receive: boolean): Evidence[] {
  closeEhlo(s);
  const first = s.rows[0];
  if (first === undefined) return [];
  const out: Evidence[] = [];
  const base: FactsDraft = {};
  const slash = first.connector.indexOf("\\");
  if (receive && slash > 0) {
    base.server = first.connector.slice(0, slash);
    base.connector = first.connector.slice(slash + 1);
  } else if (first.connector !== "") base.connector = first.connector;
  base.port = toPort(/:(\d{1,5})$/.exec(receive ? first.local : first.remote)?.[1]);
  if (s.key.length > 0) {
    const facts: FactsDraft = { ...base, tlsError: s.tlsError };
    certificateFacts(s.local, facts);
    if (s.offered) {
      facts.starttlsOffered = s.offered.starttls;
      facts.anonymousTlsOffered = s.offered.anonymousTls;
    }
    out.push(
      makeEvidence({
        type: "smtp-log",
        code: s.tlsError ?? s.protocol,
        text: text(s.key),
        facts,
        ...rowSpan(s.key),
      }),
    );
  }
  if (s.remoteKey.length > 0) {
    const facts: FactsDraft = { ...base, chainStatus: s.remoteStatus };
    certificateFacts(s.remote, facts);
    out.push(
      makeEvidence({
        type: "smtp-log",
        code: "remote-certificate",
        text: text(s.remoteKey),
        facts,
        ...rowSpan(s.remoteKey),
      }),
    );
  }
  return out;
}

/** `#Fields:` of a protocol log, or null for other Exchange logs (message tracking …). */
function fieldsOf(text: string): string[] | null {
  const m = /^\s*#Fields:\s*(.*)$/i.exec(text);
  if (!m) return null;
  const fields = (m[1] ?? "").split(",").map((f) => f.trim().toLowerCase());
  return ["session-id", "event", "data"].every((f) => fields.includes(f)) ? fields : null;
}

function headerFields(lines: readonly Line[], start: number): readonly string[] | null {
  for (let i = start; i < lines.length && i < start + 8; i++) {
    const t = lines[i]?.text ?? "";
    if (!isLogHeader(t)) return null;
    if (/^\s*#Fields:/i.test(t)) return fieldsOf(t);
  }
  return null;
}

export function claimSmtpLog(lines: readonly Line[], start: number): ArtifactClaim | null {
  const first = lines[start];
  if (first === undefined) return null;
  let fields: readonly string[] = DEFAULT_FIELDS;
  if (isLogHeader(first.text)) {
    const declared = headerFields(lines, start);
    if (declared === null) return null;
    fields = declared;
  } else if (toRow(first, fields) === null) return null;

  let receive: boolean | undefined;
  const sessions = new Map<string, Session>();
  const unread: Line[] = [];
  let i = start;
  let end = start;
  while (i < lines.length) {
    const line = lines[i];
    if (line === undefined) break;
    const t = line.text.trim();
    if (t === "") {
      let j = i + 1;
      while (j < lines.length && (lines[j]?.text.trim() ?? "") === "") j++;
      const next = lines[j]?.text ?? "";
      if (!isLogRow(next) && !isLogHeader(next)) break;
      i = j;
      continue;
    }
    if (isLogHeader(t)) {
      if (i > start && /^#Software:/i.test(t) && headerFields(lines, i) === null) break;
      const logType = /^#Log-type:\s*(.*)$/i.exec(t)?.[1];
      if (logType !== undefined) receive = /receive/i.test(logType) ? true : /send/i.test(logType) ? false : receive;
      const declared = /^#Fields:/i.test(t) ? fieldsOf(t) : fields;
      if (declared === null) break;
      fields = declared;
    } else if (isLogRow(t)) {
      const row = toRow(line, fields);
      if (row === null) unread.push(line);
      else {
        const key = `${row.connector}\u0000${row.session}`;
        let session = sessions.get(key);
        if (session === undefined) {
          session = newSession();
          sessions.set(key, session);
        }
        onRow(session, row);
      }
    } else break;
    i++;
    end = i;
  }
  const evidence: Evidence[] = [];
  for (const session of sessions.values()) {
    const connector = session.rows[0]?.connector ?? "";
    evidence.push(...sessionEvidence(session, receive ?? connector.includes("\\")));
  }
  return { format: "smtp-log", endIndex: end, evidence, unread };
}
