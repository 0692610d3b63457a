import type { Certificate } from "../../../model/certificate";
import { ASK_FOR_CERT_LIST, type Direction, type Drop, makeStep, type StepResult } from "../build";
import type { Candidate, SelectionContext } from "../context";
import { filtersOnSmtp, isSmtpEnabled, label, listText, versionText } from "../facts";
import { STEP } from "../step-ids";

/** Key sizes of ECC curves: the 1024-bit minimum (Exchange 2007 'Certificate Use') is an RSA rule. */
const ECC_SIZES: ReadonlySet<number> = new Set([256, 384, 521]);
const SERVER_AUTH = /1\.3\.6\.1\.5\.5\.7\.3\.1\b|server authentication|2\.5\.29\.37\.0|any purpose/i;

/**
 * Eligibility on the Fqdn path (domain F1.1.8, F1.5.5, 12.1): private key,
 * X.509 v3, RSA ≥ 1024 bits, EKU Server Authentication or none; the SMTP
 * service only on Exchange 2007/2010 (D2: on 2013+ it is a finding, not a filter).
 */
export function eligibleStep(
  candidates: readonly Candidate[],
  ctx: SelectionContext,
  direction: Direction,
): StepResult {
  const smtpFilter = filtersOnSmtp(ctx.version);
  const question = smtpFilter
    ? "Is a candidate eligible (private key, X.509 v3, key ≥ 1024 bits, enabled for SMTP)?"
    : "Is a candidate eligible (private key, X.509 v3, key ≥ 1024 bits)?";
  const kept: Candidate[] = [];
  const dropped: Drop[] = [];
  const unknownKey: Candidate[] = [];
  const unknownSmtp: Candidate[] = [];
  const eccLike: Candidate[] = [];
  let ekuDropped = false;
  let smtpDropped: Candidate[] = [];
  for (const c of candidates) {
    const verdict = ineligible(c.cert, smtpFilter ? versionText(ctx.version) : undefined);
    if (verdict !== undefined) {
      if (verdict.rule === "eku") ekuDropped = true;
      if (verdict.rule === "smtp") smtpDropped = [...smtpDropped, c];
      dropped.push({ candidate: c, reason: verdict.reason });
      continue;
    }
    if (c.cert.hasPrivateKey === undefined) unknownKey.push(c);
    if (smtpFilter && isSmtpEnabled(c.cert) === undefined) unknownSmtp.push(c);
    if (c.cert.publicKeySize !== undefined && ECC_SIZES.has(c.cert.publicKeySize)) eccLike.push(c);
    kept.push(c);
  }
  const withoutSmtp = candidates.filter((c) => isSmtpEnabled(c.cert) === false);
  const caveats = [
    unknownKey.length > 0
      ? `HasPrivateKey of ${listText(unknownKey.map((c) => c.key))} is not in the paste; certflow keeps ${unknownKey.length === 1 ? "it" : "them"}, but a certificate without a private key cannot be used. ${ASK_FOR_CERT_LIST}`
      : undefined,
    unknownSmtp.length > 0
      ? `Services of ${listText(unknownSmtp.map((c) => c.key))} are not in the paste; ${versionText(ctx.version)} needs SMTP, certflow keeps ${unknownSmtp.length === 1 ? "it" : "them"}. ${ASK_FOR_CERT_LIST}`
      : undefined,
    eccLike.length > 0
      ? `${listText(eccLike.map((c) => c.key))} ${eccLike.length === 1 ? "has" : "have"} a key size that looks like an ECC key; the 1024-bit minimum is documented for RSA keys (Exchange 2007 'Certificate Use'), so certflow keeps ${eccLike.length === 1 ? "it" : "them"}.`
      : undefined,
    ekuDropped
      ? "MEDIUM: the Enhanced Key Usage rule is documented for Exchange 2007 (Exchange 2007 'Certificate Use') and probably still holds."
      : undefined,
    smtpDropped.length > 0
      ? `The ${versionText(ctx.version)} article lists the SMTP service as required, but whether Exchange really enforces it there is not confirmed (for 2013 and later Microsoft says it is not checked). If it does not, ${listText(smtpDropped.map(label))} would also be ${smtpDropped.length === 1 ? "a candidate" : "candidates"}.`
      : undefined,
    ctx.version === undefined && withoutSmtp.length > 0
      ? `The Exchange version is not in the paste; certflow assumes 2013 or later, where the SMTP service is not a selection filter. On Exchange 2010, ${listText(withoutSmtp.map(label))} would be left out. Paste \`Get-ExchangeServer | fl Name,Fqdn,AdminDisplayVersion\`.`
      : undefined,
  ];
  if (kept.length > 0) {
    return {
      step: makeStep(STEP.eligible, question, "yes", `Eligible: ${listText(kept.map(label))}.`, {
        kept,
        dropped,
        caveats,
      }),
      next: kept,
    };
  }
  const effect =
    direction === "inbound"
      ? "so the connector offers no STARTTLS and Exchange logs event 12014. There is no fallback to the internal transport certificate."
      : "so the connector has no certificate to present.";
  return {
    step: makeStep(STEP.eligible, question, "no", `No candidate is eligible, ${effect}`, { dropped, caveats }),
    next: [],
  };
}

interface Ineligible {
  readonly rule: "key" | "version" | "size" | "eku" | "smtp";
  readonly reason: string;
}

/** `smtpFilterVersion` names the version that filters on SMTP, undefined when it does not. */
function ineligible(cert: Certificate, smtpFilterVersion: string | undefined): Ineligible | undefined {
  if (cert.hasPrivateKey === false) return { rule: "key", reason: "no private key" };
  if (cert.version !== undefined && cert.version < 3) {
    return { rule: "version", reason: `X.509 version ${cert.version} (version 3 is required)` };
  }
  const size = cert.publicKeySize;
  if (size !== undefined && size < 1024 && !ECC_SIZES.has(size)) {
    return { rule: "size", reason: `${size}-bit key (at least 1024 bits is required)` };
  }
  const eku = cert.enhancedKeyUsage;
  if (eku !== undefined && eku.length > 0 && !eku.some((u) => SERVER_AUTH.test(u))) {
    return { rule: "eku", reason: "Enhanced Key Usage lacks Server Authentication (1.3.6.1.5.5.7.3.1)" };
  }
  if (smtpFilterVersion !== undefined && isSmtpEnabled(cert) === false) {
    return { rule: "smtp", reason: `not enabled for SMTP (${smtpFilterVersion} filters on it)` };
  }
  return undefined;
}
