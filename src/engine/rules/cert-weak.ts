import type { Certificate } from "../../model/certificate";
import { restoreInternalCertificate } from "../fix/internal-certificate";
import { certificateLabel } from "../fix/steps";
import { referencesOf, sourcesOf } from "./lib/certificates";
import { listText } from "./lib/labels";
import { replaceSteps } from "./lib/renewal";
import type { FixStep, RuleContext, RuleResult } from "./types";
import { defineRule } from "./types";

type Messages = "installed" | "pasted";

/** HealthChecker's minimum for RSA/DSA keys (notes/anchors-mission.md A1). */
const MIN_BITS = 2048;
/** ECC curve sizes: HealthChecker does not size-check ECC keys. */
const ECC_SIZES: ReadonlySet<number> = new Set([256, 384, 521]);
/** md2/md4/md5/sha1 signatures, by Windows display name or OID, as HealthChecker classifies them. */
const WEAK_SIGNATURE =
  /^(?:md2|md4|md5|sha1)(?:RSA|DSA|ECDSA)?$|^1\.2\.840\.113549\.1\.1\.[2-5]$|^1\.2\.840\.10040\.4\.3$|^1\.2\.840\.10045\.4\.1$|^1\.3\.14\.3\.2\.29$/i;
const INTERNAL = "the internal transport certificate";

/**
 * HealthChecker parity (notes/anchors-mission.md A1): an RSA key under 2048
 * bits or an md5/sha1 signature, on every installed certificate, whether a
 * connector uses it or not. Pasted PEM certificates are checked too, except
 * the signature of a self-signed one (a root's self-signature is not checked).
 */
export default defineRule<Messages>({
  id: "CERT_WEAK",
  title: "Certificate has a weak key or signature",
  severity: "warning",
  docs: {
    summary: "A certificate has an RSA key under 2048 bits, or a SHA-1/MD5 signature when the paste shows it.",
    behaviour:
      "HealthChecker reports every Exchange certificate with an RSA or DSA key under 2048 bits (red) and every certificate signed with md2/md4/md5/sha1 (yellow); ECC keys are not size-checked. Exchange itself only refuses keys under 1024 bits for STARTTLS, but peers and public CAs no longer accept such certificates, and a weak certificate in use is a security finding. PublicKeySize is in bits, whatever the cmdlet help says; the signature algorithm appears only in Format-List * output or a pasted PEM certificate.",
    fix: "Replace the certificate with one that has an RSA key of at least 2048 bits (or an ECC key) and a SHA-256 signature; a self-signed internal transport certificate is replaced with a new self-signed one.",
    facts: ["F1.4.2", "F1.5.5", "D8", "F3.1.4"],
    sources: [
      "https://microsoft.github.io/CSS-Exchange/Diagnostics/HealthChecker/",
      "https://learn.microsoft.com/en-us/exchange/plan-and-deploy/post-installation-tasks/security-best-practices/exchange-tls-configuration",
    ],
  },
  messages: {
    installed:
      "{certificate} on {server} has {weaknesses}. HealthChecker flags this on every certificate; it is {usage}.",
    pasted: "The pasted certificate {certificate} has {weaknesses}, which HealthChecker would flag.",
  },
  check(ctx) {
    const results: RuleResult<Messages>[] = [];
    const installed = ctx.installedCertificates();
    const pasted = ctx.inventory.certificates.filter(
      (c) => c.origin === "pem" && !installed.some((i) => i.thumbprint !== undefined && i.thumbprint === c.thumbprint),
    );
    for (const cert of [...installed, ...pasted]) {
      const weaknesses = weaknessesOf(cert);
      if (weaknesses.length === 0) continue;
      const uses = cert.origin === "cmdlet" ? referencesOf(ctx, cert) : [];
      results.push({
        messageId: cert.origin === "cmdlet" ? "installed" : "pasted",
        data: {
          certificate: certificateLabel(cert),
          server: cert.server ?? "the unnamed server",
          weaknesses: listText(weaknesses),
          usage: uses.length > 0 ? `in use (${uses.join("; ")})` : "not used by anything in the paste",
        },
        server: cert.server,
        thumbprint: cert.thumbprint,
        sources: cert.origin === "cmdlet" ? sourcesOf(ctx, cert) : [cert.source],
        fix: fixFor(ctx, cert, uses, weaknesses),
      });
    }
    return results;
  },
});

/** An RSA key under HealthChecker's minimum (ECC keys are far shorter for the same strength). */
function hasWeakKey(cert: Certificate): boolean {
  const bits = cert.publicKeySize;
  return bits !== undefined && bits < MIN_BITS && !ECC_SIZES.has(bits);
}

function weaknessesOf(cert: Certificate): string[] {
  const out: string[] = [];
  const bits = cert.publicKeySize;
  if (hasWeakKey(cert)) {
    out.push(`a ${bits}-bit key (HealthChecker's minimum for RSA keys is 2048 bits)`);
  }
  const algorithm = cert.signatureAlgorithm?.trim();
  const checksSignature = !(cert.origin === "pem" && cert.selfSigned === true);
  if (algorithm && checksSignature && WEAK_SIGNATURE.test(algorithm))
    out.push(`a weak signature algorithm (${algorithm})`);
  return out;
}

function fixFor(
  ctx: RuleContext,
  cert: Certificate,
  uses: readonly string[],
  weaknesses: readonly string[],
): FixStep[] {
  if (uses.length === 0) return [];
  if (uses.every((u) => u === INTERNAL)) return [restoreInternalCertificate(cert.server, undefined)];
  return replaceSteps(ctx, cert, `it has ${listText(weaknesses)}`, hasWeakKey(cert) ? MIN_BITS : undefined);
}
