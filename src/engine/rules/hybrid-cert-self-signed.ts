import type { Certificate } from "../../model/certificate";
import { sameDn } from "../../model/distinguished-name";
import { certificateNames, coversName } from "../../model/hostname";
import { formatTlsCertificateName } from "../../model/tls-certificate-name";
import { newCertificateSteps } from "../fix/issued-certificate";
import { certificateLabel, enableSmtp, RERUN_HCW } from "../fix/steps";
import { chosenAmong, isExpired, matching } from "../hybrid/certificates";
import { hybridDestinations, hybridName, hybridScope, scopeServers } from "../hybrid/scope";
import { isSelfSigned, isSmtpEnabled, statusValid } from "../select/facts";
import type { FixStep, RuleContext, RuleResult } from "./types";
import { defineRule } from "./types";

type Messages = "selfSigned" | "selfSignedName";

/**
 * Hybrid mail flow needs a certificate from a public CA; a self-signed one
 * is not supported and Exchange Online does not trust it (domain F5.1.1,
 * F5.1.2). HealthChecker does not check this.
 */
export default defineRule<Messages>({
  id: "HYBRID_CERT_SELF_SIGNED",
  title: "Hybrid certificate is self-signed",
  severity: "error",
  docs: {
    summary: "The certificate the hybrid configuration names (TlsCertificateName) is self-signed.",
    behaviour:
      "Exchange Online validates the certificate on-premises presents for hybrid mail (its outbound connector with TlsDomain, its inbound connector with TlsSenderCertificateName), so hybrid secure mail needs a certificate from a third-party CA, the same on every hybrid transport server. A self-signed certificate is not supported, and the Hybrid Configuration Wizard only offers certificates whose RootCAType is ThirdParty; one set by hand fails at Exchange Online.",
    fix: "Get a certificate from a public CA for the hybrid namespace, install it with its private key on every hybrid transport server, enable it for SMTP (answer No to the overwrite prompt) and re-run the Hybrid Configuration Wizard choosing it.",
    facts: ["F5.1.1", "F5.1.2", "F5.2.4", "F5.2.5"],
    sources: [
      "https://learn.microsoft.com/en-us/exchange/certificate-requirements",
      "https://learn.microsoft.com/en-us/exchange/hybrid-deployment-prerequisites",
    ],
  },
  messages: {
    selfSigned:
      "The hybrid configuration names {certificate} on {server}, a self-signed certificate. Hybrid mail flow needs a certificate from a public CA: Exchange Online does not trust a self-signed one, and the Hybrid Configuration Wizard only offers third-party certificates.",
    selfSignedName:
      "The hybrid configuration names {name}, whose issuer and subject are the same: a self-signed certificate. Hybrid mail flow needs a certificate from a public CA, which Exchange Online trusts.",
  },
  check(ctx) {
    const name = hybridName(ctx.hybrid);
    if (!ctx.hybrid || name === undefined) return [];
    const results: RuleResult<Messages>[] = [];
    let seen = false;
    for (const server of scopeServers(hybridScope(ctx.hybrid))) {
      const certs = ctx.uniqueCertificatesOn(server);
      const cert = chosenAmong(matching(certs, name));
      if (!cert) continue;
      seen = true;
      if (isSelfSigned(cert) !== true) continue;
      results.push({
        messageId: "selfSigned",
        data: { certificate: certificateLabel(cert), server },
        server,
        thumbprint: cert.thumbprint,
        sources: [cert.source, ctx.hybrid.source],
        fix: fixFor(ctx, certs, server),
      });
    }
    if (!seen && sameDn(name.issuer, name.subject)) {
      results.push({
        messageId: "selfSignedName",
        data: { name: formatTlsCertificateName(name.issuer, name.subject) },
        sources: [ctx.hybrid.source],
        fix: fixFor(ctx, []),
      });
    }
    return results;
  },
});

/**
 * A third-party certificate on the server that covers the hybrid namespace is the one to choose; else get one,
 * copied to `server` (to every hybrid server when the finding names none).
 */
function fixFor(ctx: RuleContext, certs: readonly Certificate[], server?: string): FixStep[] {
  const namespace = ctx.hybrid?.onPremisesSmartHost?.trim();
  const candidate =
    namespace === undefined || namespace === ""
      ? undefined
      : chosenAmong(
          certs.filter(
            (c) =>
              isSelfSigned(c) === false &&
              c.rootCAType?.toLowerCase() === "thirdparty" &&
              c.hasPrivateKey !== false &&
              statusValid(c) !== false &&
              !isExpired(c, ctx.asOf) &&
              certificateNames(c).some((n) => coversName(n, namespace)),
          ),
        );
  if (candidate) {
    const enable = isSmtpEnabled(candidate) === false ? enableSmtp(candidate) : undefined;
    return [
      ...(enable ? [enable] : []),
      {
        ...RERUN_HCW,
        why: `Re-run the Hybrid Configuration Wizard and choose ${certificateLabel(candidate)}, a third-party certificate for ${namespace}.`,
      },
    ];
  }
  if (namespace !== undefined && namespace !== "" && ctx.hybrid !== undefined) {
    return [
      ...newCertificateSteps(
        `Get a certificate from a public CA for the hybrid namespace ${namespace}, for every hybrid transport server`,
        `CN=${namespace}`,
        [namespace],
        hybridDestinations(hybridScope(ctx.hybrid), (s) => ctx.isEdge(s)),
        server,
      ),
      RERUN_HCW,
    ];
  }
  const install: FixStep = {
    phase: "install",
    why: "Get a certificate from a public CA for the hybrid namespace (OnPremisesSmartHost) and install it with its private key on every hybrid transport server; enable it for SMTP, answering No to 'Overwrite the existing default SMTP certificate?'.",
    commands: [],
  };
  return [install, RERUN_HCW];
}
