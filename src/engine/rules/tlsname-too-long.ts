import type { Certificate } from "../../model/certificate";
import type { Evidence } from "../../model/evidence";
import { certificateNames, coversName } from "../../model/hostname";
import { matchesTlsCertificateName, parseTlsCertificateName } from "../../model/tls-certificate-name";
import { clearConnectorTlsName, INSPECT_HYBRID, inspectCertificates, RERUN_HCW, restartTransport } from "../fix/steps";
import { certificatesFor, type TlsNameValue, tlsNameValues } from "./lib/tls-name-values";
import type { FixStep, RuleContext, RuleResult } from "./types";
import { defineRule } from "./types";

type Messages = "stored" | "planned" | "hcw";

/** rangeUpper of ms-Exch-Smtp-TLS-Certificate, the attribute EdgeSync copies TlsCertificateName into (domain F4.11). */
const MAX_LENGTH = 256;
const ATTRIBUTE = /^msExchSmtpTLSCertificate$/i;

const SHORTER: FixStep = {
  phase: "install",
  why: "Use a certificate whose issuer and subject are shorter (a subject of just CN=<name>, fewer OU/O/L parts), so that <I>issuer<S>subject stays within 256 characters; on Edge servers the alternative is raising rangeUpper of ms-Exch-Smtp-TLS-Certificate in the AD LDS schema to 1024 (KB 4052493).",
  commands: [],
};

/**
 * A TlsCertificateName over 256 characters (domain F4.11, F5.4.3): EdgeSync
 * cannot copy the connector to Edge (mail to Exchange Online then looks
 * external), and the HCW's New-SendConnector can fail with an AD constraint
 * violation on msExchSmtpTLSCertificate (sample 17).
 */
export default defineRule<Messages>({
  id: "TLSNAME_TOO_LONG",
  title: "TlsCertificateName is longer than 256 characters",
  severity: "error",
  docs: {
    summary:
      "A TlsCertificateName (<I>issuer<S>subject) is longer than 256 characters, or the Hybrid Configuration Wizard failed because it was.",
    behaviour:
      "On Edge Transport servers EdgeSync copies each connector's TlsCertificateName into the AD LDS attribute ms-Exch-Smtp-TLS-Certificate, whose upper range is 256: a longer value makes EdgeSync fail ('A value in the request is invalid'), so the Edge connectors keep old settings and mail to Exchange Online loses its internal attribution and shows as external (KB 4052493). Certificates with long organisation DNs (many OU, O and L parts) produce such values, and the Hybrid Configuration Wizard has failed creating the send connector with an Active Directory constraint violation on msExchSmtpTLSCertificate ('len 552').",
    fix: "Use a certificate whose issuer and subject are shorter; or, where the connector's Fqdn is on the certificate, clear TlsCertificateName so the Fqdn selects it; on Edge, the AD LDS schema's rangeUpper can be raised to 1024. Re-run the Hybrid Configuration Wizard afterwards in hybrid setups.",
    facts: ["F4.11", "F5.4.3", "F8.6"],
    sources: [
      "https://learn.microsoft.com/en-us/exchange/troubleshoot/mailflow/email-sent-to-online-appears-external",
      "https://learn.microsoft.com/en-us/exchange/hybrid-deployment/edge-transport-servers",
    ],
  },
  messages: {
    stored:
      "TlsCertificateName of {owner} is {length} characters long, over the 256 characters of the attribute EdgeSync copies it into: EdgeSync cannot copy the connector settings to Edge servers (mail to Exchange Online then shows as external), and the Hybrid Configuration Wizard can fail writing it (AD constraint violation on msExchSmtpTLSCertificate).",
    planned:
      "The pasted command {owner} sets a TlsCertificateName of {length} characters, over the 256 characters of the attribute EdgeSync copies it into: EdgeSync would fail to copy it to Edge servers, and Active Directory may refuse it (constraint violation on msExchSmtpTLSCertificate).",
    hcw: "The Hybrid Configuration Wizard failed{on}: Active Directory refused the value written to {attribute} (length {length}), the attribute behind a connector's TlsCertificateName, while creating the connector. The <I>issuer<S>subject of the certificate chosen in the wizard is too long; choose a certificate with a shorter issuer and subject, or paste Get-HybridConfiguration and Get-ExchangeCertificate to check the value.",
  },
  check(ctx) {
    const results: RuleResult<Messages>[] = [];
    const hcwErrors = ctx.evidence((e) => e.type === "hcw-error" && ATTRIBUTE.test(e.facts.attribute ?? ""));
    for (const v of tlsNameValues(ctx)) {
      if (v.value.length <= MAX_LENGTH) continue;
      const wizard = v.owner.kind === "hybrid" || v.owner.kind === "send";
      results.push({
        messageId: v.owner.kind === "planned" ? "planned" : "stored",
        data: { owner: v.ownerText, length: v.value.length },
        server: v.server,
        connector: v.connector,
        sources: [v.source],
        fix: fixFor(ctx, v),
        explains: wizard ? hcwErrors : [],
      });
    }
    const explained = results.some((r) => (r.explains ?? []).length > 0);
    if (!explained) for (const e of hcwErrors) results.push(evidenceResult(e));
    return results;
  },
});

function evidenceResult(e: Evidence): RuleResult<Messages> {
  return {
    messageId: "hcw",
    data: {
      on: e.facts.server ? ` (log on ${e.facts.server})` : "",
      attribute: e.facts.attribute ?? "msExchSmtpTLSCertificate",
      length: e.facts.length ?? "unknown",
    },
    server: e.facts.server,
    basis: "evidence",
    sources: [e.source],
    fix: [INSPECT_HYBRID, inspectCertificates(undefined), SHORTER, RERUN_HCW],
    explains: [e],
  };
}

function fixFor(ctx: RuleContext, v: TlsNameValue): FixStep[] {
  if (v.owner.kind !== "receive") return [SHORTER, ...(v.owner.kind === "planned" ? [] : [RERUN_HCW])];
  const c = v.owner.connector;
  const named = namedCertificate(ctx, v);
  const fqdn = c.fqdn?.trim();
  if (named === undefined || !fqdn || c.truncated.includes("fqdn")) return [SHORTER];
  const covering = certificatesFor(ctx, v).filter((cert) => certificateNames(cert).some((n) => coversName(n, fqdn)));
  const clear = clearConnectorTlsName(c);
  if (covering.length !== 1 || covering[0] !== named || clear === undefined) return [SHORTER];
  return [clear, restartTransport(c.server, c.transportRole !== "HubTransport")];
}

/** The certificate a well-formed value names on the connector's server, when exactly one does. */
function namedCertificate(ctx: RuleContext, v: TlsNameValue): Certificate | undefined {
  const parsed = parseTlsCertificateName(v.value);
  if (!parsed.ok) return undefined;
  const named = certificatesFor(ctx, v).filter((c) => matchesTlsCertificateName(c, parsed));
  return named.length === 1 ? named[0] : undefined;
}
