import type { ReceiveConnector } from "../../model/connector";
import { connectorIdentity, inspectCertificates } from "../fix/steps";
import type { RuleResult } from "./types";
import { defineRule } from "./types";

type Messages = "noCertificate" | "cannotTell";

/**
 * The simulation finds no certificate for a receive connector that does
 * allow TLS, so STARTTLS is not advertised (domain F1.1.7, F1.6.1). The
 * cause (a stale TlsCertificateName, no certificate covering the FQDN) has
 * its own finding; this one states the effect senders see.
 */
export default defineRule<Messages>({
  id: "STARTTLS_UNAVAILABLE",
  title: "Receive connector offers no STARTTLS",
  severity: "error",
  docs: {
    summary: "Exchange would find no certificate for this receive connector, so it does not advertise STARTTLS.",
    behaviour:
      "The certificate is looked up when the SMTP session starts: by TlsCertificateName when set (no fallback), else by the connector's FQDN (else the server's) against the certificates' subject and SAN names. When nothing is found, EHLO lacks 250-STARTTLS, event 12014 is logged, and senders that require TLS — Exchange Online in hybrid, partners with forced TLS — fail with 451 5.7.3 'STARTTLS is required to send mail'. There is no fallback to the internal transport certificate.",
    fix: "Follow the finding that names the cause (TLSNAME_NOT_FOUND, CONNECTOR_TLS_DISABLED, …): point TlsCertificateName at an installed certificate, or set the connector's FQDN to a name on a certificate enabled for SMTP.",
    facts: ["F1.1.7", "F1.6.1", "F1.6.3", "E7.1", "E7.10"],
    sources: [
      "https://learn.microsoft.com/en-us/exchange/mail-flow/mail-routing/inbound-starttls-certificates-selection",
      "https://learn.microsoft.com/en-us/exchange/troubleshoot/email-delivery/cannot-receive-mail-with-new-certificate",
    ],
  },
  messages: {
    noCertificate:
      "Receive connector '{connector}' on {server} would offer no STARTTLS: {reason} Senders that require TLS (Exchange Online in hybrid) fail with 451 5.7.3.",
    cannotTell:
      "Receive connector '{connector}' on {server}: no certificates of {server} are in the paste, so certflow cannot tell whether it offers STARTTLS. Paste Get-ExchangeCertificate -Server {server} | fl.",
  },
  check(ctx) {
    const results: RuleResult<Messages>[] = [];
    for (const c of ctx.inventory.receiveConnectors) {
      if (c.enabled === false) continue;
      const selection = ctx.selectionsFor(c)[0];
      if (!selection || selection.starttls) continue;
      const gate = selection.steps.find((s) => s.id === "auth-tls");
      if (gate?.outcome === "no") continue;
      const data = {
        connector: c.name ?? connectorIdentity(c) ?? "(unnamed connector)",
        server: c.server ?? "the unnamed server",
      };
      if (!ctx.hasCertificatesFor(c.server)) {
        results.push({
          messageId: "cannotTell",
          severity: "info",
          data,
          server: c.server,
          connector: data.connector,
          sources: [c.source],
          fix: [inspectCertificates(c.server)],
        });
        continue;
      }
      results.push({
        messageId: "noCertificate",
        data: {
          ...data,
          reason: reasonOf(selection.steps.filter((s) => s.outcome === "no" && s.id !== "result-none").at(-1)?.detail),
        },
        server: c.server,
        connector: data.connector,
        sources: [c.source],
        explains: ctx.evidence((e) => evidenceFits(e.code, e.facts.starttlsOffered, c)),
      });
    }
    return results;
  },
});

function reasonOf(detail: string | undefined): string {
  if (!detail) return "no certificate fits.";
  return /[.!?]$/.test(detail.trim()) ? detail.trim() : `${detail.trim()}.`;
}

function evidenceFits(code: string | undefined, starttlsOffered: boolean | undefined, c: ReceiveConnector): boolean {
  if (code === "12014" || code === "451 5.7.3") return true;
  return starttlsOffered === false && (c.bindings ?? []).some((b) => /:25$/.test(b));
}
