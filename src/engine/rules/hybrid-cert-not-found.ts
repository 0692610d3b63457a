import type { Certificate } from "../../model/certificate";
import { nearDn, sameDn } from "../../model/distinguished-name";
import { isThumbprint } from "../../model/thumbprint";
import { formatTlsCertificateName } from "../../model/tls-certificate-name";
import { thumb } from "../fix/command";
import { newCertificateSteps } from "../fix/issued-certificate";
import {
  certificateLabel,
  enableSmtp,
  inspectCertificates,
  pfxCopyCommands,
  RERUN_HCW,
  setHybridTlsName,
} from "../fix/steps";
import { chosenAmong, isExpired, matching } from "../hybrid/certificates";
import {
  type HybridScope,
  hybridDestinations,
  hybridName,
  hybridScope,
  isHybridEdge,
  scopeRole,
  scopeServers,
} from "../hybrid/scope";
import { isSmtpEnabled } from "../select/facts";
import type { FixStep, RuleContext, RuleResult } from "./types";
import { defineRule } from "./types";

type Messages = "notFound" | "near" | "renewed" | "notPasted";

type Name = { readonly issuer: string; readonly subject: string };

/**
 * Every sending and receiving (or Edge) server needs a certificate with the
 * hybrid configuration's issuer and subject (domain F5.1.1, 12.5). Servers
 * the hybrid configuration does not name are not judged (HealthChecker's
 * false positives #1931/#1932).
 */
export default defineRule<Messages>({
  id: "HYBRID_CERT_NOT_FOUND",
  title: "Hybrid certificate missing on a hybrid transport server",
  severity: "error",
  docs: {
    summary:
      "The hybrid configuration's TlsCertificateName matches no certificate on one of its sending, receiving or Edge transport servers.",
    behaviour:
      "Hybrid secure mail uses one certificate, named by issuer and subject in Get-HybridConfiguration's TlsCertificateName and written by the Hybrid Configuration Wizard into the Default Frontend and Outbound to Office 365 connectors. Every server in SendingTransportServers, ReceivingTransportServers (or EdgeTransportServers) must hold a certificate with exactly that issuer and subject: where it is missing, the connectors naming it offer no STARTTLS or fail with 454 4.7.5, and the wizard does not offer the certificate. A renewal from another CA changes the issuer, so the old name no longer matches.",
    fix: "Install the hybrid certificate (with its private key) on the server and enable it for SMTP, answering No to the overwrite prompt; or, after a renewal, re-run the Hybrid Configuration Wizard and choose the new certificate so the configuration and the connectors name it.",
    facts: ["F5.1.1", "F5.1.2", "F5.3.2", "F1.2.1", "F4.6", "E7.13", "E7.21", "E7.22"],
    sources: [
      "https://learn.microsoft.com/en-us/exchange/certificate-requirements",
      "https://learn.microsoft.com/en-us/exchange/hybrid-deployment-prerequisites",
      "https://techcommunity.microsoft.com/blog/exchange/tls-certificates-in-exchange-hybrid---common-issues--how-to-fix-them/4420592",
    ],
  },
  messages: {
    notFound:
      "The hybrid configuration names {name}, but none of the certificates pasted for {server} (a {role} server) has that issuer and subject. Hybrid mail through {server} fails: connectors naming the certificate offer no STARTTLS or stop with 454 4.7.5, and the wizard will not offer it. Every hybrid transport server needs a certificate with the same issuer and subject.",
    near: "The hybrid configuration names {name}; on {server} (a {role} server) the closest certificate is {closest}, which differs only in spacing, case or the order of its parts. Exchange compares the strings exactly, so it does not match.",
    renewed:
      "The hybrid configuration names {name}, but {server} (a {role} server) holds {closest}: the same subject from another issuer, as after a renewal from a different CA. Exchange matches issuer and subject exactly, so the hybrid configuration still names the old certificate.",
    notPasted:
      "{server} is a {role} server in the hybrid configuration, but none of its certificates are in the paste, so certflow cannot check that it holds the hybrid certificate {name}. Paste Get-ExchangeCertificate -Server {server} | fl.",
  },
  check(ctx) {
    const name = hybridName(ctx.hybrid);
    if (!ctx.hybrid || name === undefined) return [];
    const scope = hybridScope(ctx.hybrid);
    const value = formatTlsCertificateName(name.issuer, name.subject);
    const results: RuleResult<Messages>[] = [];
    for (const server of scopeServers(scope)) {
      const base = { server, sources: [ctx.hybrid.source] };
      const data = { server, role: scopeRole(scope, server), name: value };
      if (!ctx.hasCertificatesFor(server)) {
        results.push({ ...base, messageId: "notPasted", severity: "info", data, fix: [inspectCertificates(server)] });
        continue;
      }
      const certs = ctx.uniqueCertificatesOn(server);
      if (matching(certs, name).length > 0) continue;
      results.push({ ...base, ...missing(ctx, scope, server, certs, name, data) });
    }
    return results;
  },
});

function missing(
  ctx: RuleContext,
  scope: HybridScope,
  server: string,
  certs: readonly Certificate[],
  name: Name,
  data: Readonly<Record<string, string>>,
): Omit<RuleResult<Messages>, "server" | "sources"> {
  const explains = ctx.evidence(
    (e) =>
      (e.code === "454 4.7.5" && e.facts.tlsError === undefined && scope.sending.length > 0) ||
      (e.type === "hcw-error" && e.code === "RequiredTls"),
  );
  const near = certs.find(
    (c) => c.issuer && c.subject && nearDn(c.issuer, name.issuer) && nearDn(c.subject, name.subject),
  );
  if (near) {
    const set = setHybridTlsName(near);
    return {
      messageId: "near",
      data: { ...data, closest: certificateLabel(near) },
      thumbprint: near.thumbprint,
      fix: [...(set ? [set] : []), RERUN_HCW],
      explains,
    };
  }
  const renewals = certs.filter(
    (c) => c.subject && c.issuer && sameDn(c.subject, name.subject) && !sameDn(c.issuer, name.issuer),
  );
  const usable = chosenAmong(renewals.filter((c) => !isExpired(c, ctx.asOf) && c.hasPrivateKey !== false));
  const renewed = usable ?? chosenAmong(renewals);
  if (renewed) {
    const enable = usable && isSmtpEnabled(usable) === false ? enableSmtp(usable) : undefined;
    return {
      messageId: "renewed",
      data: { ...data, closest: certificateLabel(renewed) },
      thumbprint: renewed.thumbprint,
      fix: usable ? [...(enable ? [enable] : []), RERUN_HCW] : [...renew(ctx, scope, server, renewed), RERUN_HCW],
      explains,
    };
  }
  return {
    messageId: "notFound",
    data,
    fix: [...installHybridCertificate(ctx, scope, server, name), RERUN_HCW],
    explains,
  };
}

/**
 * Copy the certificate from a hybrid server that has a usable one (not expired, with its key); when the others
 * have only expired or keyless ones, a new certificate is needed everywhere; else install it from the CA.
 */
function installHybridCertificate(ctx: RuleContext, scope: HybridScope, server: string, name: Name): FixStep[] {
  const others = scopeServers(scope)
    .filter((s) => s !== server)
    .map((s) => ({ server: s, certs: matching(ctx.uniqueCertificatesOn(s), name) }));
  const donor = others
    .map((o) => ({
      server: o.server,
      cert: chosenAmong(o.certs.filter((c) => !isExpired(c, ctx.asOf) && c.hasPrivateKey !== false)),
    }))
    .find((d) => d.cert !== undefined);
  const stale = others.map((o) => chosenAmong(o.certs)).find((c) => c !== undefined);
  if (donor === undefined && stale !== undefined) return renew(ctx, scope, server, stale);
  const thumbprint = donor?.cert?.thumbprint;
  const edge = (s: string) => isHybridEdge(scope, (d) => ctx.isEdge(d), s);
  // An Edge Transport server's certificates are managed in its own shell: a copy to or from one goes by file.
  const apart = donor !== undefined && (edge(donor.server) || edge(server));
  if (donor?.cert !== undefined && thumbprint !== undefined && isThumbprint(thumbprint) && !apart) {
    return copyCertificate(donor.cert, donor.server, server, thumbprint.toUpperCase());
  }
  const wanted = `the certificate issued by ${name.issuer} to ${name.subject}`;
  const from =
    donor?.cert === undefined
      ? `Install ${wanted} with its private key on ${server} (Import-ExchangeCertificate -Server ${server} from a .pfx)`
      : apart
        ? `Export ${certificateLabel(donor.cert)} with its private key from ${donor.server} to a .pfx file (Export-ExchangeCertificate -BinaryEncoded -Password … -FileName …) and import it on ${server} (Import-ExchangeCertificate -FileData ([System.IO.File]::ReadAllBytes(…)) -Password …), each in that server's own Exchange Management Shell, since an Edge Transport server is out of the other shells' reach`
        : `Export ${certificateLabel(donor.cert)} with its private key from ${donor.server} (Export-ExchangeCertificate) and import the .pfx on ${server} (Import-ExchangeCertificate -Server ${server})`;
  return [
    {
      phase: "install",
      why: `${from}, then enable it for SMTP there, answering No to 'Overwrite the existing default SMTP certificate?'.`,
      commands: [],
    },
  ];
}

/**
 * The same certificate (same thumbprint) on another server: exported with its key into the shell's memory and
 * imported on the server that lacks it, then enabled for SMTP there.
 */
function copyCertificate(cert: Certificate, from: string, to: string, thumbprint: string): FixStep[] {
  const enable = enableSmtp(cert, to);
  return [
    {
      phase: "install",
      why: `Copy ${certificateLabel(cert)} with its private key from ${from} to ${to}: the password protects the exported .pfx until it is imported. Export-ExchangeCertificate fails if the private key was not made exportable; then import the .pfx the certificate came in.`,
      commands: pfxCopyCommands({
        from,
        to,
        thumbprint: thumb(thumbprint),
        prompt: "A password for the exported .pfx",
        password: "PfxPassword",
        pfx: "Pfx",
      }),
    },
    ...(enable ? [enable] : []),
  ];
}

/**
 * The only renewal on the server has expired (or lost its key) too: a new certificate is needed, not the old one
 * back, for every hybrid server.
 */
function renew(ctx: RuleContext, scope: HybridScope, server: string, expired: Certificate): FixStep[] {
  const on = expired.server !== undefined && expired.server !== server ? ` on ${expired.server}` : "";
  const subject = expired.truncated.includes("subject") ? undefined : expired.subject?.trim();
  if (subject !== undefined && subject !== "") {
    const domains = expired.truncated.includes("domains") ? [] : (expired.domains ?? []);
    return newCertificateSteps(
      `Get a new certificate: the existing one, ${certificateLabel(expired)}${on}, is expired or has no private key`,
      subject,
      domains,
      hybridDestinations(scope, (s) => ctx.isEdge(s)),
      server,
    );
  }
  return [
    {
      phase: "install",
      why: `Get a new certificate for the hybrid namespace (${certificateLabel(expired)}${on} is expired or has no private key) and install it with its private key on ${server} and every other hybrid server; enable it for SMTP, answering No to 'Overwrite the existing default SMTP certificate?'.`,
      commands: [],
    },
  ];
}
