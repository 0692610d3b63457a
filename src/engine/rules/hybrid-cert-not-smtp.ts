import type { Certificate } from "../../model/certificate";
import { sameDn } from "../../model/distinguished-name";
import type { Evidence } from "../../model/evidence";
import { certificateLabel, enableSmtp, inspectCertificates, RERUN_HCW } from "../fix/steps";
import { chosenAmong, matching } from "../hybrid/certificates";
import { hybridName, hybridScope, scopeServers } from "../hybrid/scope";
import { sameServer } from "../select/context";
import { isSmtpEnabled } from "../select/facts";
import type { FixStep, RuleContext, RuleResult } from "./types";
import { defineRule } from "./types";

type Messages = "notSmtp" | "wizardOnly" | "wizardResolved";

/**
 * KB 3058190: the hybrid certificate is installed but not enabled for SMTP,
 * so the transport cannot use its key and the wizard stops with "The Secure
 * Mail Certificate on server X is not bound to the SMTP Service" (domain
 * F5.1.3, F1.1.9). That wizard error pasted alone is explained too.
 */
export default defineRule<Messages>({
  id: "HYBRID_CERT_NOT_SMTP",
  title: "Hybrid certificate not enabled for SMTP",
  severity: "error",
  docs: {
    summary:
      "The certificate the hybrid configuration names is installed on a hybrid transport server but not enabled for the SMTP service.",
    behaviour:
      "Exchange 2013 and later still select a certificate named by TlsCertificateName when it is not enabled for SMTP, but only enabling SMTP gives the transport service (Network Service) read access to its private key, so the TLS handshake with Exchange Online fails. The Hybrid Configuration Wizard checks this first and stops with 'The Secure Mail Certificate on server <server> is not bound to the SMTP Service' (KB 3058190).",
    fix: "Run Enable-ExchangeCertificate -Server <server> -Thumbprint <thumbprint> -Services SMTP on each sending and receiving server, answering No to 'Overwrite the existing default SMTP certificate?', then re-run the Hybrid Configuration Wizard.",
    facts: ["F5.1.3", "F1.1.9", "F3.2.3", "F3.2.4", "E7.15", "E7.22"],
    sources: [
      "https://learn.microsoft.com/en-us/exchange/troubleshoot/hybrid-configuration-wizard-errors/secure-mail-certificate-on-server-is-not-bound-to-smtp-service-error",
      "https://learn.microsoft.com/en-us/exchange/mail-flow/mail-routing/inbound-starttls-certificates-selection",
      "https://learn.microsoft.com/en-us/exchange/troubleshoot/mailflow/outbound-email-messages-are-not-sent",
    ],
  },
  messages: {
    notSmtp:
      "The hybrid certificate {certificate} on {server} is not enabled for SMTP (its services: {services}). Exchange still picks it through TlsCertificateName, but the transport cannot use its private key: TLS with Exchange Online fails, and the Hybrid Configuration Wizard stops with 'The Secure Mail Certificate on server {server} is not bound to the SMTP Service' (KB 3058190).",
    wizardOnly:
      "The Hybrid Configuration Wizard stopped because the certificate chosen for secure mail is not enabled for SMTP on {server} (KB 3058190): the transport cannot use its key, so TLS with Exchange Online would fail. The fix is Enable-ExchangeCertificate -Server {server} -Thumbprint <thumbprint> -Services SMTP (answer No to the overwrite prompt), then re-run the wizard. To get the exact command, paste Get-HybridConfiguration | fl and Get-ExchangeCertificate -Server {server} | fl.",
    wizardResolved:
      "The Hybrid Configuration Wizard reported that the secure mail certificate on {server} is not bound to SMTP, but the pasted certificates show the hybrid certificate {certificate} enabled for SMTP there: if SMTP was enabled after the wizard ran, re-run the wizard.",
  },
  check(ctx) {
    const results: RuleResult<Messages>[] = [];
    const resolved = new Map<string, Certificate>();
    const name = hybridName(ctx.hybrid);
    if (ctx.hybrid && name) {
      const scope = hybridScope(ctx.hybrid);
      for (const server of scopeServers(scope)) {
        if (!ctx.hasCertificatesFor(server)) continue;
        const cert = chosenAmong(matching(ctx.uniqueCertificatesOn(server), name));
        if (!cert) continue;
        const smtp = isSmtpEnabled(cert);
        if (smtp === true) resolved.set(server.toLowerCase(), cert);
        if (smtp !== false) continue;
        results.push(
          notSmtp(
            ctx,
            server,
            cert,
            scope.sending.some((s) => sameServer(s, server)),
          ),
        );
      }
    }
    const explained = new Set(results.flatMap((r) => r.explains ?? []));
    for (const e of wizardErrors(ctx)) {
      if (explained.has(e)) continue;
      const server = e.facts.server;
      const ok = server === undefined ? undefined : resolved.get(server.toLowerCase());
      if (ok) results.push(wizardResolved(ctx, e, ok));
      else if (!hybridConfigDecides(ctx, server)) results.push(wizardOnly(ctx, e));
    }
    return results;
  },
});

function wizardErrors(ctx: RuleContext): readonly Evidence[] {
  return ctx.evidence((e) => e.type === "hcw-error" && e.code === "secure-mail-certificate-not-smtp");
}

/** The wizard's "Updating hybrid configuration failed" line printed right above the KB 3058190 line is the same error. */
function withHeader(ctx: RuleContext, e: Evidence): Evidence[] {
  const header = ctx.evidence(
    (h) => h.type === "hcw-error" && h.code === "hcw-failed" && h.source.endLine + 1 === e.source.startLine,
  );
  return [...header, e];
}

/** The paste shows the hybrid certificate on that server, so configuration findings speak for it. */
function hybridConfigDecides(ctx: RuleContext, server: string | undefined): boolean {
  const name = hybridName(ctx.hybrid);
  if (!ctx.hybrid || !name || server === undefined || !ctx.hasCertificatesFor(server)) return false;
  return scopeServers(hybridScope(ctx.hybrid)).some((s) => sameServer(s, server));
}

function notSmtp(ctx: RuleContext, server: string, cert: Certificate, sends: boolean): RuleResult<Messages> {
  const enable = enableSmtp(cert);
  const services = cert.services === undefined || cert.services.length === 0 ? "None" : cert.services.join(", ");
  return {
    messageId: "notSmtp",
    data: { certificate: certificateLabel(cert), server, services },
    server,
    thumbprint: cert.thumbprint,
    sources: [cert.source, ...(ctx.hybrid ? [ctx.hybrid.source] : [])],
    fix: [...(enable ? [enable] : []), RERUN_HCW],
    explains: [
      ...wizardErrors(ctx)
        .filter((e) => e.facts.server === undefined || sameServer(e.facts.server, server))
        .flatMap((e) => withHeader(ctx, e)),
      ...ctx.evidence(
        (e) =>
          sends &&
          e.code === "UnknownCredentials" &&
          (e.facts.presentedSubject === undefined ||
            (cert.subject !== undefined && sameDn(e.facts.presentedSubject, cert.subject))),
      ),
    ],
  };
}

function wizardResolved(ctx: RuleContext, e: Evidence, cert: Certificate): RuleResult<Messages> {
  const server = e.facts.server ?? cert.server ?? "the server";
  return {
    messageId: "wizardResolved",
    severity: "info",
    data: { server, certificate: certificateLabel(cert) },
    server,
    thumbprint: cert.thumbprint,
    basis: "evidence",
    sources: [e.source, cert.source],
    fix: [RERUN_HCW],
    explains: withHeader(ctx, e),
  };
}

function wizardOnly(ctx: RuleContext, e: Evidence): RuleResult<Messages> {
  const server = e.facts.server;
  const inspect: FixStep = {
    phase: "inspect",
    why: "Paste the hybrid configuration so certflow can tell which certificate the wizard means.",
    commands: [{ cmdlet: "Get-HybridConfiguration", parameters: [], pipeTo: "Format-List" }],
  };
  return {
    messageId: "wizardOnly",
    data: { server: server ?? "the server" },
    server,
    basis: "evidence",
    sources: [e.source],
    fix: [inspect, inspectCertificates(server)],
    explains: withHeader(ctx, e),
  };
}
