import type { Evidence } from "../../model/evidence";
import type { Explanation } from "./explain";
import { both, certificatesOf, HYBRID_CONFIGURATION, receiveConnectorsOf, SEND_CONNECTORS } from "./next";

/**
 * Errors of the Hybrid Configuration Wizard and of Exchange cmdlets, and
 * HealthChecker's connector lines (domain E7.21, E7.22, F4.9, F4.11, F5.1.3,
 * F5.1.4; HealthChecker PR #2234).
 */

const HCW: Readonly<Record<string, (e: Evidence) => Explanation>> = {
  "secure-mail-certificate-not-smtp": (e) => ({
    meaning: `The Hybrid Configuration Wizard stopped because the certificate chosen for secure mail is not enabled for the SMTP service on ${e.facts.server ?? "a hybrid transport server"} (KB 3058190). Fix: Enable-ExchangeCertificate -Server ${e.facts.server ?? "<server>"} -Thumbprint <thumbprint> -Services SMTP, answer No to overwriting the default SMTP certificate, then re-run the wizard.`,
    next: both(`${HYBRID_CONFIGURATION} (TlsCertificateName)`, certificatesOf(e.facts.server)),
  }),
  CONSTRAINT_ATT_TYPE: lengthError,
  "constraint-violation": lengthError,
  RequiredTls: () => ({
    meaning:
      "The wizard's Set-HybridMailflow failed with 'RequiredTls flag should be set to true if TlsCertificateName is specified': a connector's TLS name is not on the certificate any more (the certificate changed). Re-run the wizard with a namespace that is on the SMTP-enabled third-party certificate.",
    next: both(HYBRID_CONFIGURATION, SEND_CONNECTORS, certificatesOf(undefined)),
  }),
  "no-valid-certificate": () => ({
    meaning:
      "'No valid certificate exists for the Hub Transport server(s)': the wizard found no certificate to offer. KB 2964920 traces it to the Microsoft Exchange Service Host service being stopped; the wizard also lists only certificates whose RootCAType is ThirdParty and that are installed on every selected server.",
    next: `${certificatesOf(undefined)} from every selected server, and Get-Service MSExchangeServiceHost`,
  }),
  "hcw-failed": () => ({
    meaning:
      "The Hybrid Configuration Wizard failed; the lines after 'Updating hybrid configuration failed' say which check or cmdlet failed and why.",
    next: "the whole wizard error, or the matching lines of the Update-HybridConfiguration log",
  }),
};

function lengthError(e: Evidence): Explanation {
  return {
    meaning: `Active Directory refused the value the wizard wrote to ${e.facts.attribute ?? "msExchSmtpTLSCertificate"}${e.facts.length !== undefined ? ` (len ${e.facts.length})` : ""}: that attribute holds a connector's TlsCertificateName, and the chosen certificate's <I>issuer<S>subject string is too long for it (Edge's copy allows 256 characters). Use a certificate with a shorter issuer and subject, or set TlsCertificateName to a shorter value by hand.${e.facts.server ? ` The wizard ran on ${e.facts.server}.` : ""}`,
    next: both(
      `Get-ExchangeCertificate${e.facts.server ? ` -Server ${e.facts.server}` : ""} | fl Subject,Issuer,Thumbprint`,
      HYBRID_CONFIGURATION,
    ),
  };
}

const CMDLET: Readonly<Record<string, (e: Evidence) => Explanation>> = {
  "tagged-send-connector": (e) => ({
    meaning: `Remove-ExchangeCertificate refused: the certificate is named by send connector(s) ${e.facts.connector ?? "(names not in the paste)"} through TlsCertificateName. Point those connectors at the new certificate (or clear TlsCertificateName while the transport service is stopped), remove the old certificate, then start the service.`,
    next: both(SEND_CONNECTORS, certificatesOf(e.facts.server)),
  }),
  PrivateKeyMissing: (e) => ({
    meaning: `Exchange found the certificate${e.facts.presentedThumbprint ? ` ${e.facts.presentedThumbprint}` : ""}${e.facts.server ? ` on ${e.facts.server}` : ""} but cannot use it (reason: PrivateKeyMissing): it was imported without its private key, or the key is in a store or provider Exchange cannot use, so it cannot be enabled for SMTP or any other service. Import the .pfx again with its private key; until then SMTP keeps using the previous certificate.`,
    next: `${certificatesOf(e.facts.server)} and Get-ChildItem Cert:\\LocalMachine\\My | fl Subject,Thumbprint,HasPrivateKey`,
  }),
};

function cmdletError(e: Evidence): Explanation {
  const known = e.code === undefined ? undefined : CMDLET[e.code];
  if (known) return known(e);
  const cert = e.facts.presentedThumbprint ? ` for certificate ${e.facts.presentedThumbprint}` : "";
  if (e.code !== undefined && /^[A-Z][a-z]+-[A-Za-z]+$/.test(e.code)) {
    const enabling = /Enable-ExchangeCertificate|Import-ExchangeCertificate/i.test(e.code)
      ? " The certificate is then probably not enabled for SMTP (or IIS): Exchange keeps using the previous one."
      : "";
    return {
      meaning: `${e.code} failed${cert}${e.facts.server ? ` on ${e.facts.server}` : ""}.${enabling} The error text says why.`,
      next: certificatesOf(e.facts.server),
    };
  }
  return {
    meaning: `An Exchange cmdlet refused the request${cert}${e.code ? ` (reason: ${e.code})` : ""}; certflow has no specific explanation for this reason.`,
    next: certificatesOf(e.facts.server),
  };
}

function healthChecker(e: Evidence): Explanation {
  const connector = e.facts.connector ? ` '${e.facts.connector}'` : "";
  if (e.code === "TlsCertificateNameNotSet") {
    return {
      meaning: `HealthChecker flags send connector${connector} to Exchange Online because TlsCertificateName is not set. That alone is not a fault when the connector's Fqdn is set: Exchange then picks the certificate by that FQDN (HealthChecker changed its check accordingly in PR #2234). It matters only when Fqdn is empty too (each server's internal FQDN is used) or when no certificate for that FQDN is enabled for SMTP.`,
      next: `Get-SendConnector${connector} | fl Fqdn,TlsCertificateName,CloudServicesMailEnabled,RequireTLS,TlsAuthLevel,TlsDomain,SourceTransportServers and ${certificatesOf(undefined)} from its source servers`,
    };
  }
  return {
    meaning: `HealthChecker reports${connector ? ` connector${connector}` : " a connector"} as ${e.code === "Misconfigured" ? "misconfigured" : "worth a look"}; the lines under it say which setting.`,
    next: both(SEND_CONNECTORS, receiveConnectorsOf(undefined)),
  };
}

export function explainWizard(e: Evidence): Explanation {
  if (e.type === "healthchecker") return healthChecker(e);
  if (e.type === "cmdlet-error") return cmdletError(e);
  const known = e.code === undefined ? undefined : HCW[e.code];
  if (known) return known(e);
  if (e.code !== undefined && /^[A-Z][a-z]+-[A-Za-z]+$/.test(e.code)) {
    return {
      meaning: `The wizard's ${e.code} cmdlet threw an exception${e.facts.server ? ` (log on ${e.facts.server})` : ""}; the text after it says why.`,
      next: "the whole wizard error, or the matching lines of the Update-HybridConfiguration log",
    };
  }
  return {
    meaning: `The Hybrid Configuration Wizard reported an error${e.code ? ` (${e.code})` : ""}; certflow has no specific explanation for it.`,
    next: "the whole wizard error, or the matching lines of the Update-HybridConfiguration log",
  };
}
