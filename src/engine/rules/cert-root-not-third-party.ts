import type { Certificate } from "../../model/certificate";
import { isThumbprint } from "../../model/thumbprint";
import { str, thumb } from "../fix/command";
import { certificateLabel } from "../fix/steps";
import { matching, uniqueCertificates } from "../hybrid/certificates";
import { hybridName } from "../hybrid/scope";
import { isSelfSigned } from "../select/facts";
import type { FixStep, RuleResult } from "./types";
import { defineRule } from "./types";

type Messages = "root" | "hybridRoot";

const ACCEPTED = new Set(["thirdparty", "enterprise"]);

const MEANING: Readonly<Record<string, string>> = {
  registry:
    "Windows did not find its root among the trusted roots the way Exchange expects (Registry is what Exchange's own self-signed certificates show)",
  grouppolicy:
    "its root is trusted only because a Group Policy distributes it, so peers outside the organisation do not trust it",
  unknown: "Exchange could not work out which root it chains to (a missing intermediate or root)",
  none: "Exchange sees no root for it",
};

/**
 * A CA-issued certificate whose RootCAType is not ThirdParty/Enterprise: its
 * chain does not end in a root the server trusts the usual way. The Hybrid
 * Configuration Wizard only offers ThirdParty certificates (domain F5.1.2).
 */
export default defineRule<Messages>({
  id: "CERT_ROOT_NOT_THIRD_PARTY",
  title: "CA-issued certificate does not chain to a trusted third-party root",
  severity: "warning",
  docs: {
    summary:
      "A certificate issued by a CA shows RootCAType other than ThirdParty or Enterprise (Registry, GroupPolicy, Unknown, None).",
    behaviour:
      "Get-ExchangeCertificate's RootCAType says where the certificate's root was found: ThirdParty for a root in the Trusted Root Certification Authorities store, Enterprise for an Active Directory enterprise CA. A public certificate showing Registry or Unknown usually lacks its intermediate or root in the server's stores. The Hybrid Configuration Wizard lists only certificates whose RootCAType is ThirdParty, so such a certificate is not offered for hybrid secure mail, and validating peers may fail to build its chain.",
    fix: "Install the issuing CA's intermediate certificate(s) in the Local Computer 'Intermediate Certification Authorities' store and its root in 'Trusted Root Certification Authorities' (from the CA's download page), then check that Get-ExchangeCertificate shows RootCAType ThirdParty.",
    facts: ["F5.1.2", "F6.2.2", "F6.2.3", "E7.22"],
    sources: [
      "https://learn.microsoft.com/en-us/exchange/troubleshoot/administration/missing-certificate-on-the-last-page-of-hybrid-configuration-wizard",
      "https://mattallford.com/2016/february/exchange-2013-hybrid-mail-pending-rootcatype-certificate-issues/",
      "https://learn.microsoft.com/en-us/powershell/module/exchangepowershell/get-exchangecertificate",
    ],
  },
  messages: {
    root: "{certificate} on {server} is issued by a CA, but its RootCAType is {rootCAType}: {meaning}. Validating peers may not build its chain, and the Hybrid Configuration Wizard would not offer it.",
    hybridRoot:
      "{certificate} on {server} is the hybrid certificate, but its RootCAType is {rootCAType}: {meaning}. The Hybrid Configuration Wizard only offers certificates whose RootCAType is ThirdParty, so it cannot be chosen for secure mail until its chain is installed.",
  },
  check(ctx) {
    const name = hybridName(ctx.hybrid);
    const results: RuleResult<Messages>[] = [];
    for (const cert of uniqueCertificates(ctx.inventory.certificates)) {
      const root = cert.rootCAType?.trim();
      if (root === undefined || root === "" || ACCEPTED.has(root.toLowerCase())) continue;
      if (isSelfSigned(cert) !== false || cert.status?.trim().toLowerCase() === "pendingrequest") continue;
      const hybrid = name !== undefined && matching([cert], name).length > 0;
      results.push({
        messageId: hybrid ? "hybridRoot" : "root",
        severity: hybrid ? "error" : "warning",
        data: {
          certificate: certificateLabel(cert),
          server: cert.server ?? "the unnamed server",
          rootCAType: root,
          meaning: MEANING[root.toLowerCase()] ?? "its chain does not end in a root Exchange counts as third-party",
        },
        server: cert.server,
        thumbprint: cert.thumbprint,
        sources: [cert.source],
        fix: [installChain(cert)],
      });
    }
    return results;
  },
});

/** What to install is the CA's own download: certflow cannot name the files, only where they go and how to check. */
function installChain(cert: Certificate): FixStep {
  const where = cert.server ? ` on ${cert.server}` : "";
  const issuer = cert.issuer ? ` (${cert.issuer})` : "";
  const check =
    cert.thumbprint !== undefined && isThumbprint(cert.thumbprint)
      ? [
          {
            cmdlet: "Get-ExchangeCertificate" as const,
            parameters: [
              ...(cert.server ? [["Server", str(cert.server)] as const] : []),
              ["Thumbprint", thumb(cert.thumbprint.toUpperCase())] as const,
            ],
            pipeTo: "Format-List" as const,
          },
        ]
      : [];
  return {
    phase: "install",
    why: `Install the chain of ${certificateLabel(cert)}${where}: the issuing CA's intermediate certificate(s)${issuer} in Local Computer > Intermediate Certification Authorities and its root in Trusted Root Certification Authorities, taken from the CA's download page. Then RootCAType should read ThirdParty.`,
    commands: check,
  };
}
