import type { EvidenceKind } from "../../model/evidence";
import type { FactsDraft } from "./make-evidence";
import { SMTP_CODE } from "./message-view";
import { stripTrailingPeriods, toPort } from "./text";
import { setThumbprint } from "./thumbprint-fact";

/** What a recognised error text says. */
export interface Reading {
  readonly type: EvidenceKind;
  readonly code: string | undefined;
  readonly facts: FactsDraft;
}

/** Message-trace and NDR records (EXO), as opposed to on-premises queue errors. */
const isRecordForm = (text: string) =>
  /LED=|Reason:\s*\[|Remote Server returned|Diagnostic information|smtp;|Proxy session setup failed/i.test(text);

function firstCode(text: string): string | undefined {
  const m = SMTP_CODE.exec(text);
  return m ? `${m[1]} ${m[2]}` : undefined;
}

/** Target host and port EXO reports (`[LastAttemptedServerName=…] [LastAttemptedIP=…:25]`, `{FQDN=…}`). */
function targetFacts(text: string): FactsDraft {
  const facts: FactsDraft = {};
  const host = /LastAttemptedServerName=([^\]\s]+)/i.exec(text)?.[1] ?? /\{FQDN=([^}\s]+)\}/i.exec(text)?.[1];
  if (host) facts.server = stripTrailingPeriods(host);
  facts.port = toPort(/LastAttemptedIP=[^\]\s]*?:(\d{1,5})\]/i.exec(text)?.[1]);
  return facts;
}

function subjectMismatch(text: string, facts: FactsDraft): void {
  const expected = /Expected Subject:\s*(.*?)\s+Presented Subject:/i.exec(text)?.[1];
  if (expected !== undefined) facts.expectedSubject = stripTrailingPeriods(expected);
  const presented = /Presented Subject:\s*(.*?)\s+Thumbprint:/i.exec(text)?.[1];
  if (presented !== undefined) facts.presentedSubject = stripTrailingPeriods(presented);
  const thumb = /Thumbprint:\s*([0-9A-Fa-f*xX]+)/i.exec(text)?.[1];
  if (thumb !== undefined) setThumbprint(facts, thumb);
}

/** Server and certificate named in an Exchange cmdlet error. */
export function cmdletErrorFacts(text: string): FactsDraft {
  const facts: FactsDraft = {};
  const server = /(?:error occurs on server|\[Server=)\s*([^\s,:\]]+)/i.exec(text)?.[1];
  if (server) facts.server = server;
  const thumb = /thumbprint\s+(\S+)\s+was found/i.exec(text)?.[1];
  if (thumb !== undefined) setThumbprint(facts, thumb);
  return facts;
}

type Recogniser = (text: string) => Reading | null;

const RECOGNISERS: readonly Recogniser[] = [
  (t) =>
    /\b451[ -]5\.7\.3 STARTTLS is required\b/i.test(t)
      ? { type: isRecordForm(t) ? "ndr" : "queue", code: "451 5.7.3", facts: targetFacts(t) }
      : null,
  (t) => {
    const name = /\[Message=([A-Za-z]\w*)/i.exec(t)?.[1] ?? /\{MSG=([A-Za-z]\w*)\}/i.exec(t)?.[1];
    if (name === undefined) return null;
    const facts: FactsDraft = { ...targetFacts(t), tlsError: name };
    if (/^SubjectMismatch$/i.test(name)) subjectMismatch(t, facts);
    return { type: "ndr", code: firstCode(t), facts };
  },
  (t) =>
    /\b454[ -]4\.7\.5 The certificate specified in (?:the )?TlsCertificateName of the Send ?Connector could not be found/i.test(
      t,
    )
      ? { type: "queue", code: "454 4.7.5", facts: {} }
      : null,
  (t) =>
    /\b454[ -]4\.7\.5 certificate validation failure/i.test(t)
      ? { type: "queue", code: "454 4.7.5", facts: { tlsError: "certificate validation failure" } }
      : null,
  (t) => {
    const rest = /\b454[ -]4\.7\.0\s+(.*?)\.?\s*$/.exec(t)?.[1];
    if (rest === undefined) return null;
    const tlsError = /TLS channel:\s*(\w+)/i.exec(rest)?.[1] ?? rest;
    return { type: isRecordForm(t) ? "ndr" : "queue", code: "454 4.7.0", facts: { ...targetFacts(t), tlsError } };
  },
  (t) =>
    /\b530[ -]5\.7\.1 Client was not authenticated/i.test(t)
      ? { type: isRecordForm(t) ? "ndr" : "queue", code: "530 5.7.1", facts: {} }
      : null,
  (t) =>
    /\b550[ -]5\.7\.51 TenantInboundAttribution/i.test(t)
      ? { type: isRecordForm(t) ? "ndr" : "queue", code: "550 5.7.51", facts: { tlsError: "TenantInboundAttribution" } }
      : null,
  (t) => {
    const prx = /\b451[ -]4\.7\.0 Temporary server error\b.{0,200}?\b(PRX\d+)\b/i.exec(t)?.[1];
    return prx ? { type: "ndr", code: "451 4.7.0", facts: { tlsError: prx } } : null;
  },
  (t) =>
    /\b451[ -]4\.4\.0 Primary target IP address responded with\b/i.test(t)
      ? { type: isRecordForm(t) ? "ndr" : "queue", code: "451 4.4.0", facts: {} }
      : null,
  (t) =>
    /\b450[ -]4\.4\.101 Proxy session setup failed/i.test(t) ? { type: "ndr", code: "450 4.4.101", facts: {} } : null,
  (t) => {
    const name = /TLS negotiation failed with error (\w+)/i.exec(t)?.[1];
    return name ? { type: "smtp-log", code: name, facts: { tlsError: name } } : null;
  },
  (t) => {
    const key = /\b(starttls-not-supported|certificate-expired|certificate-host-mismatch)\b/i.exec(t)?.[1];
    if (key === undefined) return null;
    return { type: "ndr", code: firstCode(t) ?? key.toLowerCase(), facts: { tlsError: key.toLowerCase() } };
  },
  (t) => {
    const reason = /Remote certificate failed MTA-STS validation\. Reason:\s*(\S+?)\.?(?:\s|$)/i.exec(t)?.[1];
    return reason ? { type: "ndr", code: firstCode(t) ?? "MTA-STS", facts: { tlsError: `MTA-STS ${reason}` } } : null;
  },
  (t) => {
    const m = /\((msExch\w+)\)\s*:\s*len (\d+)/i.exec(t);
    if (!m?.[1] || !m[2]) return null;
    const server = /log file on server (\S+?) located/i.exec(t)?.[1];
    const code = /CONSTRAINT_ATT_TYPE/.test(t) ? "CONSTRAINT_ATT_TYPE" : "constraint-violation";
    return { type: "hcw-error", code, facts: { attribute: m[1], length: Number(m[2]), server } };
  },
  (t) => {
    const server = /The Secure Mail Certificate on server (\S+?) is not bound to the SMTP Service/i.exec(t)?.[1];
    return server ? { type: "hcw-error", code: "secure-mail-certificate-not-smtp", facts: { server } } : null;
  },
  (t) =>
    /RequiredTls flag should be set to true if TlsCertificateName is specified/i.test(t)
      ? { type: "hcw-error", code: "RequiredTls", facts: {} }
      : null,
  (t) =>
    /No valid certificate exists for the Hub Transport server/i.test(t)
      ? { type: "hcw-error", code: "no-valid-certificate", facts: {} }
      : null,
  (t) => {
    const cmdlet = /Execution of the ([A-Za-z]+-\w+) cmdlet ha[sd] thrown an exception/i.exec(t)?.[1];
    const server = /log file on server (\S+?) located/i.exec(t)?.[1];
    return cmdlet ? { type: "hcw-error", code: cmdlet, facts: { server } } : null;
  },
  (t) => {
    const connectors = /These certificates are tagged with following Send Connectors\s*:\s*(.*?)\.\s*Removing/i.exec(
      t,
    )?.[1];
    if (connectors === undefined) return null;
    return {
      type: "cmdlet-error",
      code: "tagged-send-connector",
      facts: { ...cmdletErrorFacts(t), connector: connectors },
    };
  },
  (t) => {
    const reason = /\(reason:\s*(\w+)\)/i.exec(t)?.[1];
    return reason ? { type: "cmdlet-error", code: reason, facts: cmdletErrorFacts(t) } : null;
  },
  (t) =>
    /Updating hybrid configuration failed/i.test(t) ? { type: "hcw-error", code: "hcw-failed", facts: {} } : null,
];

/**
 * Codes and words one of the recognisers needs, asked before them: the recognisers search the whole text each, and
 * the segmenter asks about every wrapped line of a list and every row of a table, which hold none of them. The
 * SMTP codes are searched apart from the words: the two patterns run in about half the time of one holding both.
 */
export const RECOGNISED_CODE = /45[014]|5[35]0/;
export const RECOGNISED_WORD =
  /message=|msg=|tls negotiation failed|starttls-not-supported|certificate-expired|certificate-host-mismatch|mta-sts|\(msexch|secure mail certificate|requiredtls flag|no valid certificate exists|execution of the |these certificates are tagged|\(reason:|updating hybrid configuration failed/i;

function anyRecognised(text: string): boolean {
  return RECOGNISED_CODE.test(text) || RECOGNISED_WORD.test(text);
}

/** The first known error text in `text` (squashed to single spaces), or null. */
export function recogniseMessage(text: string): Reading | null {
  if (!anyRecognised(text)) return null;
  for (const recognise of RECOGNISERS) {
    const reading = recognise(text);
    if (reading) return reading;
  }
  return null;
}

/** Phrases that begin a known message even when the key words are on the next, wrapped line. */
export function beginsKnownMessage(text: string): boolean {
  return /^\s*(?:[45]\d\d[ -][245]\.\d{1,3}\.\d{1,3}\b|TLS negotiation failed\b|Updating hybrid configuration failed\b|Subtask \w+ execution failed\b|Execution of the \S+ cmdlet\b|The Secure Mail Certificate\b|RequiredTls flag\b|No valid certificate exists\b|Remote certificate failed MTA-STS\b)/i.test(
    text,
  );
}
