import type { Evidence } from "../../model/evidence";
import { connectorIdentity, inspectCertificates, inspectReceiveConnectors } from "../fix/steps";
import type { RuleResult } from "./types";
import { defineRule } from "./types";

type Messages = "noCertificate" | "cannotTell" | "fromEvidence";

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
    fromEvidence:
      "{what} shows {where} offering no STARTTLS. Senders that require TLS (Exchange Online in hybrid) fail with 451 5.7.3. The configuration is not in the paste: paste the receive connectors and certificates of {server} so certflow can tell which connector it was and why.",
    cannotTell:
      "Receive connector '{connector}' on {server}: no certificates of {server} are in the paste, so certflow cannot tell whether it offers STARTTLS. Paste Get-ExchangeCertificate -Server {server} | fl.",
  },
  check(ctx) {
    const results: RuleResult<Messages>[] = [];
    // What a connector's finding explains depends only on whether it listens on port 25: both lists are found once,
    // not by searching a pasted log's thousands of entries for each connector.
    const anyPort = ctx.evidence((e) => fitsAnyConnector(e.code));
    const port25 = ctx.evidence((e) => fitsAnyConnector(e.code) || e.facts.starttlsOffered === false);
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
        explains: (c.bindings ?? []).some((b) => /:25$/.test(b)) ? port25 : anyPort,
      });
    }
    if (ctx.inventory.receiveConnectors.length === 0) results.push(...fromEvidence(ctx.evidence(showsNoStarttls)));
    return results;
  },
});

/** Event 12014 for a host name, an EHLO list without STARTTLS, or a 451 5.7.3 from the sender. */
function showsNoStarttls(e: Evidence): boolean {
  if (e.code === "12014") return !/<I>/i.test(e.facts.lookedFor ?? "");
  if (e.code === "451 5.7.3") return true;
  return e.type === "transcript" && e.facts.starttlsOffered === false;
}

/** With evidence only, one finding per server and connector the evidence names. */
function fromEvidence(evidence: readonly Evidence[]): RuleResult<Messages>[] {
  const groups = new Map<string, Evidence[]>();
  for (const e of evidence) {
    const key = `${e.facts.server ?? ""}|${e.facts.connector ?? ""}`;
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  return [...groups.values()].map((list) => {
    const [first] = list as [Evidence, ...Evidence[]];
    const { server, connector, port } = first.facts;
    const where = connector
      ? `receive connector '${connector}'${server ? ` on ${server}` : ""}`
      : port
        ? `the connector answering on port ${port}${server ? ` of ${server}` : ""}`
        : "the receiving Exchange server";
    return {
      messageId: "fromEvidence",
      data: { what: evidenceLabel(first), where, server: server ?? "that server" },
      basis: "evidence",
      server,
      connector,
      sources: list.map((e) => e.source),
      explains: list,
      fix: [inspectReceiveConnectors(server), inspectCertificates(server)],
    } satisfies RuleResult<Messages>;
  });
}

function evidenceLabel(e: Evidence): string {
  if (e.code === "12014") return "Event 12014";
  if (e.code === "451 5.7.3") return "The 451 5.7.3 error";
  return "The EHLO reply";
}

function reasonOf(detail: string | undefined): string {
  if (!detail) return "no certificate fits.";
  return /[.!?]$/.test(detail.trim()) ? detail.trim() : `${detail.trim()}.`;
}

/** Evidence of a connector without STARTTLS whatever its port; a session that saw no STARTTLS fits a port 25 connector too. */
function fitsAnyConnector(code: string | undefined): boolean {
  return code === "12014" || code === "451 5.7.3";
}
