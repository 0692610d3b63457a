import type { Certificate } from "../../model/certificate";
import type { Evidence } from "../../model/evidence";
import { certificateNames, coversName } from "../../model/hostname";
import { certificateLabel } from "../fix/steps";
import { isAuthCertificate } from "../select/facts";
import { referencesOf, sourcesOf } from "./lib/certificates";
import { agreedExpiry, daysLeft, daysText, dayText } from "./lib/expiry";
import { serverText } from "./lib/labels";
import { removeStep, replaceSteps } from "./lib/renewal";
import type { FixStep, RuleContext, RuleResult } from "./types";
import { defineRule } from "./types";

type Messages = "used" | "internal" | "unused" | "auth";

const INTERNAL = "the internal transport certificate";

/**
 * NotAfter before the as-of date under every reading of the pasted date
 * (an undecided date gives no verdict; INPUT_AMBIGUOUS says so). An error
 * when something uses the certificate (contract "referenced"), else a
 * warning, as HealthChecker flags every expired certificate.
 */
export default defineRule<Messages>({
  id: "CERT_EXPIRED",
  title: "Certificate has expired",
  severity: "error",
  docs: {
    summary:
      "A certificate's NotAfter is before the as-of date; an error when a connector, the hybrid configuration or the internal transport uses it.",
    behaviour:
      "Exchange does not stop using an expired certificate: chosen by FQDN it still advertises STARTTLS with it and logs event 12016 (on the TlsCertificateName path the sources suggest it may be treated as not found instead), and an expired internal transport certificate is still used for X-ANONYMOUSTLS (event 12015). Peers that validate certificates, Exchange Online among them, reject an expired certificate, so TLS to them fails. HealthChecker reports expired certificates red.",
    fix: "Renew the certificate (with the same issuer and subject, so TlsCertificateName values keep matching), import it with its private key, enable it for SMTP answering No to the default-certificate prompt, and remove the expired one once nothing uses it.",
    facts: ["F1.1.10", "D4", "E7.2", "E7.6", "F2.4.1", "Q7"],
    sources: [
      "https://learn.microsoft.com/en-us/exchange/mail-flow/mail-routing/inbound-starttls-certificates-selection",
      "https://technet.microsoft.com/en-us/library/ff983405(v=exchg.141)",
      "https://microsoft.github.io/CSS-Exchange/Diagnostics/HealthChecker/",
    ],
  },
  messages: {
    used: "{certificate} on {server} expired on {date}, {days} days before {asOf}, and is in use ({uses}). Exchange keeps presenting an expired certificate (STARTTLS is still offered, event 12016), but peers that validate certificates, Exchange Online among them, reject it.",
    internal:
      "{certificate} on {server} expired on {date}, {days} days before {asOf}. It is the server's internal transport (default SMTP) certificate: Exchange logs event 12015 and still uses it for X-ANONYMOUSTLS; DEFAULT_CERT_MISSING gives the fix.",
    unused:
      "{certificate} on {server} expired on {date}, {days} days before {asOf}. Nothing in the paste uses it; remove it once you are sure nothing else does (IIS, POP/IMAP, connectors on servers not pasted).",
    auth: "{certificate} on {server}, the Exchange Server Auth Certificate (OAuth, never used for SMTP TLS), expired on {date}, {days} days before {asOf}. If it is still the current Auth certificate (Get-AuthConfig | fl CurrentCertificateThumbprint), HealthChecker reports it red and it must be renewed; an old one left behind can be removed.",
  },
  check(ctx) {
    const results: RuleResult<Messages>[] = [];
    // The same day for every finding: written once, not once per expired certificate.
    const asOf = dayText(ctx.asOf.getTime());
    // The entries any certificate's finding may explain, found once rather than among all the evidence for each.
    const related = ctx.evidence((e) => e.code === "12016" || e.type === "chain-test");
    for (const cert of ctx.installedCertificates()) {
      const expiry = agreedExpiry(cert.notAfter, ctx.asOf);
      if (expiry?.state !== "expired") continue;
      const uses = referencesOf(ctx, cert);
      const latest = Math.max(...expiry.times);
      const messageId: Messages = isAuthCertificate(cert)
        ? "auth"
        : uses.length === 0
          ? "unused"
          : uses.every((u) => u === INTERNAL)
            ? "internal"
            : "used";
      results.push({
        messageId,
        severity: uses.length > 0 ? "error" : "warning",
        data: {
          certificate: certificateLabel(cert),
          server: serverText(cert.server),
          date: daysText(expiry.times),
          days: -daysLeft(latest, ctx.asOf),
          asOf,
          uses: uses.join("; "),
        },
        server: cert.server,
        thumbprint: cert.thumbprint,
        sources: sourcesOf(ctx, cert),
        fix: fixFor(ctx, cert, messageId, uses),
        explains: messageId === "used" ? explained(related, cert) : [],
      });
    }
    return results;
  },
});

/**
 * Renew what is in use, then remove the expired certificate. An unused one
 * gets no command: another finding may still point a connector at it, and
 * removal is the admin's call (the message says so). The internal transport
 * certificate is replaced through DEFAULT_CERT_MISSING's fix, never removed.
 */
function fixFor(ctx: RuleContext, cert: Certificate, messageId: Messages, uses: readonly string[]): FixStep[] {
  if (messageId !== "used") return [];
  const remove = uses.includes(INTERNAL) ? undefined : removeStep(cert, "once the renewed certificate is in use");
  return [...replaceSteps(ctx, cert, "it has expired"), ...(remove ? [remove] : [])];
}

/** Event 12016 for a name this certificate covers, and chain tests of it that report a time problem. */
function explained(related: readonly Evidence[], cert: Certificate) {
  const names = certificateNames(cert);
  return related.filter(
    (e) =>
      (e.code === "12016" && e.facts.fqdn !== undefined && names.some((n) => coversName(n, e.facts.fqdn ?? ""))) ||
      (e.type === "chain-test" &&
        e.facts.presentedThumbprint === cert.thumbprint &&
        (e.facts.chainStatus ?? []).some((s) => /NOT_TIME_VALID/i.test(s))),
  );
}
