import type { Evidence } from "../../model/evidence";
import type { Explanation } from "./explain";
import { explainMessage } from "./messages";
import { both, certificatesOf, receiveConnectorsOf, SEND_CONNECTORS } from "./next";

/**
 * What a live session shows: EHLO lists, the certificates openssl printed,
 * SMTP protocol-log rows, Test-Certificate's chain status.
 */

const VERIFY: Readonly<Record<string, string>> = {
  "2": "openssl could not find the issuer of a certificate in the chain",
  "10": "a certificate in the chain has expired",
  "18": "the certificate is self-signed, so nothing vouches for it",
  "19": "the chain ends in a self-signed root that the machine that ran openssl does not trust",
  "20": "openssl could not find the issuer of a certificate in the chain among the certificates the machine that ran it trusts: either the server did not send the intermediate, or that machine does not trust the (often internal) root. That is about the machine that ran openssl, not about which certificate Exchange chose",
  "21": "openssl could not verify the first certificate: the server sent its own certificate without the intermediate CA certificate",
  "27": "the machine that ran openssl does not trust the certificate for this purpose",
  "62": "the certificate's names do not match the host name openssl was asked to check",
};

function verifyText(error: string | undefined): string {
  if (error === undefined) return "";
  const code = /^(\d+)/.exec(error)?.[1];
  const meaning = code === undefined ? undefined : VERIFY[code];
  return ` openssl reported verify error ${error}${meaning ? `: ${meaning}.` : "."}`;
}

function hostOf(e: Evidence): string {
  return e.facts.server ? `${e.facts.server}${e.facts.port ? `:${e.facts.port}` : ""}` : "the server";
}

function ehlo(e: Evidence): Explanation {
  const port = e.facts.port ? ` on port ${e.facts.port}` : "";
  const host = e.facts.server ? ` from ${e.facts.server}` : "";
  if (e.code === "EHLO-after-TLS") {
    return {
      meaning: `This EHLO reply${host}${port} came after STARTTLS succeeded: it rightly no longer lists STARTTLS (or X-ANONYMOUSTLS), because TLS is already in place. Whether AUTH appears here depends on the connector's authentication settings, not on certificates.`,
      next: undefined,
    };
  }
  if (e.facts.starttlsOffered === false) {
    const anonymous =
      e.facts.anonymousTlsOffered === true
        ? " X-ANONYMOUSTLS is still listed: the connector allows Exchange server authentication, and what is missing is its STARTTLS certificate."
        : "";
    return {
      meaning: `The EHLO reply${host}${port} does not list STARTTLS: the receive connector that answered does not offer TLS. Either Tls is missing from its AuthMechanism, or Exchange found no certificate for it (a TlsCertificateName naming a certificate that is gone, no certificate for its FQDN, a chain or revocation failure; event 12014). Senders that require TLS fail with 451 5.7.3.${anonymous}`,
      next: `${both(receiveConnectorsOf(undefined), certificatesOf(undefined))} from that server (the connector bound to ${e.facts.port ? `port ${e.facts.port}` : "this port"}), and event 12014 from its Application log`,
    };
  }
  if (e.facts.starttlsOffered === true) {
    return {
      meaning: `The EHLO reply${host}${port} lists STARTTLS: the receive connector that answered has a certificate to offer. Which one it presents shows in an openssl s_client -starttls smtp transcript or the SmtpReceive protocol log.`,
      next: `openssl s_client -connect ${e.facts.server ?? "<host>"}:${e.facts.port ?? 25} -starttls smtp output, or ${receiveConnectorsOf(undefined)} and ${certificatesOf(undefined)} from that server`,
    };
  }
  return { meaning: `An EHLO reply${host}${port}; it does not show whether STARTTLS is offered.`, next: undefined };
}

function opensslCertificate(e: Evidence): Explanation {
  const subject = e.facts.presentedSubject ?? "a certificate whose subject is not in the paste";
  const issuer = e.facts.presentedIssuer ? `, issued by ${e.facts.presentedIssuer}` : "";
  if (e.code === "chain-certificate") {
    const code = /^(\d+)/.exec(e.facts.verifyError ?? "")?.[1];
    const untrusted =
      code === "20" || code === "2"
        ? ` openssl could not find its issuer${e.facts.presentedIssuer ? ` ${e.facts.presentedIssuer}` : ""} among the certificates the machine that ran it trusts: the server did send this intermediate, so that machine does not trust the root (typical for an internal CA) — not an Exchange certificate-selection fault.`
        : verifyText(e.facts.verifyError);
    return {
      meaning: `${hostOf(e)} sent ${subject}${issuer} as part of its chain.${untrusted}`,
      next: undefined,
    };
  }
  return {
    meaning: `${hostOf(e)} presented ${subject}${issuer}.${e.facts.verifyError ? verifyText(e.facts.verifyError) : " openssl printed no verify error for it."}`,
    next: `${both(receiveConnectorsOf(undefined), certificatesOf(undefined))} from that server, to see why Exchange chose this certificate`,
  };
}

function transcript(e: Evidence): Explanation {
  if (e.code === "EHLO" || e.code === "EHLO-after-TLS") return ehlo(e);
  if (e.code === "server-certificate" || e.code === "chain-certificate") return opensslCertificate(e);
  return explainMessage(e);
}

const PROTOCOL = /^SP_PROT_(TLS|SSL)(\d)_(\d)_(SERVER|CLIENT)$/i;

function loggedCertificate(e: Evidence): string {
  const f = e.facts;
  if (f.presentedSubject === undefined) return "";
  const self = f.presentedIssuer !== undefined && f.presentedIssuer.toLowerCase() === f.presentedSubject.toLowerCase();
  const thumb = f.presentedThumbprint ? `, thumbprint ${f.presentedThumbprint}` : "";
  return ` The log shows the certificate Exchange sent: ${f.presentedSubject}${f.presentedIssuer ? ` issued by ${f.presentedIssuer}` : ""}${thumb}${self ? " (self-signed: fine for opportunistic TLS, refused by peers that validate, such as Exchange Online)" : ""}.`;
}

function smtpLog(e: Evidence): Explanation {
  const f = e.facts;
  const where = f.connector ? ` on '${f.connector}'` : "";
  const server = f.server;
  if (e.code === "remote-certificate") {
    const status = f.chainStatus ?? [];
    const normal =
      status.length > 0 && status.every((s) => /^(?:EmptyCertificate|NoRemoteCertificate|Valid)$/i.test(s));
    return {
      meaning: normal
        ? `The protocol log${where} shows the remote side sent no certificate (${status.join(", ")}): normal for a client or a server that is not asked for one.`
        : `The protocol log${where} shows how the remote side's certificate was judged: ${status.join(", ") || "no status"}.${status.some((s) => /UntrustedRoot|PartialChain/i.test(s)) ? " This server does not trust the root it chains to; for Exchange Online that is DigiCert Global Root G2 (thumbprint DF3C24F9BFD666761B268073FE06D1CC8D4F82A4), which belongs in Trusted Root Certification Authorities." : ""}`,
      next: normal ? undefined : certificatesOf(server),
    };
  }
  if (e.code === "UnknownCredentials") {
    return {
      meaning: `TLS negotiation failed with error UnknownCredentials${where}: the certificate Exchange tried to use for TLS is not enabled for SMTP, so the transport service (Network Service) cannot read its private key (KB 4051498). Enable it for SMTP with Enable-ExchangeCertificate -Thumbprint <thumbprint> -Services SMTP and answer No to overwriting the default SMTP certificate; the queue's '421 4.4.1 Connection timed out' is a misleading symptom.${loggedCertificate(e)}`,
      next: `${certificatesOf(server)} from the source servers${f.connector ? ` of '${f.connector}'` : ""}, to find that certificate's thumbprint`,
    };
  }
  if (e.code === "NoCredentials") {
    return {
      meaning: `TLS negotiation failed with error NoCredentials${where}: the certificate chosen through TlsCertificateName has no private key, for example a duplicate imported without its key (KB 4495258). Remove the key-less copy and import the certificate with its private key.${loggedCertificate(e)}`,
      next: `${certificatesOf(server)} and Get-ChildItem Cert:\\LocalMachine\\My | fl Subject,Issuer,Thumbprint,HasPrivateKey`,
    };
  }
  const protocol = PROTOCOL.exec(e.code ?? "");
  if (protocol) {
    const side =
      protocol[4]?.toUpperCase() === "SERVER" ? "this server was the TLS server" : "this server was the TLS client";
    return {
      meaning: `${protocol[1]?.toUpperCase()} ${protocol[2]}.${protocol[3]} was negotiated${where} (${side}).${loggedCertificate(e)}`,
      next: f.connector
        ? `${both(receiveConnectorsOf(server), certificatesOf(server))}, to see why Exchange chose this certificate`
        : undefined,
    };
  }
  if (e.code !== undefined && /^[A-Za-z]\w*$/.test(e.code) && e.code === f.tlsError) {
    return {
      meaning: `TLS negotiation failed with error ${e.code}${where}; certflow has no specific explanation for this error.${loggedCertificate(e)}`,
      next: both(SEND_CONNECTORS, certificatesOf(server)),
    };
  }
  return {
    meaning: `A protocol-log session${where}${e.code ? ` (${e.code})` : ""}.${loggedCertificate(e)}${f.starttlsOffered === false ? " Its EHLO reply does not list STARTTLS." : ""}`,
    next: f.connector ? both(receiveConnectorsOf(server), certificatesOf(server)) : undefined,
  };
}

const CHAIN_FLAGS: Readonly<Record<string, string>> = {
  CERT_TRUST_IS_REVOKED: "the certificate is revoked",
  CERT_TRUST_IS_UNTRUSTED_ROOT: "its chain ends in a root this server does not trust",
  CERT_TRUST_IS_PARTIAL_CHAIN: "an intermediate CA certificate is missing, so the chain cannot be built",
  CERT_TRUST_REVOCATION_STATUS_UNKNOWN: "revocation could not be checked",
  CERT_TRUST_IS_OFFLINE_REVOCATION: "the revocation server (CRL/OCSP) could not be reached",
  CERT_TRUST_IS_NOT_TIME_VALID: "a certificate in the chain is expired or not yet valid",
  CERT_TRUST_IS_NOT_SIGNATURE_VALID: "a signature in the chain is not valid",
  CERT_TRUST_IS_NOT_VALID_FOR_USAGE: "the certificate is not valid for this use (key usage)",
};

function chainTest(e: Evidence): Explanation {
  const flags = e.facts.chainStatus ?? [];
  const thumb = e.facts.presentedThumbprint ? ` for ${e.facts.presentedThumbprint}` : "";
  if (e.code === "valid" && flags.length === 0) {
    return {
      meaning: `Test-Certificate${thumb} returned True: Windows builds a trusted, unrevoked chain for it.`,
      next: undefined,
    };
  }
  const said = flags.map((f) => `${f} (${CHAIN_FLAGS[f] ?? "see the Windows documentation"})`);
  const error = e.code && /_E_/.test(e.code) ? ` Its error is ${e.code}.` : "";
  return {
    meaning: `Test-Certificate${thumb} fails${said.length > 0 ? `: ${said.join("; ")}` : ""}.${error} Exchange treats such a certificate as invalid: a connector naming it by TlsCertificateName loses STARTTLS (inbound) or fails with 454 4.7.5 (outbound), and Exchange Online refuses it. Replace a revoked certificate; install the missing intermediates and root for a chain problem.`,
    next: certificatesOf(undefined),
  };
}

export function explainSession(e: Evidence): Explanation {
  switch (e.type) {
    case "transcript":
      return transcript(e);
    case "smtp-log":
      return smtpLog(e);
    default:
      return chainTest(e);
  }
}
