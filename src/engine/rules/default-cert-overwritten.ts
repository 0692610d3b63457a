import type { Certificate } from "../../model/certificate";
import type { Evidence } from "../../model/evidence";
import type { TransportService } from "../../model/server";
import { isThumbprint } from "../../model/thumbprint";
import { inspectInternalCertificate, repairInternalCertificate } from "../fix/internal-certificate";
import { certificateLabel } from "../fix/steps";
import { isServerOwnCertificate, ownCertificate, withThumbprint } from "../hybrid/certificates";
import { sameServer } from "../select/context";
import { isAuthCertificate, isSelfSigned } from "../select/facts";
import type { RuleContext, RuleResult } from "./types";
import { defineRule } from "./types";

type Messages = "overwritten" | "edgeSyncCapi";

/**
 * The internal transport ("default SMTP") certificate is not the
 * self-signed one Exchange created for the server — usually after someone
 * answered Yes to "Overwrite the existing default SMTP certificate?"
 * (domain F3.2, 12.4). Mail keeps flowing, but EdgeSync and the Edge
 * Subscription depend on it.
 */
export default defineRule<Messages>({
  id: "DEFAULT_CERT_OVERWRITTEN",
  title: "The default SMTP certificate was replaced by another certificate",
  severity: "warning",
  docs: {
    summary:
      "The internal transport certificate (Get-TransportService InternalTransportCertificateThumbprint) is not the self-signed CN=<server> certificate Exchange created.",
    behaviour:
      "Each transport server has one internal transport certificate, used for X-ANONYMOUSTLS and direct trust between Exchange servers and with Edge. Enabling another certificate for SMTP asks 'Overwrite the existing default SMTP certificate?'; Yes (or -Force) makes it the internal transport certificate. The Edge Subscription and EdgeSync then hold the old one until the subscription is recreated, and a CA certificate that lasts about a year forces that again at every renewal, where the self-signed one lasts five years. EdgeSync also needs a CAPI certificate, so a CNG certificate made the default stops it (event 1035). Microsoft's guidance is to answer No.",
    fix: "Make the server's own self-signed certificate the default again with Enable-ExchangeCertificate -Server <server> -Thumbprint <self-signed> -Services SMTP -Force (here Yes is intended); if none is installed, create one with HealthChecker's New-ExchangeCertificate recipe. Recreate the Edge Subscription where Edge servers are involved and re-run the Hybrid Configuration Wizard in hybrid setups. The CA certificate keeps SMTP for the connectors that use it.",
    facts: ["F3.1.1", "F3.1.4", "F3.2.1", "F3.2.4", "F3.2.5", "F3.3.1", "F3.3.2", "F3.3.3", "D6"],
    sources: [
      "https://learn.microsoft.com/en-us/exchange/architecture/client-access/assign-certificates-to-services",
      "https://learn.microsoft.com/en-us/exchange/architecture/edge-transport-servers/edge-subscriptions",
      "https://techcommunity.microsoft.com/blog/exchange/tls-certificates-in-exchange-hybrid---common-issues--how-to-fix-them/4420592",
      "https://microsoft.github.io/CSS-Exchange/Diagnostics/HealthChecker/InternalTransportCertificateCheck/",
      "https://blog.rmilne.ca/2021/04/26/should-i-overwrite-the-default-exchange-smtp-certificate/",
    ],
  },
  messages: {
    overwritten:
      "The internal transport (default SMTP) certificate of {server} is {certificate}{reason}, not the self-signed certificate Exchange created for the server. It is the certificate of X-ANONYMOUSTLS and of direct trust with other Exchange servers and Edge: EdgeSync keeps it in the Edge Subscription, so replacing it breaks EdgeSync until the subscription is recreated, and a CA certificate (about a year, against five years for the self-signed one) forces that again at every renewal. This usually means someone answered Yes to 'Overwrite the existing default SMTP certificate?'.",
    edgeSyncCapi:
      "Event 1035{on}: EdgeSync stopped because the default (internal transport) certificate {thumbprint} is not a CAPI certificate. A CNG certificate was made the default SMTP certificate, which the self-signed certificate Exchange creates never is. Paste Get-TransportService {server} | fl Name,InternalTransportCertificateThumbprint and Get-ExchangeCertificate -Server {server} | fl to see which one it is.",
  },
  check(ctx) {
    const results: RuleResult<Messages>[] = [];
    for (const t of ctx.inventory.transportServices) {
      const result = checkTransportService(ctx, t);
      if (result) results.push(result);
    }
    const explained = new Set(results.flatMap((r) => r.explains ?? []));
    for (const e of ctx.evidence((x) => x.type === "event" && x.code === "1035")) {
      if (explained.has(e) || hasTransportServiceFor(ctx, e.facts.server)) continue;
      results.push(fromEvent(e));
    }
    return results;
  },
});

function checkTransportService(ctx: RuleContext, t: TransportService): RuleResult<Messages> | undefined {
  const thumbprint = t.internalTransportCertificateThumbprint;
  if (!thumbprint || !isThumbprint(thumbprint) || t.truncated.includes("internalTransportCertificateThumbprint"))
    return undefined;
  const certs = ctx.uniqueCertificatesOn(t.server);
  const cert = withThumbprint(certs, thumbprint);
  if (!cert) return undefined;
  const reason = notOwnReason(cert, t.server);
  if (reason === undefined) return undefined;
  const server = t.server ?? "the unnamed server";
  return {
    messageId: "overwritten",
    data: { server, certificate: certificateLabel(cert), reason },
    server: t.server,
    thumbprint: cert.thumbprint,
    sources: [t.source, cert.source],
    fix: repairInternalCertificate(ctx, t.server, ownCertificate(certs, t.server, ctx.asOf)),
    explains: ctx.evidence(
      (e) =>
        e.type === "event" &&
        e.code === "1035" &&
        (e.facts.presentedThumbprint === undefined || e.facts.presentedThumbprint === cert.thumbprint) &&
        (e.facts.server === undefined || sameServer(e.facts.server, t.server)),
    ),
  };
}

/** Why this is not the server's own certificate, as a phrase after its label; undefined when it is (or the paste cannot tell). */
function notOwnReason(cert: Certificate, server: string | undefined): string | undefined {
  if (isAuthCertificate(cert)) return ", the Exchange Server Auth (OAuth) certificate";
  if (isSelfSigned(cert) === false) return cert.issuer ? `, issued by ${cert.issuer}` : ", a CA-issued certificate";
  if (isServerOwnCertificate(cert, server) === false) return `, whose subject is not CN=${server ?? "<server>"}`;
  return undefined;
}

function hasTransportServiceFor(ctx: RuleContext, server: string | undefined): boolean {
  return ctx.inventory.transportServices.some((t) => server === undefined || sameServer(t.server, server));
}

function fromEvent(e: Evidence): RuleResult<Messages> {
  const server = e.facts.server;
  return {
    messageId: "edgeSyncCapi",
    data: {
      on: server ? ` on ${server}` : "",
      thumbprint: e.facts.presentedThumbprint ?? "(thumbprint not in the paste)",
      server: server ?? "<server>",
    },
    server,
    thumbprint: e.facts.presentedThumbprint,
    basis: "evidence",
    sources: [e.source],
    fix: [inspectInternalCertificate(server)],
    explains: [e],
  };
}
