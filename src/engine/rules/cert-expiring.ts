import type { Certificate } from "../../model/certificate";
import { restoreInternalCertificate } from "../fix/internal-certificate";
import { certificateLabel } from "../fix/steps";
import { referencesOf, sourcesOf } from "./lib/certificates";
import { agreedExpiry, daysLeft, daysText, URGENT_DAYS } from "./lib/expiry";
import { groupBy } from "./lib/group";
import { serverText } from "./lib/labels";
import { replaceSteps } from "./lib/renewal";
import type { FixStep, RuleContext, RuleResult } from "./types";
import { defineRule } from "./types";

type Messages = "soon" | "urgent";

const INTERNAL = "the internal transport certificate";

/**
 * NotAfter within 60 days after the as-of date under every reading of the
 * pasted date, with HealthChecker's tiers (60 days yellow, 30 days red;
 * notes/anchors-mission.md A1) so the two tools never disagree.
 */
export default defineRule<Messages>({
  id: "CERT_EXPIRING",
  title: "Certificate expires within 60 days",
  severity: "warning",
  docs: {
    summary: "A certificate's NotAfter is less than 60 days after the as-of date (fewer than 30 days: urgent).",
    behaviour:
      "Once it expires, Exchange still presents the certificate (event 12016 for STARTTLS, 12015 for the internal transport certificate) but peers that validate certificates, Exchange Online among them, reject it. Exchange logs event 12018 as a STARTTLS certificate nears its end. HealthChecker colours a certificate's lifetime yellow under 60 days and red under 30; certflow uses the same thresholds, counting whole days from the as-of date.",
    fix: "Renew the certificate before it expires, with the same issuer and subject so TlsCertificateName values keep matching; import it with its private key and enable it for SMTP (answer No to the default-certificate prompt). A self-signed internal transport certificate is replaced with a new self-signed one.",
    facts: ["E7.2", "E7.3", "E7.4", "F1.1.10", "F3.3.1", "F4.13"],
    sources: [
      "https://microsoft.github.io/CSS-Exchange/Diagnostics/HealthChecker/",
      "https://technet.microsoft.com/zh-cn/library/ff982351(v=exchg.141).aspx",
      "https://microsoft.github.io/CSS-Exchange/Diagnostics/HealthChecker/InternalTransportCertificateCheck/",
    ],
  },
  messages: {
    soon: "{certificate} on {server} expires on {date}, in {days} days (under 60 days: HealthChecker shows it yellow). It is {usage}. Renew it before then; once expired, peers that validate certificates reject it.",
    urgent:
      "{certificate} on {server} expires on {date}, in {days} days: fewer than 30 days left (HealthChecker shows it red). It is {usage}. Renew it now; once expired, peers that validate certificates reject it.",
  },
  check(ctx) {
    const results: RuleResult<Messages>[] = [];
    // The events naming each certificate, found once: a pasted event log has thousands of entries.
    const events = groupBy(
      ctx.evidence((e) => e.code === "12018" || e.code === "12017"),
      (e) => e.facts.presentedThumbprint,
    );
    for (const cert of ctx.installedCertificates()) {
      const expiry = agreedExpiry(cert.notAfter, ctx.asOf);
      if (expiry?.state !== "expiring") continue;
      const days = Math.min(...expiry.times.map((t) => daysLeft(t, ctx.asOf)));
      const uses = referencesOf(ctx, cert);
      results.push({
        messageId: days < URGENT_DAYS ? "urgent" : "soon",
        data: {
          certificate: certificateLabel(cert),
          server: serverText(cert.server),
          date: daysText(expiry.times),
          days,
          usage: uses.length > 0 ? `in use (${uses.join("; ")})` : "not used by anything in the paste",
        },
        server: cert.server,
        thumbprint: cert.thumbprint,
        sources: sourcesOf(ctx, cert),
        fix: fixFor(ctx, cert, uses, daysText(expiry.times)),
        explains: (cert.thumbprint === undefined ? undefined : events.get(cert.thumbprint)) ?? [],
      });
    }
    return results;
  },
});

function fixFor(ctx: RuleContext, cert: Certificate, uses: readonly string[], date: string): FixStep[] {
  if (uses.length === 0) return [];
  if (uses.every((u) => u === INTERNAL)) return [restoreInternalCertificate(cert.server, undefined)];
  return replaceSteps(ctx, cert, `it expires on ${date}`);
}
