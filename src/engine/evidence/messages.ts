import type { Evidence } from "../../model/evidence";
import type { Explanation } from "./explain";
import { both, certificatesOf, HYBRID_CONFIGURATION, receiveConnectorsOf, SEND_CONNECTORS } from "./next";

/**
 * NDRs, Exchange Online message-trace reasons and on-premises queue errors
 * (domain E7.10–E7.24). The same SMTP replies also come back in STARTTLS
 * transcripts, so the code table is shared with them.
 */

const G2 =
  "DigiCert Global Root G2 (thumbprint DF3C24F9BFD666761B268073FE06D1CC8D4F82A4) in the Local Computer 'Trusted Root Certification Authorities' store on every transport server";

/** The on-premises endpoint Exchange Online names, worded for a sentence. */
function target(e: Evidence): string {
  return e.facts.server
    ? `the on-premises server behind ${e.facts.server}${e.facts.port ? ` (port ${e.facts.port})` : ""}`
    : "the receiving server";
}

function onPremisesNext(e: Evidence): string {
  const where = e.facts.server ? ` from the server(s) behind ${e.facts.server}` : "";
  return `${both(receiveConnectorsOf(undefined), certificatesOf(undefined))}${where}`;
}

const BY_TLS_ERROR: Readonly<Record<string, (e: Evidence) => Explanation>> = {
  subjectmismatch: (e) => {
    const cut = (e.facts.missing ?? []).find((m) => m.startsWith("thumbprint"));
    return {
      meaning: `Exchange Online deferred mail (${e.code ?? "SubjectMismatch"}) because ${target(e)} presented ${e.facts.presentedSubject ?? "a certificate"} while its outbound connector expected ${e.facts.expectedSubject ?? "another name"} (TlsDomain). The receive connector that answered, normally 'Default Frontend <server>', does not present the hybrid certificate: its TlsCertificateName is missing or wrong, one of several servers was left out (then only some messages fail), or another receive connector with narrower RemoteIPRanges took the connection.${e.facts.presentedThumbprint ? ` The presented certificate's thumbprint is ${e.facts.presentedThumbprint}: search the Front End SmtpReceive log for it to find the connector.` : cut ? ` The thumbprint in the message is incomplete (${cut.replace(/^thumbprint \((.*)\)$/, "$1")}), so it cannot be matched to an installed certificate.` : ""}`,
      next: `${onPremisesNext(e)}, ${HYBRID_CONFIGURATION}, and Get-OutboundConnector | fl from Exchange Online`,
    };
  },
  untrustedroot: (e) =>
    e.code === "454 4.7.0"
      ? {
          meaning: `${e.code} … UntrustedRoot: the other side (usually Exchange Online) did not trust the root of the certificate Exchange presented. KB 2888788: two SMTP certificates match the server's name, one from a public CA and one from an internal CA, and Exchange presented the internal one.`,
          next: both(SEND_CONNECTORS, certificatesOf(undefined)),
        }
      : {
          meaning: `Exchange Online could not validate the certificate ${target(e)} presented (${e.code ?? "450 4.4.317"} UntrustedRoot): the server sent only its own certificate without the intermediate CA certificates, and Exchange Online does not fetch them. Install the issuing CA's intermediates in 'Intermediate Certification Authorities' on every server that presents the certificate.`,
          next: `${onPremisesNext(e)}, or an openssl s_client -starttls smtp -showcerts transcript against it`,
        },
  tenantinboundattribution: () => ({
    meaning:
      "550 5.7.51 TenantInboundAttribution: Exchange Online could not tie the connection from on-premises to your organisation by IP address or certificate. Usually the certificate the 'Outbound to Office 365' connector presents does not carry the name in the Exchange Online inbound connector's TlsSenderCertificateName, or that name is not an accepted domain of the tenant.",
    next: `${both(SEND_CONNECTORS, certificatesOf(undefined), HYBRID_CONFIGURATION)}, and Get-InboundConnector | fl from Exchange Online`,
  }),
  "certificate validation failure": () => ({
    meaning:
      "454 4.7.5 certificate validation failure (towards Exchange Online): the certificate presented did not pass validation. A known cause is hybrid transport servers with different certificates, such as Edge servers with a wildcard and Mailbox servers with another name: every hybrid server must present the same issuer and subject.",
    next: both(SEND_CONNECTORS, certificatesOf(undefined), HYBRID_CONFIGURATION),
  }),
  "starttls-not-supported": (e) => ({
    meaning: `${e.code ?? "starttls-not-supported"}: Exchange Online required TLS to the destination (DANE or MTA-STS policy) and the destination mail server did not offer it.`,
    next: "an EHLO transcript against the destination's port 25",
  }),
  "certificate-expired": (e) => ({
    meaning: `${e.code ?? "certificate-expired"}: Exchange Online rejected the destination mail server's certificate as expired.`,
    next: "an openssl s_client -starttls smtp transcript against the destination",
  }),
  "certificate-host-mismatch": (e) => ({
    meaning: `${e.code ?? "certificate-host-mismatch"}: under DANE, the destination's certificate has no common name or SAN matching the host name Exchange Online connected to.`,
    next: "an openssl s_client -starttls smtp transcript against the destination",
  }),
};

const BY_CODE: Readonly<Record<string, (e: Evidence) => Explanation>> = {
  "451 5.7.3": (e) => ({
    meaning: `451 5.7.3 STARTTLS is required: the sender (Exchange Online, or a send connector with RequireTLS) requires TLS, and ${target(e)} did not offer STARTTLS or TLS could not be set up. On an Exchange receiver that means no certificate was selected for the receive connector (a stale TlsCertificateName, no certificate for its FQDN, or a chain/revocation failure; event 12014) or Tls is missing from its AuthMechanism (KB 2989382). Since Exchange Online's certificates chain to DigiCert Global Root G2, the same error also appears when the on-premises servers do not trust that root: then install ${G2}.`,
    next: `${both(receiveConnectorsOf(undefined), certificatesOf(undefined))} from ${e.facts.server ? `the server(s) behind ${e.facts.server}` : "the receiving Exchange server"}, event 12014 from its Application log, and a telnet EHLO to its port 25 (is 250-STARTTLS listed?)`,
  }),
  "454 4.7.5": () => ({
    meaning:
      "454 4.7.5 The certificate specified in TlsCertificateName of the SendConnector could not be found: the send connector's TlsCertificateName matches no certificate on this source server, or the matching certificate is not valid. Typical after a renewal that changed the issuer or removed the old certificate, or when one source server lacks the certificate.",
    next: both(SEND_CONNECTORS, certificatesOf(undefined)),
  }),
  "454 4.7.0": (e) => {
    const reason = e.facts.tlsError;
    if (reason !== undefined && /invalid client certificate/i.test(reason)) {
      return {
        meaning:
          "454 4.7.0 Invalid client certificate: the receiving side rejected the client certificate the sender presented. No Microsoft source documents this text; for Exchange it fits a receiving connector that validates certificates (domain security, TlsDomainCapabilities) and a sender certificate that is untrusted or has the wrong name.",
        next: both(receiveConnectorsOf(undefined), certificatesOf(undefined)),
      };
    }
    return {
      meaning: `454 4.7.0: the TLS channel could not be set up${reason ? ` (${reason})` : ""}. After a STARTTLS that the server offered, this fits a selected certificate whose private key the transport cannot use (not enabled for SMTP, or no private key).`,
      next: both(receiveConnectorsOf(undefined), certificatesOf(undefined)),
    };
  },
  "530 5.7.1": () => ({
    meaning:
      "530 5.7.1 Client was not authenticated: the receiving connector does not accept anonymous mail (AnonymousUsers is not in its PermissionGroups), for example Internet mail landing on a connector meant for authenticated clients, or a connector with narrower RemoteIPRanges catching the sender. This is not a certificate problem.",
    next: receiveConnectorsOf(undefined),
  }),
  "530 5.7.0": () => ({
    meaning:
      "530 5.7.0 Must issue a STARTTLS command first: the receiving connector requires TLS and the client sent mail commands without starting TLS.",
    next: receiveConnectorsOf(undefined),
  }),
  "451 4.4.0": () => ({
    meaning:
      "451 4.4.0 Primary target IP address responded with '421 4.4.1 Connection timed out': a queue text that hides the real cause. When outbound TLS fails, the SmtpSend protocol log of the session shows 'TLS negotiation failed with error …' (UnknownCredentials: the certificate is not enabled for SMTP; NoCredentials: it has no private key).",
    next: "the SmtpSend protocol log lines of the failing session, and Get-SendConnector | fl",
  }),
  "450 4.4.101": () => ({
    meaning:
      "450 4.4.101 Proxy session setup failed on Frontend: the Front End Transport service could not hand the session on; the reply quoted after it (for example 451 5.7.3) is the real cause.",
    next: "the whole NDR or queue text including the quoted reply",
  }),
  "451 4.7.0": (e) =>
    e.facts.tlsError?.startsWith("PRX")
      ? {
          meaning: `451 4.7.0 Temporary server error (${e.facts.tlsError}) in Exchange Online's message trace: seen with hybrid configurations written by Exchange 2013 CU8 or older after Exchange Online changed certificates in April 2016 (KB 3156771); re-running the current Hybrid Configuration Wizard or updating TlsDomainCapabilities fixes it.`,
          next: both(receiveConnectorsOf(undefined), HYBRID_CONFIGURATION),
        }
      : {
          meaning: `451 4.7.0: the server reported a temporary local problem ("${firstLine(e.text)}"); certflow has no specific explanation for it.`,
          next: undefined,
        },
};

/** NDR and queue texts, and the SMTP replies of a transcript. */
export function explainMessage(e: Evidence): Explanation {
  const error = e.facts.tlsError?.toLowerCase();
  const byError =
    error === undefined ? undefined : (BY_TLS_ERROR[error] ?? (error.startsWith("mta-sts") ? mtaSts : undefined));
  if (byError) return byError(e);
  const byCode = e.code === undefined ? undefined : BY_CODE[e.code];
  if (byCode) return byCode(e);
  if (e.facts.tlsError) {
    return {
      meaning: `${e.code ?? "An NDR"}: the remote side reported ${e.facts.tlsError} while ${target(e)} was contacted; certflow has no specific explanation for it.`,
      next: onPremisesNext(e),
    };
  }
  return {
    meaning: `The server replied ${e.code ?? "with an error"}: "${firstLine(e.text)}". certflow has no specific explanation for this reply.`,
    next: undefined,
  };
}

function mtaSts(e: Evidence): Explanation {
  return {
    meaning: `Exchange Online checked the destination's certificate against its MTA-STS policy and it failed (${e.facts.tlsError ?? "MTA-STS"}).`,
    next: "an openssl s_client -starttls smtp transcript against the destination, and its MTA-STS policy",
  };
}

function firstLine(text: string): string {
  return (text.split("\n")[0] ?? "").trim();
}
