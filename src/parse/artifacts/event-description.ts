import type { FactsDraft } from "./make-evidence";
import { setNamed } from "./named-fact";
import { squash } from "./text";
import { setThumbprint } from "./thumbprint-fact";

/** RFC 8446 §6.2 / RFC 5246 §7.2 alert descriptions, for Schannel events. */
const TLS_ALERTS: Readonly<Record<string, string>> = {
  "0": "close_notify",
  "10": "unexpected_message",
  "20": "bad_record_mac",
  "21": "decryption_failed",
  "22": "record_overflow",
  "40": "handshake_failure",
  "42": "bad_certificate",
  "43": "unsupported_certificate",
  "44": "certificate_revoked",
  "45": "certificate_expired",
  "46": "certificate_unknown",
  "47": "illegal_parameter",
  "48": "unknown_ca",
  "49": "access_denied",
  "50": "decode_error",
  "51": "decrypt_error",
  "70": "protocol_version",
  "71": "insufficient_security",
  "80": "internal_error",
  "86": "inappropriate_fallback",
  "90": "user_canceled",
  "109": "missing_extension",
  "110": "unsupported_extension",
  "112": "unrecognized_name",
  "113": "bad_certificate_status_response",
  "115": "unknown_psk_identity",
  "116": "certificate_required",
  "120": "no_application_protocol",
};

/**
 * Schannel texts differ by Windows version and translation ("fatal alert" vs
 * a machine-translated "fatal warning"), so only the numbers are matched.
 */
function readSchannel(text: string, facts: FactsDraft): void {
  const status = /error (?:status|state)\b\D{0,20}?(\d{1,10})/i.exec(text)?.[1];
  const alert = /\bfatal (?:alert|warning|error)\b.{0,400}?\bcode\b\D{0,60}?(\d{1,3})\b/i.exec(text)?.[1];
  const cipher =
    /\b((?:TLS|SSL|DTLS) ?[\d.]+)\b[^.]{0,80}?connection request was received.{0,200}?none of the cipher suites/i.exec(
      text,
    );
  const parts: string[] = [];
  if (alert !== undefined) {
    const name = TLS_ALERTS[alert];
    const direction = /\b(?:received from)\b/i.test(text) ? "received" : /\bsent to\b/i.test(text) ? "sent" : "";
    parts.push(`fatal alert ${alert}${name ? ` (${name})` : ""}${direction ? ` ${direction}` : ""}`);
  }
  if (cipher?.[1] !== undefined) parts.push(`no shared cipher suite (${cipher[1]})`);
  if (status !== undefined) parts.push(`error status ${status}`);
  if (parts.length > 0) facts.tlsError = parts.join(", ");
}

/** 12014 (E7.1): the name Exchange looked for, the connector and its FQDN. */
function read12014(text: string, facts: FactsDraft): void {
  const looked = /could not find a certificate that contains the domain name\s*(.*?)\s*in the personal store/i.exec(
    text,
  );
  if (looked) setNamed(facts, "lookedFor", "domain name", looked[1]);
  const connector =
    /for the connector\s*(.*?)\s*with an? FQDN parameter of\s*(.*?)\s*(?:\.\s+If the connector|\.?\s*$)/i.exec(text);
  if (connector) {
    setNamed(facts, "connector", "connector", connector[1]);
    setNamed(facts, "fqdn", "FQDN", connector[2]);
  } else if (looked) {
    setNamed(facts, "connector", "connector", undefined);
    setNamed(facts, "fqdn", "FQDN", undefined);
  }
}

/**
 * Reads what an event description says. The patterns are the verbatim texts
 * of domain section 7.1; an event whose text is not known keeps only its id.
 */
export function readEventDescription(source: string | undefined, description: string): FactsDraft {
  const facts: FactsDraft = {};
  const text = squash(description);
  if (/could not find a certificate that contains the domain name/i.test(text)) read12014(text, facts);

  const expired = /no valid SMTP Transport Layer Security \(TLS\) certificate for the FQDN of\s*(.*?)\.\s/i.exec(text);
  if (expired) setNamed(facts, "fqdn", "FQDN", expired[1]);

  const soon = /STARTTLS certificate will expire soon: subject:\s*(.*?),\s*thumbprint:\s*([0-9A-Fa-f*x ]+)/i.exec(text);
  if (soon?.[1] !== undefined && soon[2] !== undefined) {
    facts.presentedSubject = soon[1];
    setThumbprint(facts, soon[2]);
  }

  const thumb =
    /internal transport certificate expired\. Thumbprint:\s*([0-9A-Fa-f*x]+)/i.exec(text) ??
    /load the certificate with thumbprint of\s*([0-9A-Fa-f*x]+)/i.exec(text) ??
    /ephemeral, self-signed certificate with thumbprint\s*([0-9A-Fa-f*x]+)/i.exec(text) ??
    /default certificate with thumbprint\s*([0-9A-Fa-f*x]+)\s*isn't a CAPI certificate/i.exec(text);
  if (thumb?.[1] !== undefined) setThumbprint(facts, thumb[1]);

  const remote = /remote internal transport certificate expired\. Certificate subject:\s*(.*?)\.?$/i.exec(text);
  if (remote?.[1] !== undefined) facts.presentedSubject = remote[1];

  const send = /Send connector\s*(.*?):\s*Message delivery was not successful/i.exec(text);
  if (send) setNamed(facts, "connector", "connector", send[1]);
  const response = /acknowledged with SMTP response\s*(.*?)\.?$/i.exec(text)?.[1];
  if (response !== undefined) {
    facts.tlsError = /TLS channel:\s*(\w+)/i.exec(response)?.[1] ?? response;
  }

  const auth = /Inbound authentication failed with error\s*(\w+)\s*for Receive connector\s*(.*?)\.\s/i.exec(text);
  if (auth) {
    facts.tlsError = auth[1];
    setNamed(facts, "connector", "connector", auth[2]);
  }

  if (/^schannel$/i.test(source ?? "") || /\bTLS protocol\b|\bSChannel\b|client credentials for TLS/i.test(text)) {
    readSchannel(text, facts);
  }
  return facts;
}
