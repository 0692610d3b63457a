import type { Certificate } from "../../model/certificate";
import { sameDn } from "../../model/distinguished-name";
import type { Evidence } from "../../model/evidence";
import { isThumbprint } from "../../model/thumbprint";
import { str, thumb } from "../fix/command";
import { certificateLabel, enableSmtp, inspectCertificates, OVERWRITE_WARNING } from "../fix/steps";
import { sameServer } from "../select/context";
import { referencesOf, sourcesOf } from "./lib/certificates";
import { serverText } from "./lib/labels";
import type { FixStep, RuleContext, RuleResult } from "./types";
import { defineRule } from "./types";

type Messages = "used" | "unused" | "evidence" | "noCredentials";

const IMPORT =
  "Import-ExchangeCertificate -Server <server> -FileData ([System.IO.File]::ReadAllBytes('<path>.pfx')) -Password (Read-Host 'PFX password' -AsSecureString)";

/**
 * HasPrivateKey False (domain F1.1.8, D3, E7.14): a certificate without its
 * key can be matched by TlsCertificateName and then fails the handshake
 * (NoCredentials), and Enable-ExchangeCertificate refuses it with
 * PrivateKeyMissing (sample 34).
 */
export default defineRule<Messages>({
  id: "CERT_NO_PRIVATE_KEY",
  title: "Certificate has no private key",
  severity: "error",
  docs: {
    summary:
      "A certificate is installed without its private key (HasPrivateKey False, or Enable-ExchangeCertificate failed with PrivateKeyMissing).",
    behaviour:
      "A certificate without its private key cannot be used for TLS. Chosen by FQDN it is skipped, but found through TlsCertificateName it is still selected and the TLS handshake fails ('TLS negotiation failed with error NoCredentials', KB 4495258). Enable-ExchangeCertificate refuses it ('… is not valid for use with Exchange Server (reason: PrivateKeyMissing)'), so it cannot be bound to SMTP, IIS or any other service and the previous certificate stays in use. It happens when a .cer file or a PFX exported without its key is imported, or when the request was completed on another machine.",
    fix: "Remove the copy without the key and import the certificate again from a PFX that holds its private key (Import-ExchangeCertificate with -Password), then enable it for SMTP answering No to the default-certificate prompt. Without such a PFX, request a new certificate.",
    facts: ["F1.1.8", "F1.2.4", "D3", "E7.14", "F1.5.5"],
    sources: [
      "https://learn.microsoft.com/en-us/exchange/troubleshoot/mailflow/tls-negotiation-failed-with-error-nocredentials-error",
      "https://learn.microsoft.com/en-us/exchange/mail-flow/mail-routing/inbound-starttls-certificates-selection",
      "https://learn.microsoft.com/en-us/powershell/module/exchangepowershell/enable-exchangecertificate",
    ],
  },
  messages: {
    used: "{certificate} on {server} has no private key but is in use ({uses}). Found through TlsCertificateName, Exchange still selects it and the TLS handshake fails (NoCredentials, KB 4495258); it cannot be enabled for any service either (PrivateKeyMissing).",
    unused:
      "{certificate} on {server} has no private key, so Exchange cannot use it for TLS and Enable-ExchangeCertificate refuses it (PrivateKeyMissing). It was probably imported from a .cer file or a PFX exported without its key.",
    evidence:
      "Enable-ExchangeCertificate failed{on}: the certificate{thumbprint} is installed without a usable private key (PrivateKeyMissing), so it cannot be bound to SMTP or any other service and the previous certificate stays in use. It was probably imported without its key (a .cer file, or a PFX exported without it). Paste Get-ExchangeCertificate -Server {server} | fl to see which certificate it is.",
    noCredentials:
      "The pasted log shows TLS failing with NoCredentials{connector}: the certificate the send connector's TlsCertificateName found has no private key, typically a duplicate imported without it (KB 4495258). Paste Get-ExchangeCertificate | fl from the source server to see which certificate it is.",
  },
  check(ctx) {
    const results: RuleResult<Messages>[] = [];
    const errors = ctx.evidence((e) => e.code === "PrivateKeyMissing");
    const noCredentials = ctx.evidence((e) => e.code === "NoCredentials");
    const explained = new Set<Evidence>();
    for (const cert of ctx.installedCertificates()) {
      if (cert.hasPrivateKey !== false) continue;
      const uses = referencesOf(ctx, cert);
      const explains = errors.filter((e) => explainsError(ctx, e, cert));
      for (const e of [...explains, ...noCredentials.filter((x) => presentedIs(x, cert, uses.length > 0))])
        explained.add(e);
      results.push({
        messageId: uses.length > 0 ? "used" : "unused",
        severity: uses.length > 0 ? "error" : "warning",
        data: { certificate: certificateLabel(cert), server: serverText(cert.server), uses: uses.join("; ") },
        server: cert.server,
        thumbprint: cert.thumbprint,
        sources: sourcesOf(ctx, cert),
        fix: fixFor(cert),
        explains: [...explains, ...noCredentials.filter((e) => presentedIs(e, cert, uses.length > 0))],
      });
    }
    for (const e of errors) {
      if (explained.has(e)) continue;
      results.push({
        messageId: "evidence",
        severity: "warning",
        data: {
          on: e.facts.server ? ` on ${e.facts.server}` : "",
          thumbprint: e.facts.presentedThumbprint
            ? ` ${e.facts.presentedThumbprint}`
            : " (its thumbprint is masked in the paste)",
          server: e.facts.server ?? "<server>",
        },
        server: e.facts.server,
        thumbprint: e.facts.presentedThumbprint,
        basis: "evidence",
        sources: [e.source],
        fix: [
          inspectCertificates(e.facts.server),
          reimportStep(undefined, e.facts.server),
          enableLater(e.facts.server),
        ],
        explains: [e],
      });
    }
    const unexplained = noCredentials.filter((e) => !explained.has(e));
    const [first] = unexplained;
    if (first !== undefined) {
      const connector = unexplained.find((e) => e.facts.connector)?.facts.connector;
      results.push({
        messageId: "noCredentials",
        severity: "error",
        data: { connector: connector ? ` on '${connector}'` : "" },
        connector,
        basis: "evidence",
        sources: unexplained.map((e) => e.source),
        fix: [inspectCertificates(undefined), reimportStep(undefined, undefined), enableLater(undefined)],
        explains: unexplained,
      });
    }
    return results;
  },
});

/** Does this log entry show this certificate (by thumbprint or subject), or, showing none, fit a certificate in use? */
function presentedIs(e: Evidence, cert: Certificate, used: boolean): boolean {
  const { presentedThumbprint, presentedSubject } = e.facts;
  if (presentedThumbprint !== undefined) return presentedThumbprint === cert.thumbprint;
  if (presentedSubject !== undefined) return cert.subject !== undefined && sameDn(presentedSubject, cert.subject);
  return used;
}

/** By thumbprint when the error shows it whole; a masked one by the server, when exactly one key-less certificate is there. */
function explainsError(ctx: RuleContext, e: Evidence, cert: Certificate): boolean {
  if (e.facts.presentedThumbprint !== undefined) return e.facts.presentedThumbprint === cert.thumbprint;
  if (e.facts.server === undefined || !sameServer(e.facts.server, cert.server)) return false;
  return (
    ctx.installedCertificates().filter((c) => c.hasPrivateKey === false && sameServer(c.server, cert.server)).length ===
    1
  );
}

function fixFor(cert: Certificate): FixStep[] {
  const enable = enableSmtp(cert);
  return [reimportStep(cert, cert.server), ...(enable ? [enable] : [])];
}

function reimportStep(cert: Certificate | undefined, server: string | undefined): FixStep {
  const removable =
    cert?.thumbprint !== undefined && isThumbprint(cert.thumbprint) && !cert.truncated.includes("thumbprint");
  return {
    phase: "install",
    why: `Remove ${removable && cert ? certificateLabel(cert) : `the certificate (Remove-ExchangeCertificate${server ? ` -Server ${server}` : ""} -Thumbprint <thumbprint>)`}, the copy without its key, then import it again${
      server ? ` on ${server}` : ""
    } from a PFX that holds its private key: ${IMPORT.replace("<server>", server ?? "<server>")}.`,
    commands:
      removable && cert?.thumbprint
        ? [
            {
              cmdlet: "Remove-ExchangeCertificate",
              parameters: [
                ...(server ? ([["Server", str(server)]] as const) : []),
                ["Thumbprint", thumb(cert.thumbprint)],
              ],
            },
          ]
        : [],
    warning:
      "Only remove it once you have a PFX with the private key (export it with its key from the machine where the request was made, or from your CA); without one, request a new certificate instead.",
  };
}

function enableLater(server: string | undefined): FixStep {
  return {
    phase: "enable",
    why: `Then enable the re-imported certificate for SMTP${server ? ` on ${server}` : ""}: Enable-ExchangeCertificate${
      server ? ` -Server ${server}` : ""
    } -Thumbprint <thumbprint> -Services SMTP (plus the other services it should serve).`,
    commands: [],
    warning: OVERWRITE_WARNING,
  };
}
