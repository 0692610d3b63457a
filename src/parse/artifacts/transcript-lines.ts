import { normaliseText } from "./text";

/** What one line of a STARTTLS transcript is. */
export type TranscriptLine =
  | {
      readonly kind: "command";
      readonly tool: "telnet" | "openssl" | "nc";
      readonly host?: string;
      readonly port?: string;
    }
  | { readonly kind: "noise" }
  | { readonly kind: "reply"; readonly code: number; readonly more: boolean; readonly rest: string }
  | { readonly kind: "client"; readonly verb: string }
  | { readonly kind: "port"; readonly port: string }
  | { readonly kind: "elision" }
  | { readonly kind: "connected" }
  | { readonly kind: "depth"; readonly depth: number }
  | { readonly kind: "verify-error"; readonly error: string }
  | { readonly kind: "verify-code"; readonly error: string | undefined }
  | { readonly kind: "chain-subject"; readonly depth: number; readonly name: string }
  | { readonly kind: "chain-issuer"; readonly name: string }
  | { readonly kind: "server-subject"; readonly name: string }
  | { readonly kind: "server-issuer"; readonly name: string }
  | { readonly kind: "pem-begin" }
  | { readonly kind: "pem-end" }
  | { readonly kind: "ssl-session" }
  | { readonly kind: "openssl-info" };

/** Lines openssl s_client prints that carry nothing certflow uses. */
const OPENSSL_INFO: readonly RegExp[] = [
  /^---$/,
  /^Certificate chain$/i,
  /^Server certificate$/i,
  /^verify return:\s*\d+$/i,
  /^[av]:(?:PKEY|NotBefore|NotAfter|sigalg):/,
  /^No client certificate CA names sent$/i,
  /^Acceptable client certificate CA names$/i,
  /^Client Certificate Types:/i,
  /^(?:Shared )?Requested Signature Algorithms:/i,
  /^Peer sign(?:ing|ature) (?:digest|type):/i,
  /^Server Temp Key:/i,
  /^SSL handshake has read /i,
  /^(?:New|Reused), (?:TLSv[\d.]+|SSLv\d|\(NONE\))/i,
  /^Server public key is /i,
  /^Secure Renegotiation /i,
  /^(?:Compression|Expansion):/i,
  /^No ALPN negotiated$/i,
  /^ALPN protocol:/i,
  /^Early data was not sent$/i,
  /^Verification(?: error)?:/i,
  /^Post-Handshake New Session Ticket arrived:$/i,
  /^(?:DONE|closed|read R BLOCK|RENEGOTIATING)$/i,
  /^read:errno=\d+$/i,
  /^didn't find starttls in server response/i,
  /^[0-9A-F]{6,}:error:/i,
  /^[0-9a-f]{4} - (?:[0-9a-f]{2}[ -]){1,16}/i,
  /^(?:read from|write to) 0x[0-9a-f]+ /i,
];

/** `Key: value` lines under openssl's `SSL-Session:` heading (`Protocol  : TLSv1.2`). */
export function isSslSessionEntry(text: string): boolean {
  const t = text.trim();
  return /^[A-Za-z][A-Za-z0-9 -]{0,40}?\s*:/.test(t) || /^[0-9a-f]{4} - /i.test(t);
}

const CLIENT_VERBS = /^(EHLO|HELO|STARTTLS|QUIT|MAIL FROM|RCPT TO|DATA|AUTH|RSET|NOOP|X-ANONYMOUSTLS|XEXCH50|BDAT)\b/i;

function command(t: string): TranscriptLine | null {
  const telnet = /(?:^|[\s>$#])telnet\s+(\S+)(?:\s+(\d{1,5}))?\s*$/i.exec(t);
  if (telnet?.[1] !== undefined) {
    return { kind: "command", tool: "telnet", host: telnet[1], ...(telnet[2] ? { port: telnet[2] } : {}) };
  }
  if (/(?:^|[\s>$#])openssl\s+s_client\b/i.test(t)) {
    const target = /\s-connect\s+(\S+)/i.exec(t)?.[1];
    const split = target === undefined ? null : /^(.*?)(?::(\d{1,5}))?$/.exec(target);
    const port = split?.[2] ?? /\s-port\s+(\d{1,5})\b/i.exec(t)?.[1];
    const host = split?.[1] || undefined;
    return { kind: "command", tool: "openssl", ...(host ? { host } : {}), ...(port ? { port } : {}) };
  }
  const nc = /(?:^|[\s>$#])(?:nc|ncat|netcat)\s+(?:-\S+\s+)*(\S+)\s+(\d{1,5})\s*$/.exec(t);
  if (nc?.[1] !== undefined && nc[2] !== undefined) return { kind: "command", tool: "nc", host: nc[1], port: nc[2] };
  return null;
}

const CONNECTED = /^CONNECTED\([0-9A-Fa-f]*\)$/;

function opensslLine(t: string): TranscriptLine | null {
  if (CONNECTED.test(t)) return { kind: "connected" };
  const depth = /^depth=(\d{1,3})\b/.exec(t);
  if (depth?.[1] !== undefined) return { kind: "depth", depth: Number(depth[1]) };
  const verify = /^verify error:num=(\d+):(.*)$/i.exec(t);
  if (verify) return { kind: "verify-error", error: `${verify[1]} (${(verify[2] ?? "").trim()})` };
  const code = /^Verify return code:\s*(\d+)\s*(?:\((.*)\))?$/i.exec(t);
  if (code) return { kind: "verify-code", error: code[1] === "0" ? undefined : `${code[1]} (${code[2] ?? ""})` };
  const subject = /^(\d{1,3})\s+s:(.*)$/.exec(t);
  if (subject?.[1] !== undefined) return { kind: "chain-subject", depth: Number(subject[1]), name: subject[2] ?? "" };
  const issuer = /^i:(.*)$/.exec(t);
  if (issuer) return { kind: "chain-issuer", name: issuer[1] ?? "" };
  const server = /^(subject|issuer)=(.*)$/i.exec(t);
  if (server) {
    const name = server[2] ?? "";
    return server[1]?.toLowerCase() === "subject" ? { kind: "server-subject", name } : { kind: "server-issuer", name };
  }
  if (/^-----BEGIN CERTIFICATE-----$/.test(t)) return { kind: "pem-begin" };
  if (/^-----END CERTIFICATE-----$/.test(t)) return { kind: "pem-end" };
  if (/^SSL-Session:$/i.test(t)) return { kind: "ssl-session" };
  if (OPENSSL_INFO.some((re) => re.test(t))) return { kind: "openssl-info" };
  return null;
}

/** Classifies one line (leading tabs/spaces, `S:`/`C:` markers and `>>` client marks allowed). */
export function classifyTranscriptLine(text: string): TranscriptLine | null {
  const t = normaliseText(text).trim();
  if (t === "" || t.length > 4000) return null;
  return sessionLine(t) ?? opensslLine(t);
}

/**
 * `classifyTranscriptLine` for a line that may begin a transcript: of openssl's lines only `CONNECTED(…)` begins
 * one, so the others (some thirty patterns) are not told apart and read as null. The segmenter asks this of every
 * wrapped line of a list and every row of a table.
 */
export function classifyTranscriptStart(text: string): TranscriptLine | null {
  const t = normaliseText(text).trim();
  if (t === "" || t.length > 4000) return null;
  return sessionLine(t) ?? (CONNECTED.test(t) ? { kind: "connected" } : null);
}

/** Commands, telnet's noise, replies, client verbs, `PORT n` labels and elisions. */
function sessionLine(t: string): TranscriptLine | null {
  const cmd = command(t);
  if (cmd) return cmd;
  if (
    /^(?:Trying \S+\.{3}|Connected to \S+|Escape character is .*|Connection closed by foreign host\.?|Connecting To \S+\.{3}.*|Connection to host lost\.?)$/i.test(
      t,
    )
  ) {
    return { kind: "noise" };
  }
  const body = t.replace(/^S:\s+/, "");
  const reply = /^([2-5]\d\d)(?:([ -])(.*))?$/.exec(body);
  if (reply?.[1] !== undefined) {
    return { kind: "reply", code: Number(reply[1]), more: reply[2] === "-", rest: (reply[3] ?? "").trim() };
  }
  const client = CLIENT_VERBS.exec(t.replace(/^(?:>>?|C:)\s*/, ""));
  if (client?.[1] !== undefined) return { kind: "client", verb: client[1].toUpperCase() };
  const port = /^port\s*:?\s*(\d{1,5})\s*:?$/i.exec(t);
  if (port?.[1] !== undefined) return { kind: "port", port: port[1] };
  if (/^(?:<\s*\.{2,}.*>|\[\s*(?:snip|\.{2,}|…).*\]|\.{3,}|…)$/i.test(t)) return { kind: "elision" };
  return null;
}
