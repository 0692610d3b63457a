import type { Certificate } from "../../model/certificate";
import type { SendConnector } from "../../model/connector";
import { nearDn, sameDn } from "../../model/distinguished-name";
import type { Evidence } from "../../model/evidence";
import { certificateNames, coversName } from "../../model/hostname";
import { formatTlsCertificateName, parseTlsCertificateName } from "../../model/tls-certificate-name";
import { str } from "../fix/command";
import { certificateLabel, connectorIdentity, RERUN_HCW, setConnectorTlsName } from "../fix/steps";
import { chosenAmong, matching } from "../hybrid/certificates";
import { hybridName, isHybridSendConnector } from "../hybrid/scope";
import { isSelfSigned } from "../select/facts";
import type { FixStep, RuleContext, RuleResult } from "./types";
import { defineRule } from "./types";

type Messages = "noName" | "fqdnSelectsOther" | "differs" | "missing" | "notPasted";

type Name = { readonly issuer: string; readonly subject: string };

/**
 * The "Outbound to Office 365" send connector must present the hybrid
 * certificate from every source server (domain F5.2.3, F5.2.5, 12.5). An
 * empty TlsCertificateName is not a fault by itself when Fqdn selects the
 * right certificate (HealthChecker PR #2234, CSS-Exchange #2035).
 */
export default defineRule<Messages>({
  id: "HYBRID_SEND_TLSNAME",
  title: "Hybrid send connector does not present the hybrid certificate",
  severity: "error",
  docs: {
    summary:
      "The 'Outbound to Office 365' send connector's TlsCertificateName is empty (and its Fqdn does not select the hybrid certificate), differs from the hybrid configuration's, or names a certificate missing on one of its source servers.",
    behaviour:
      "Exchange Online attributes hybrid mail to the organisation by the client certificate on-premises presents, checked against its inbound connector's TlsSenderCertificateName. The wizard sets the send connector's TlsCertificateName to the hybrid certificate. With it empty, each source server picks a certificate by the connector's Fqdn, or by its own internal FQDN when Fqdn is empty too; that is fine only when it selects the right certificate. A TlsCertificateName that matches no certificate on a source server makes mail from that server queue with 454 4.7.5; a wrong certificate gives 550 5.7.51 TenantInboundAttribution or mail treated as external.",
    fix: "Set the send connector's TlsCertificateName to the hybrid certificate's <I>issuer<S>subject (or re-run the Hybrid Configuration Wizard), and install that certificate on every source server.",
    facts: ["F5.2.3", "F5.2.5", "F5.2.6", "F2.1.1", "F2.1.3", "F5.3.3", "E7.13", "E7.16"],
    sources: [
      "https://techcommunity.microsoft.com/blog/exchange/tls-certificates-in-exchange-hybrid---common-issues--how-to-fix-them/4420592",
      "https://microsoft.github.io/CSS-Exchange/Diagnostics/HealthChecker/ExoConnectorCheck/",
      "https://learn.microsoft.com/en-us/powershell/module/exchangepowershell/set-sendconnector",
    ],
  },
  messages: {
    noName:
      "Send connector '{connector}' has no TlsCertificateName, and its Fqdn is empty or not in the paste: then each source server presents a certificate chosen by its own, usually internal, FQDN, and Exchange Online cannot attribute the mail to your organisation by certificate (550 5.7.51 TenantInboundAttribution, or mail treated as external). Paste Get-SendConnector '{connector}' | fl and the certificates of its source servers to check.",
    fqdnSelectsOther:
      "Send connector '{connector}' has no TlsCertificateName; on {server}, {fqdn} selects {presented}{expected}. Exchange Online checks the certificate against its inbound connector's TlsSenderCertificateName, so mail from {server} can fail with 550 5.7.51 TenantInboundAttribution.",
    differs:
      "Send connector '{connector}' names {value}, but the hybrid configuration names {name}: Exchange Online gets another certificate than the wizard configured, and mail can fail with 550 5.7.51 TenantInboundAttribution.",
    missing:
      "Send connector '{connector}' names {value}, but {server}, one of its source servers, has no certificate with that issuer and subject: mail to Exchange Online through {server} queues with 454 4.7.5.",
    notPasted:
      "Send connector '{connector}': TlsCertificateName is not in the paste, so certflow cannot tell which certificate it presents to Exchange Online. Paste Get-SendConnector '{connector}' | fl.",
  },
  check(ctx) {
    const name = hybridName(ctx.hybrid);
    const results: RuleResult<Messages>[] = [];
    for (const c of ctx.inventory.sendConnectors) {
      if (!isHybridSendConnector(c) || c.enabled === false) continue;
      results.push(
        ...checkConnector(ctx, c, name).map((r) => ({
          ...r,
          sources: [c.source, ...(ctx.hybrid ? [ctx.hybrid.source] : [])],
        })),
      );
    }
    return results;
  },
});

function checkConnector(
  ctx: RuleContext,
  c: SendConnector,
  name: Name | undefined,
): Omit<RuleResult<Messages>, "sources">[] {
  const connector = c.name ?? c.identity ?? "(unnamed send connector)";
  const value = c.tlsCertificateName;
  const hybridValue = name ? formatTlsCertificateName(name.issuer, name.subject) : undefined;
  if (value === undefined) {
    return [{ messageId: "notPasted", severity: "info", data: { connector }, connector, fix: [inspectSend(c)] }];
  }
  if (c.truncated.includes("tlsCertificateName")) return [];
  if (value.trim() === "") return emptyName(ctx, c, connector, name);
  const parsed = parseTlsCertificateName(value);
  if (!parsed.ok) return [];
  if (name && hybridValue && !(sameDn(parsed.issuer, name.issuer) && sameDn(parsed.subject, name.subject))) {
    return [
      {
        messageId: "differs",
        data: { connector, value, name: hybridValue },
        connector,
        fix: [...pointAt(ctx, c, name), RERUN_HCW],
        explains: ctx.evidence((e) => e.code === "550 5.7.51"),
      },
    ];
  }
  return missingOnSources(ctx, c, connector, value, parsed);
}

/**
 * Without TlsCertificateName each source server chooses by the connector's
 * Fqdn, or by its own FQDN when Fqdn is empty (the paste shows an empty Fqdn
 * and a missing one alike). The selection decides, where certificates are pasted.
 */
function emptyName(
  ctx: RuleContext,
  c: SendConnector,
  connector: string,
  name: Name | undefined,
): Omit<RuleResult<Messages>, "sources">[] {
  const fqdn = c.fqdn?.trim() ?? "";
  const explains = ctx.evidence((e) => e.code === "550 5.7.51");
  const fix = [...(name ? pointAt(ctx, c, name) : []), RERUN_HCW];
  const judged = ctx.selectionsFor(c).filter((s) => s.server !== undefined && ctx.hasCertificatesFor(s.server));
  if (judged.length === 0) {
    if (fqdn !== "") return [];
    return [
      {
        messageId: "noName",
        severity: "info",
        data: { connector },
        connector,
        fix: [inspectSend(c), ...fix],
        explains,
      },
    ];
  }
  const results: Omit<RuleResult<Messages>, "sources">[] = [];
  for (const selection of judged) {
    const server = selection.server ?? "";
    const cert = selection.certificate;
    const named = fqdn !== "" ? fqdn : (selection.fqdn ?? "");
    if (cert && acceptable(cert, named, name)) continue;
    results.push({
      messageId: "fqdnSelectsOther",
      data: {
        connector,
        server,
        fqdn:
          fqdn !== ""
            ? `its Fqdn ${fqdn}`
            : `with no Fqdn, the server's own name${selection.fqdn ? ` ${selection.fqdn}` : ""}`,
        presented: cert ? certificateLabel(cert) : "no certificate",
        expected: name ? `, not the hybrid certificate ${formatTlsCertificateName(name.issuer, name.subject)}` : "",
      },
      server,
      connector,
      thumbprint: cert?.thumbprint,
      fix,
      explains,
    });
  }
  return results;
}

/** Implicit selection is valid when it lands on the hybrid certificate, or (no hybrid configuration pasted) on a CA certificate for the Fqdn. */
function acceptable(cert: Certificate, fqdn: string, name: Name | undefined): boolean {
  if (name) return matching([cert], name).length > 0;
  return isSelfSigned(cert) === false && certificateNames(cert).some((n) => coversName(n, fqdn));
}

function missingOnSources(
  ctx: RuleContext,
  c: SendConnector,
  connector: string,
  value: string,
  parsed: Name,
): Omit<RuleResult<Messages>, "sources">[] {
  const results: Omit<RuleResult<Messages>, "sources">[] = [];
  for (const server of c.sourceTransportServers ?? []) {
    if (!ctx.hasCertificatesFor(server)) continue;
    const certs = ctx.uniqueCertificatesOn(server);
    if (matching(certs, parsed).length > 0) continue;
    const near = chosenAmong(
      certs.filter(
        (x) => x.issuer && x.subject && nearDn(x.subject, parsed.subject) && nearDn(x.issuer, parsed.issuer),
      ),
    );
    const set = near ? setConnectorTlsName(c, near) : undefined;
    results.push({
      messageId: "missing",
      data: { connector, value, server },
      server,
      connector,
      thumbprint: near?.thumbprint,
      fix: [set ?? installOn(server, parsed), RERUN_HCW],
      explains: ctx.evidence((e: Evidence) => e.code === "454 4.7.5" && e.facts.tlsError === undefined),
    });
  }
  return results;
}

/** Set TlsCertificateName from the hybrid certificate installed on a source server, else from the hybrid value itself. */
function pointAt(ctx: RuleContext, c: SendConnector, name: Name): FixStep[] {
  const installed = (c.sourceTransportServers ?? [])
    .map((s) => chosenAmong(matching(ctx.uniqueCertificatesOn(s), name)))
    .find((cert) => cert !== undefined);
  const fromCert = installed ? setConnectorTlsName(c, installed) : undefined;
  if (fromCert) return [fromCert];
  const identity = connectorIdentity(c);
  if (!identity) return [];
  return [
    {
      phase: "connector",
      why: `Point send connector '${identity}' at the hybrid certificate by its issuer and subject.`,
      commands: [
        {
          cmdlet: "Set-SendConnector",
          identity,
          parameters: [["TlsCertificateName", str(formatTlsCertificateName(name.issuer, name.subject))]],
        },
      ],
    },
  ];
}

function installOn(server: string, name: Name): FixStep {
  return {
    phase: "install",
    why: `Install the certificate issued by ${name.issuer} to ${name.subject} with its private key on ${server} (export it with its key from a server that has it), then enable it for SMTP, answering No to 'Overwrite the existing default SMTP certificate?'.`,
    commands: [],
  };
}

function inspectSend(c: SendConnector): FixStep {
  const identity = connectorIdentity(c);
  return {
    phase: "inspect",
    why: `Paste the send connector${identity ? ` '${identity}'` : ""} with all its properties.`,
    commands: [
      { cmdlet: "Get-SendConnector", ...(identity ? { identity } : {}), parameters: [], pipeTo: "Format-List" },
    ],
  };
}
