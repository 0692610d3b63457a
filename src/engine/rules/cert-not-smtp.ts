import type { Certificate } from "../../model/certificate";
import { dnKey, sameDn } from "../../model/distinguished-name";
import type { Evidence } from "../../model/evidence";
import { certificateLabel, enableSmtp, inspectCertificates, OVERWRITE_WARNING } from "../fix/steps";
import { filtersOnSmtp, isAuthCertificate, isSmtpEnabled, versionText } from "../select/facts";
import { STEP } from "../select/step-ids";
import { byServer, referencesOf, sourcesOf } from "./lib/certificates";
import { serverText } from "./lib/labels";
import type { RuleContext, RuleResult } from "./types";
import { defineRule } from "./types";

type Messages = "selected" | "filtered" | "log" | "logNoSubject";

const HYBRID_ONLY = "named by the hybrid configuration";

interface Affected {
  readonly cert: Certificate;
  /**
   * In the order found. A set, not a list searched before each addition: a certificate named by hundreds of send
   * connectors has hundreds of reasons, and the search made this rule quadratic in the organisation's size.
   */
  readonly reasons: Set<string>;
  /** Log entries in the order found; a set for the same reason: a pasted log holds thousands. */
  readonly explains: Set<Evidence>;
}

/**
 * A certificate that is referenced (or the only one covering a connector's
 * FQDN) but not enabled for SMTP (domain F1.1.9, D2): Exchange 2013+ still
 * selects it and the handshake fails because the transport service has no
 * access to its key; outbound it fails with UnknownCredentials (E7.15,
 * sample 16). The hybrid certificate alone is HYBRID_CERT_NOT_SMTP's.
 */
export default defineRule<Messages>({
  id: "CERT_NOT_SMTP",
  title: "Certificate in use is not enabled for SMTP",
  severity: "error",
  docs: {
    summary:
      "A certificate a connector uses (or the only one covering a connector's FQDN) is not enabled for the SMTP service.",
    behaviour:
      "Enabling a certificate for SMTP is what grants the transport service (Network Service) read access to its private key. Exchange 2013 and later do not check the SMTP assignment when they choose a certificate, by TlsCertificateName or by FQDN: they select it anyway and the TLS handshake then fails. Outbound, the send protocol log shows 'TLS negotiation failed with error UnknownCredentials' and the queue a misleading '421 4.4.1 Connection timed out' (KB 4051498). Exchange 2007 and 2010 leave such a certificate out instead, so the connector has none.",
    fix: "Enable the certificate for SMTP with Enable-ExchangeCertificate -Services SMTP (existing services stay) and answer No when asked to overwrite the default SMTP certificate.",
    facts: ["F1.1.9", "D2", "E7.15", "F3.2.3", "F1.3.1"],
    sources: [
      "https://learn.microsoft.com/en-us/exchange/mail-flow/mail-routing/inbound-starttls-certificates-selection",
      "https://learn.microsoft.com/en-us/exchange/troubleshoot/mailflow/outbound-email-messages-are-not-sent",
      "https://techcommunity.microsoft.com/blog/exchange/tls-certificates-in-exchange-hybrid---common-issues--how-to-fix-them/4420592",
    ],
  },
  messages: {
    selected:
      "{certificate} on {server} is not enabled for SMTP (Services: {services}), yet {reasons}. Exchange 2013 and later still use it, and the TLS handshake fails because the transport service cannot read its private key: inbound sessions fail after STARTTLS, outbound TLS fails with UnknownCredentials (KB 4051498).",
    filtered:
      "{certificate} on {server} is not enabled for SMTP (Services: {services}), yet {reasons}. {version} leaves a certificate without SMTP out, so the connector has no certificate for it.",
    log: "The pasted send log shows {connector} presenting {subject} (issued by {issuer}) and TLS failing with UnknownCredentials: that certificate is not enabled for SMTP, so the transport service cannot read its private key (KB 4051498); the queue's '421 4.4.1 Connection timed out' is a side effect. Paste Get-ExchangeCertificate | fl from the connector's source servers to find its thumbprint, then enable it for SMTP.",
    logNoSubject:
      "The pasted log shows TLS failing with UnknownCredentials: the certificate Exchange presented is not enabled for SMTP, so the transport service cannot read its private key (KB 4051498). Paste the send protocol log lines with 'Certificate subject' and Get-ExchangeCertificate | fl to find it, then enable it for SMTP.",
  },
  check(ctx) {
    const unknownCredentials = ctx.evidence((e) => e.code === "UnknownCredentials");
    const anonymous = unknownCredentials.filter((e) => !showsCertificate(e));
    const affected = new Map<Certificate, Affected>();
    /** `entry`, from a log: with it the entries that name no certificate, once, after the first that names this one. */
    const add = (cert: Certificate, reason: string, entry?: Evidence) => {
      let found = affected.get(cert);
      if (found === undefined) {
        found = { cert, reasons: new Set(), explains: new Set() };
        affected.set(cert, found);
      }
      found.reasons.add(reason);
      if (entry === undefined || found.explains.has(entry)) return;
      const first = found.explains.size === 0;
      found.explains.add(entry);
      if (first) for (const e of anonymous) found.explains.add(e);
    };
    const installed = ctx.installedCertificates();
    const installedOn = byServer(installed);
    for (const cert of installed) {
      if (isSmtpEnabled(cert) !== false || isAuthCertificate(cert)) continue;
      const uses = referencesOf(ctx, cert);
      if (uses.length === 0 || uses.every((u) => u === HYBRID_ONLY)) continue;
      for (const use of uses) if (use !== HYBRID_ONLY) add(cert, `it is ${use}`);
    }
    for (const selection of ctx.selections) {
      const match = selection.steps.find((s) => s.id === STEP.fqdnMatch);
      if (match?.outcome !== "yes") continue;
      const kept = new Set(match.kept);
      const covering = installedOn(selection.server).filter(
        (c) => c.thumbprint !== undefined && kept.has(c.thumbprint),
      );
      if (covering.length === 0 || !covering.every((c) => isSmtpEnabled(c) === false)) continue;
      for (const cert of covering)
        add(cert, `it is the only certificate covering ${selection.fqdn ?? "the FQDN"} of ${selection.connector}`);
    }
    const presented = presentedCertificates(installed);
    const unmatched: Evidence[] = [];
    let matched = false;
    for (const e of unknownCredentials.filter(showsCertificate)) {
      const cert = presented(e);
      if (cert === undefined) {
        unmatched.push(e);
        continue;
      }
      matched = true;
      if (isSmtpEnabled(cert) === false)
        add(cert, `the pasted log shows ${e.facts.connector ?? "a send connector"} presenting it`, e);
    }
    const results: RuleResult<Messages>[] = [...affected.values()].map((a) => resultFor(ctx, a));
    if (unmatched.length > 0 || !matched) results.push(...fromLogs(ctx, unmatched, matched ? [] : anonymous));
    return results;
  },
});

function resultFor(ctx: RuleContext, { cert, reasons, explains }: Affected): RuleResult<Messages> {
  const version = ctx.versionOf(cert.server);
  const enable = enableSmtp(cert);
  const queue = explains.size > 0 ? ctx.evidence((e) => e.code === "451 4.4.0") : [];
  return {
    messageId: filtersOnSmtp(version) ? "filtered" : "selected",
    data: {
      certificate: certificateLabel(cert),
      server: serverText(cert.server),
      services: cert.services?.length ? cert.services.join(", ") : "None",
      reasons: [...reasons].join("; "),
      version: versionText(version),
    },
    server: cert.server,
    thumbprint: cert.thumbprint,
    sources: [...sourcesOf(ctx, cert), ...Array.from(explains, (e) => e.source)],
    fix: enable ? [enable] : [inspectCertificates(cert.server)],
    explains: [...explains, ...queue],
  };
}

/**
 * The installed certificate a log entry shows: by whole thumbprint, else by subject and issuer; the first in the
 * inventory's order. Indexed once: a pasted log holds thousands of entries, and each searched every certificate.
 */
function presentedCertificates(installed: readonly Certificate[]): (e: Evidence) => Certificate | undefined {
  const byThumbprint = new Map<string, Certificate>();
  const bySubject = new Map<string, Certificate[]>();
  for (const c of installed) {
    if (c.thumbprint !== undefined && !byThumbprint.has(c.thumbprint)) byThumbprint.set(c.thumbprint, c);
    if (c.subject === undefined) continue;
    const key = dnKey(c.subject);
    const same = bySubject.get(key);
    if (same === undefined) bySubject.set(key, [c]);
    else same.push(c);
  }
  return (e) => {
    const { presentedThumbprint, presentedSubject, presentedIssuer } = e.facts;
    if (presentedThumbprint !== undefined) return byThumbprint.get(presentedThumbprint);
    if (presentedSubject === undefined) return undefined;
    return bySubject
      .get(dnKey(presentedSubject))
      ?.find((c) => presentedIssuer === undefined || (c.issuer !== undefined && sameDn(c.issuer, presentedIssuer)));
  };
}

function showsCertificate(e: Evidence): boolean {
  return e.facts.presentedThumbprint !== undefined || e.facts.presentedSubject !== undefined;
}

/**
 * One evidence finding per certificate the logs name that the paste does not
 * list; entries naming no certificate join the first (or stand alone when no
 * entry names one). A listed certificate with SMTP means another cause.
 */
function fromLogs(
  ctx: RuleContext,
  entries: readonly Evidence[],
  anonymous: readonly Evidence[],
): RuleResult<Messages>[] {
  if (entries.length === 0 && anonymous.length === 0) return [];
  const groups = new Map<string, Evidence[]>();
  for (const e of entries) {
    const key = (e.facts.presentedSubject ?? e.facts.presentedThumbprint ?? "").toLowerCase();
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [e]);
    else group.push(e);
  }
  const named = [...groups.entries()];
  const queue = ctx.evidence((e) => e.code === "451 4.4.0");
  const fix = [
    inspectCertificates(undefined),
    {
      phase: "enable" as const,
      why: "Enable the certificate the log names for SMTP on every source server of the connector: Enable-ExchangeCertificate -Server <server> -Thumbprint <its thumbprint> -Services SMTP.",
      commands: [],
      warning: OVERWRITE_WARNING,
    },
  ];
  if (named.length === 0) {
    return [
      {
        messageId: "logNoSubject",
        basis: "evidence",
        sources: anonymous.map((e) => e.source),
        fix,
        explains: [...anonymous, ...queue],
      },
    ];
  }
  return named.map(([, group], i) => {
    const first = group.find((e) => e.facts.presentedSubject) ?? group[0];
    const explains = i === 0 ? [...group, ...anonymous, ...queue] : group;
    return {
      messageId: "log",
      data: {
        connector: first?.facts.connector ? `'${first.facts.connector}'` : "a send connector",
        subject: first?.facts.presentedSubject ?? first?.facts.presentedThumbprint ?? "a certificate",
        issuer: first?.facts.presentedIssuer ?? "an issuer not in the log",
      },
      connector: first?.facts.connector,
      basis: "evidence",
      sources: explains.map((e) => e.source),
      fix,
      explains,
    };
  });
}
