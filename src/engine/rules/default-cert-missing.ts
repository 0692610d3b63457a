import type { Certificate } from "../../model/certificate";
import type { Evidence } from "../../model/evidence";
import type { TransportService } from "../../model/server";
import { isThumbprint, normaliseThumbprint } from "../../model/thumbprint";
import { inspectInternalCertificate, repairInternalCertificate } from "../fix/internal-certificate";
import { certificateLabel } from "../fix/steps";
import { isExpired, ownCertificate, withThumbprint } from "../hybrid/certificates";
import { sameServer } from "../select/context";
import { dateText } from "../select/dates";
import type { FixStep, RuleContext, RuleResult } from "./types";
import { defineRule } from "./types";

type Messages = "empty" | "notInstalled" | "expired" | "event12012" | "event12013" | "event12015" | "event12024";

const EVENTS: Readonly<Record<string, Messages>> = {
  "12012": "event12012",
  "12013": "event12013",
  "12015": "event12015",
  "12024": "event12024",
};

/**
 * The internal transport certificate is missing (empty in AD, or not in the
 * server's store) or expired (domain F2.4.1, F3.3.4, F3.3.5, 12.4). It
 * carries X-ANONYMOUSTLS and Exchange-to-Exchange TLS, Front End to Back End
 * included (F8.7). HealthChecker reports the same red.
 */
export default defineRule<Messages>({
  id: "DEFAULT_CERT_MISSING",
  title: "The internal transport (default SMTP) certificate is missing or expired",
  severity: "error",
  docs: {
    summary:
      "Get-TransportService shows no internal transport certificate, or one whose thumbprint is not installed on the server, or one that has expired.",
    behaviour:
      "Exchange reads the internal transport certificate from Active Directory (msExchServerInternalTLSCert) and loads it from the server's personal store. Empty or unreadable: X-ANONYMOUSTLS is not advertised and event 12012 is logged at service start. Not in the store: event 12013, and mail flow to other Exchange servers can fail (Exchange 2010 fell back to an ephemeral self-signed certificate, event 12024). Expired: event 12015, X-ANONYMOUSTLS is still advertised, but HealthChecker reports it red. The certificate is used between Exchange servers, Front End to Back End and with Edge.",
    fix: "Make a valid certificate the internal transport certificate: the server's own self-signed certificate with Enable-ExchangeCertificate -Server <server> -Thumbprint <t> -Services SMTP -Force when one is installed, else HealthChecker's New-ExchangeCertificate recipe. Recreate the Edge Subscription where Edge servers are involved.",
    facts: ["F2.4.1", "F2.4.4", "F3.1.1", "F3.3.1", "F3.3.2", "F3.3.4", "F3.3.5", "E7.5", "E7.6", "F8.7"],
    sources: [
      "https://learn.microsoft.com/en-us/exchange/mail-flow/mail-routing/inbound-anonymous-tls-certificates-selection",
      "https://microsoft.github.io/CSS-Exchange/Diagnostics/HealthChecker/InternalTransportCertificateCheck/",
      "https://technet.microsoft.com/en-us/library/ff984391(v=exchg.141)",
      "https://technet.microsoft.com/en-us/library/ff985435(v=exchg.141)",
    ],
  },
  messages: {
    empty:
      "{server} has no internal transport certificate: InternalTransportCertificateThumbprint is empty, so Exchange cannot read one from Active Directory. Its receive connectors do not advertise X-ANONYMOUSTLS (event 12012 at service start), and TLS between Exchange servers (Front End to Back End, Mailbox and Edge) has no certificate to use.",
    notInstalled:
      "The internal transport certificate of {server}, {thumbprint}, is not among the {count} certificates pasted for {server}. If that is the server's whole Get-ExchangeCertificate output, the certificate is not installed: Exchange cannot load it from the personal store (event 12013) and mail flow to other Exchange servers can fail.",
    expired:
      "The internal transport certificate of {server}, {certificate}, expired on {date}. Exchange logs event 12015 and still advertises X-ANONYMOUSTLS with it, but HealthChecker reports it red and peers that check dates reject it: make a valid certificate the internal transport certificate.",
    event12012:
      "Event 12012{on}: Exchange could not read the internal transport certificate from Active Directory, so X-ANONYMOUSTLS is not advertised and TLS between Exchange servers has no certificate. Paste Get-TransportService {server} | fl Name,InternalTransportCertificateThumbprint and Get-ExchangeCertificate -Server {server} | fl to see what is configured and installed.",
    event12013:
      "Event 12013{on}: Exchange could not load the internal transport certificate {thumbprint} from the personal store; mail flow to other Exchange servers can fail. Paste Get-TransportService {server} | fl Name,InternalTransportCertificateThumbprint and Get-ExchangeCertificate -Server {server} | fl to see whether it is still installed.",
    event12015:
      "Event 12015{on}: the internal transport certificate {thumbprint} has expired. Exchange still advertises X-ANONYMOUSTLS with it, but it must be replaced. Paste Get-TransportService {server} | fl Name,InternalTransportCertificateThumbprint and Get-ExchangeCertificate -Server {server} | fl for the exact fix.",
    event12024:
      "Event 12024{on}: Exchange could not load the configured internal transport certificate and uses an ephemeral self-signed certificate {thumbprint} meanwhile. Paste Get-TransportService {server} | fl Name,InternalTransportCertificateThumbprint and Get-ExchangeCertificate -Server {server} | fl for the exact fix.",
  },
  check(ctx) {
    const results: RuleResult<Messages>[] = [];
    for (const t of ctx.inventory.transportServices) {
      const result = checkTransportService(ctx, t);
      if (result) results.push(result);
    }
    const explained = new Set(results.flatMap((r) => r.explains ?? []));
    for (const e of ctx.evidence((x) => x.type === "event" && x.code !== undefined && x.code in EVENTS)) {
      if (
        explained.has(e) ||
        ctx.inventory.transportServices.some(
          (t) => e.facts.server === undefined || sameServer(t.server, e.facts.server),
        )
      )
        continue;
      results.push(fromEvent(e));
    }
    return results;
  },
});

function checkTransportService(ctx: RuleContext, t: TransportService): RuleResult<Messages> | undefined {
  const raw = t.internalTransportCertificateThumbprint;
  if (raw === undefined || t.truncated.includes("internalTransportCertificateThumbprint")) return undefined;
  const server = t.server ?? "the unnamed server";
  const certs = ctx.uniqueCertificatesOn(t.server);
  // Built only for a finding: most transport services have their certificate, and the repair is not cheap.
  const base = () => ({ server: t.server, fix: fixFor(ctx, t.server, undefined, certs) });
  if (raw.trim() === "") {
    return {
      ...base(),
      messageId: "empty",
      data: { server },
      sources: [t.source],
      explains: eventsFor(ctx, t.server, ["12012"]),
    };
  }
  const thumbprint = normaliseThumbprint(raw)?.value ?? raw;
  if (!isThumbprint(thumbprint)) return undefined;
  const cert = withThumbprint(certs, thumbprint);
  if (!cert) {
    if (
      !ctx.hasCertificatesFor(t.server) ||
      certs.some((c) => c.thumbprint === undefined || !isThumbprint(c.thumbprint))
    )
      return undefined;
    return {
      ...base(),
      messageId: "notInstalled",
      data: { server, thumbprint, count: certs.length },
      thumbprint,
      sources: [t.source],
      explains: eventsFor(ctx, t.server, ["12013", "12024"], thumbprint),
    };
  }
  if (!isExpired(cert, ctx.asOf)) return undefined;
  return {
    messageId: "expired",
    data: { server, certificate: certificateLabel(cert), date: dateText(cert.notAfter) },
    server: t.server,
    thumbprint: cert.thumbprint,
    sources: [t.source, cert.source],
    fix: fixFor(ctx, t.server, cert, certs),
    explains: eventsFor(ctx, t.server, ["12015"], cert.thumbprint),
  };
}

function eventsFor(
  ctx: RuleContext,
  server: string | undefined,
  codes: readonly string[],
  thumbprint?: string,
): readonly Evidence[] {
  return ctx.evidence(
    (e) =>
      e.type === "event" &&
      e.code !== undefined &&
      codes.includes(e.code) &&
      (e.facts.server === undefined || sameServer(e.facts.server, server)) &&
      (thumbprint === undefined ||
        e.facts.presentedThumbprint === undefined ||
        e.facts.presentedThumbprint === thumbprint),
  );
}

function fixFor(
  ctx: RuleContext,
  server: string | undefined,
  expired: Certificate | undefined,
  certs: readonly Certificate[],
): FixStep[] {
  const own = ownCertificate(
    certs.filter((c) => c !== expired),
    server,
    ctx.asOf,
  );
  return repairInternalCertificate(ctx, server, own);
}

function fromEvent(e: Evidence): RuleResult<Messages> {
  const server = e.facts.server;
  return {
    messageId: EVENTS[e.code ?? ""] ?? "event12012",
    data: {
      on: server ? ` on ${server}` : "",
      server: server ?? "<server>",
      thumbprint: e.facts.presentedThumbprint ?? "(thumbprint not in the paste)",
    },
    server,
    thumbprint: e.facts.presentedThumbprint,
    basis: "evidence",
    sources: [e.source],
    fix: [inspectInternalCertificate(server)],
    explains: [e],
  };
}
