import type { Evidence } from "../../model/evidence";
import type { Explanation } from "./explain";
import { both, certificatesOf, receiveConnectorsOf, SEND_CONNECTORS, transportServiceOf } from "./next";

/**
 * Windows event log entries: Exchange transport events (domain E7.1–E7.9)
 * and Schannel's TLS alerts (E7.25). Texts the domain file marks as not found
 * (12023, 12017) are said to be unknown, never made up.
 */

const G = (e: Evidence) => ({
  on: e.facts.server ? ` on ${e.facts.server}` : "",
  server: e.facts.server,
  thumbprint: e.facts.presentedThumbprint ? ` ${e.facts.presentedThumbprint}` : "",
});

const EXCHANGE: Readonly<Record<string, (e: Evidence) => Explanation>> = {
  "12014": event12014,
  "12016": (e) => ({
    meaning: `Event 12016${G(e).on}: the certificate Exchange selected for STARTTLS${e.facts.fqdn ? ` for ${e.facts.fqdn}` : ""} has expired. Exchange still advertises STARTTLS and presents it, so senders that check dates fail. Renew it, enable SMTP on the new certificate (answer No to overwriting the default SMTP certificate) and update TlsCertificateName where the issuer or subject changed.`,
    next: both(certificatesOf(G(e).server), receiveConnectorsOf(G(e).server)),
  }),
  "12017": (e) => ({
    meaning: `Event 12017${G(e).on} warns that the internal transport certificate will expire soon (certflow has no verified wording of this event). The internal transport certificate carries X-ANONYMOUSTLS and TLS between Exchange servers.`,
    next: both(transportServiceOf(G(e).server), certificatesOf(G(e).server)),
  }),
  "12018": (e) => ({
    meaning: `Event 12018${G(e).on}: the STARTTLS certificate${e.facts.presentedSubject ? ` ${e.facts.presentedSubject}` : ""}${G(e).thumbprint} will expire soon. Renew it before it expires and enable SMTP on the renewal; connectors naming it by TlsCertificateName keep working only if the issuer and subject stay the same.`,
    next: both(certificatesOf(G(e).server), receiveConnectorsOf(G(e).server), SEND_CONNECTORS),
  }),
  "12012": (e) => ({
    meaning: `Event 12012${G(e).on}: Exchange could not read the internal transport certificate from Active Directory, so it does not advertise X-ANONYMOUSTLS and TLS between Exchange servers has no certificate. If a certificate for the server's FQDN is installed, Enable-ExchangeCertificate -Services SMTP publishes it; otherwise create one with New-ExchangeCertificate.`,
    next: both(transportServiceOf(G(e).server), certificatesOf(G(e).server)),
  }),
  "12013": (e) => ({
    meaning: `Event 12013${G(e).on}: Exchange could not load the internal transport certificate${G(e).thumbprint} from the personal store; mail flow to other Exchange servers can be affected. If it is still installed, Enable-ExchangeCertificate -Services SMTP repairs it; otherwise restore it or create a new one for the server's FQDN.`,
    next: both(transportServiceOf(G(e).server), certificatesOf(G(e).server)),
  }),
  "12015": (e) => ({
    meaning: `Event 12015${G(e).on}: the internal transport certificate${G(e).thumbprint} has expired. Exchange still advertises X-ANONYMOUSTLS with it, but it should be replaced by a valid one.`,
    next: both(transportServiceOf(G(e).server), certificatesOf(G(e).server)),
  }),
  "12019": (e) => ({
    meaning: `Event 12019${G(e).on}: the internal transport certificate of a remote Exchange server${e.facts.presentedSubject ? ` (${e.facts.presentedSubject})` : ""} has expired. The problem is on that remote server, not this one.`,
    next: `${transportServiceOf(undefined)} and ${certificatesOf(undefined)} from the remote server`,
  }),
  "12024": (e) => ({
    meaning: `Event 12024${G(e).on}: Exchange could not load the configured internal transport certificate and meanwhile uses an ephemeral self-signed certificate${G(e).thumbprint}. Make a valid certificate the internal transport certificate again.`,
    next: both(transportServiceOf(G(e).server), certificatesOf(G(e).server)),
  }),
  "12023": (e) => ({
    meaning: `Event 12023${G(e).on}: certflow knows no published text for this event id and does not guess what it means. Its description in the event log says what happened.`,
    next: `the event's full description from the Application log, with ${both(certificatesOf(G(e).server), receiveConnectorsOf(G(e).server))}`,
  }),
  "2004": event2004,
  "1035": (e) => ({
    meaning: `Event 1035${G(e).on}: EdgeSync stopped because the default (internal transport) certificate${G(e).thumbprint} is not a CAPI certificate; EdgeSync supports only CAPI (legacy CSP) certificates there. A CNG certificate was made the default SMTP certificate, usually by answering Yes to 'Overwrite the existing default SMTP certificate?'. Make a CAPI certificate (such as the server's own self-signed one) the default again with Enable-ExchangeCertificate -Services SMTP.`,
    next: both(transportServiceOf(G(e).server), certificatesOf(G(e).server)),
  }),
};

function event12014(e: Evidence): Explanation {
  const f = e.facts;
  const server = f.server;
  const who =
    f.eventSource?.toLowerCase() === "msexchangefrontendtransport"
      ? "a Front End Transport receive connector"
      : "a receive connector";
  const connector = f.connector ? ` '${f.connector}'` : "";
  const placeholders = (f.missing ?? []).some((m) => m.includes("placeholder"));
  const lost = (f.missing ?? []).some((m) => m.includes("empty in the paste"));
  const next = both(receiveConnectorsOf(server), certificatesOf(server));
  if (f.lookedFor !== undefined && /<I>/i.test(f.lookedFor) && /<S>/i.test(f.lookedFor)) {
    const named = placeholders ? "" : ` ${f.lookedFor}`;
    return {
      meaning: `Event 12014: ${who}${connector} offers no STARTTLS because no certificate in the personal store matches its TlsCertificateName${named}. The 'domain name' in the text has the <I>issuer<S>subject form, so the connector names a certificate by issuer and subject, and Exchange does not fall back to the connector's FQDN: typically the old certificate was removed after a renewal, or the renewal changed the issuer (KB 2989382). Senders that require TLS, such as Exchange Online, fail with 451 5.7.3.${placeholders ? " The author of this text replaced the names with placeholders (<…>), so certflow cannot tell which connector or certificate." : ""}`,
      next: `${next} from the server that logged it${server ? ` (${server})` : ""}`,
    };
  }
  if (f.lookedFor === undefined && lost) {
    return {
      meaning: `Event 12014 from ${f.eventSource ?? "Exchange transport"}: ${who} offers no STARTTLS because Exchange found no certificate for the name it looked for. The connector name, the name and the FQDN are empty in this paste: the copy lost them (a web page drops values written in angle brackets, such as <I>issuer<S>subject), so certflow cannot tell which connector or name. It does not guess them.`,
      next: `the original event text from the server's Application log, and ${next} from that server`,
    };
  }
  const differs =
    f.lookedFor !== undefined && f.fqdn !== undefined && f.lookedFor.toLowerCase() !== f.fqdn.toLowerCase();
  return {
    meaning: `Event 12014${server ? ` on ${server}` : ""}: no certificate in the Local Computer personal store contains ${f.lookedFor ?? "the name Exchange looked for"} in its subject or SAN names, or the one that does is not usable (its chain or revocation check fails, or the transport cannot read its private key). So ${who}${connector}${f.fqdn ? ` (FQDN parameter ${f.fqdn})` : ""} does not advertise STARTTLS, and senders that require TLS fail with 451 5.7.3.${differs ? ` The name looked for (${f.lookedFor}) is not the connector's FQDN parameter (${f.fqdn}).` : ""} Fix: install or enable for SMTP a certificate carrying that name, or set the connector's FQDN to a name on an installed certificate.`,
    next,
  };
}

function event2004(e: Evidence): Explanation {
  const f = e.facts;
  const connector = f.connector ? `Send connector '${f.connector}'` : "A send connector";
  if (/^untrustedroot$/i.test(f.tlsError ?? "")) {
    return {
      meaning: `Event 2004${G(e).on}: ${connector} could not deliver because the other side did not trust the root of the certificate Exchange presented (454 4.7.0 … UntrustedRoot). KB 2888788: two SMTP certificates match the server's name, one from a public CA and one from an internal CA, and Exchange presented the internal one. Make the connector present the public certificate and take the internal-CA certificate out of SMTP by removing or replacing it.`,
      next: both(SEND_CONNECTORS, certificatesOf(G(e).server)),
    };
  }
  return {
    meaning: `Event 2004${G(e).on}: ${connector} could not deliver a message${f.tlsError ? `; the remote server answered ${f.tlsError}` : ""}.`,
    next: both(SEND_CONNECTORS, certificatesOf(G(e).server)),
  };
}

/** What a TLS alert (RFC 5246 §7.2, RFC 8446 §6.2) says, as it matters on an Exchange server. */
const ALERTS: Readonly<Record<string, string>> = {
  "10": "a TLS message arrived that the handshake did not expect (a protocol mismatch, such as a client speaking plain text, or a broken middlebox); it is not a statement about a certificate",
  "40": "the two sides found no protocol version, cipher suite or certificate they could agree on",
  "42": "the certificate presented was corrupt or could not be used",
  "45": "the certificate presented has expired",
  "46": "one side rejected the other's certificate without a specific reason, typically trust, name or key-usage problems",
  "48": "the side sending the alert does not trust the CA that issued the certificate presented",
  "70": "the two sides share no TLS version",
  "80": "the side sending the alert hit an internal error",
};

function schannel(e: Evidence): Explanation {
  const error = e.facts.tlsError ?? "";
  const alert = /fatal alert (\d+)/i.exec(error)?.[1];
  const status = /error status (\d+)/i.exec(error)?.[1];
  const name = alert === undefined ? undefined : /fatal alert \d+ \(([^)]+)\)/i.exec(error)?.[1];
  const services =
    " Schannel events do not say which service or port they belong to: on an Exchange server they come from IIS (HTTPS), POP3 and IMAP4 as often as from SMTP transport, so on its own this is no evidence about an SMTP connector's certificate.";
  const popImap = `${both("Get-PopSettings | fl X509CertificateName,ExternalConnectionSettings", "Get-ImapSettings | fl X509CertificateName,ExternalConnectionSettings")}; for SMTP, the SmtpReceive or SmtpSend protocol log of the failing session`;
  if (e.code === "36887" || e.code === "36888") {
    const direction = e.code === "36887" ? "The remote side sent this server" : "This server sent the remote side";
    const said = alert === undefined ? undefined : ALERTS[alert];
    const meaning =
      alert === undefined
        ? ""
        : ` Alert ${alert}${name ? ` (${name})` : ""}${said ? ` means ${said}` : " is defined in RFC 5246 §7.2"}.`;
    const renewal =
      e.code === "36888"
        ? " After a certificate renewal, such 36888 events often come from POP3 or IMAP4 presenting a certificate chosen by their X509CertificateName setting, not from SMTP."
        : "";
    return {
      meaning: `Schannel event ${e.code}: ${direction} a fatal TLS alert${alert ? ` ${alert}` : ""}${status ? ` (Windows SChannel error status ${status})` : ""} and the connection was dropped.${meaning}${services}${renewal}`,
      next: popImap,
    };
  }
  if (e.code === "36871") {
    return {
      meaning: `Schannel event 36871: Windows could not create the TLS credentials${status ? ` (internal error status ${status})` : ""}, for example because a protocol or cipher suite a component asked for is disabled, or the process cannot use the certificate's private key.${services}`,
      next: popImap,
    };
  }
  return {
    meaning: `Schannel event ${e.code ?? "(no id)"}${error ? `: ${error}` : ""}.${services}`,
    next: popImap,
  };
}

export function explainEvent(e: Evidence): Explanation {
  const known = e.code === undefined ? undefined : EXCHANGE[e.code];
  if (known) return known(e);
  if (/^schannel$/i.test(e.facts.eventSource ?? "") || /^3687\d$|^3688\d$/.test(e.code ?? "")) return schannel(e);
  return {
    meaning: `Event ${e.code ?? "(no id)"}${e.facts.eventSource ? ` from ${e.facts.eventSource}` : ""}${G(e).on}: certflow has no explanation for this event id${e.facts.tlsError ? `; it reads ${e.facts.tlsError}` : ""}.`,
    next: undefined,
  };
}
