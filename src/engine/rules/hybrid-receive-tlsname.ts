import type { Certificate } from "../../model/certificate";
import type { ReceiveConnector } from "../../model/connector";
import { sameDn } from "../../model/distinguished-name";
import { formatTlsCertificateName, parseTlsCertificateName } from "../../model/tls-certificate-name";
import { str } from "../fix/command";
import { certificateLabel, connectorIdentity, RERUN_HCW, restartTransport, setConnectorTlsName } from "../fix/steps";
import { chosenAmong, matching } from "../hybrid/certificates";
import {
  CLOUD_CAPABILITY_VALUE,
  hasExoCloudCapability,
  hybridName,
  hybridScope,
  isEdgeInScope,
  isHybridReceiveConnector,
  receivingServerIn,
} from "../hybrid/scope";
import type { Selection } from "../select/types";
import type { FixStep, RuleContext, RuleResult } from "./types";
import { defineRule } from "./types";

type Messages = "empty" | "emptyWorks" | "differs" | "capabilities" | "notPasted";

type Name = { readonly issuer: string; readonly subject: string };

/**
 * The receive connector Exchange Online delivers to on each receiving server
 * must name the hybrid certificate (domain F5.2.1, F5.2.5, 12.5): HCW leaves
 * its Fqdn at the server name and relies on TlsCertificateName. A server left
 * out gives intermittent SubjectMismatch from Exchange Online.
 */
export default defineRule<Messages>({
  id: "HYBRID_RECEIVE_TLSNAME",
  title: "Hybrid receive connector does not name the hybrid certificate",
  severity: "error",
  docs: {
    summary:
      "On a receiving (or Edge) server of the hybrid configuration, the 'Default Frontend' receive connector's TlsCertificateName is empty or differs from Get-HybridConfiguration's.",
    behaviour:
      "The Hybrid Configuration Wizard sets TlsCertificateName on 'Default Frontend <server>' of every receiving server to the hybrid certificate and leaves its Fqdn at the server's own name, together with TlsDomainCapabilities mail.protection.outlook.com:AcceptCloudServicesMail. Without TlsCertificateName the connector picks a certificate by its Fqdn, usually the server's self-signed one, and Exchange Online's outbound connector, which validates the certificate against its TlsDomain, defers mail with 450 4.4.317 SubjectMismatch — intermittently when only some servers are configured. A different name selects another certificate, or none (no STARTTLS).",
    fix: "Set the connector's TlsCertificateName to the hybrid certificate's <I>issuer<S>subject on every receiving server (or re-run the Hybrid Configuration Wizard), and restart the Front End Transport service.",
    facts: ["F5.2.1", "F5.2.2", "F5.2.5", "F5.3.3", "F4.6", "E7.11", "F1.1.5"],
    sources: [
      "https://techcommunity.microsoft.com/blog/exchange/tls-certificates-in-exchange-hybrid---common-issues--how-to-fix-them/4420592",
      "https://xostmoen.wordpress.com/2017/11/08/450-4-7-320-certificate-validation-failed/",
      "https://microsoft.github.io/CSS-Exchange/Diagnostics/HealthChecker/CloudConnectorCheck/",
      "https://learn.microsoft.com/en-us/powershell/module/exchangepowershell/set-receiveconnector",
    ],
  },
  messages: {
    empty:
      "'{connector}' on {server} receives mail from Exchange Online but has no TlsCertificateName: it picks its certificate by its FQDN {fqdn} and presents {presented}, not the hybrid certificate {name}. Exchange Online validates the certificate it gets against its outbound connector's TlsDomain and defers mail with 450 4.4.317 SubjectMismatch (only some messages when other servers are configured).{capabilities}",
    emptyWorks:
      "'{connector}' on {server} has no TlsCertificateName; today its FQDN {fqdn} happens to select the hybrid certificate {presented}, but the hybrid configuration (and the wizard) expect TlsCertificateName {name}: another certificate covering {fqdn}, or a renewal, changes what Exchange Online gets.{capabilities}",
    differs:
      "'{connector}' on {server} names {value}, but the hybrid configuration names {name}: {outcome}{capabilities}",
    capabilities:
      "'{connector}' on {server} names the hybrid certificate, but its TlsDomainCapabilities ({current}) lack mail.protection.outlook.com:AcceptCloudServicesMail: mail from Exchange Online is not accepted as authenticated cross-premises mail and can appear as external.",
    notPasted:
      "'{connector}' on {server}: TlsCertificateName is not in the paste, so certflow cannot compare it with the hybrid configuration's {name}. Paste Get-ReceiveConnector -Server {server} | fl.",
  },
  check(ctx) {
    const name = hybridName(ctx.hybrid);
    if (!ctx.hybrid || name === undefined) return [];
    const scope = hybridScope(ctx.hybrid);
    const receivingServer = receivingServerIn(scope);
    const results: RuleResult<Messages>[] = [];
    for (const c of ctx.inventory.receiveConnectors) {
      const server = receivingServer(c.server);
      if (server === undefined || ctx.versionOf(server) === "2010") continue;
      if (!isHybridReceiveConnector(c, isEdgeInScope(scope, server) || ctx.isEdge(server) === true)) continue;
      const result = checkConnector(ctx, c, server, name);
      if (result) results.push({ ...result, sources: [c.source, ctx.hybrid.source] });
    }
    return results;
  },
});

function checkConnector(
  ctx: RuleContext,
  c: ReceiveConnector,
  server: string,
  name: Name,
): Omit<RuleResult<Messages>, "sources"> | undefined {
  const connector = c.name ?? connectorIdentity(c) ?? "(unnamed connector)";
  const hybridValue = formatTlsCertificateName(name.issuer, name.subject);
  const base = { server, connector };
  const data = { connector, server, name: hybridValue, capabilities: capabilitiesNote(c) };
  const value = c.tlsCertificateName;
  if (value === undefined) {
    return { ...base, messageId: "notPasted", severity: "info", data, fix: [inspectReceive(server)] };
  }
  if (c.truncated.includes("tlsCertificateName")) return undefined;
  const selection = ctx.selectionsFor(c)[0];
  const hybridCert = chosenAmong(matching(ctx.uniqueCertificatesOn(server), name));
  const fix = fixFor(ctx, c, server, name, hybridCert);
  const explains = subjectMismatch(ctx, selection, name);
  if (value.trim() === "") {
    const presented = selection?.certificate ?? undefined;
    const works = presented !== undefined && matching([presented], name).length > 0;
    return {
      ...base,
      messageId: works ? "emptyWorks" : "empty",
      severity: works ? "warning" : "error",
      data: {
        ...data,
        fqdn: selection?.fqdn ?? c.fqdn ?? "(not in the paste)",
        presented: presentedText(ctx, selection, server),
      },
      thumbprint: presented?.thumbprint,
      fix,
      explains,
    };
  }
  const parsed = parseTlsCertificateName(value);
  if (!parsed.ok) return undefined;
  if (sameDn(parsed.issuer, name.issuer) && sameDn(parsed.subject, name.subject)) {
    if (hasExoCloudCapability(c) !== false || hasAnyCloudCapability(c)) return undefined;
    return {
      ...base,
      messageId: "capabilities",
      severity: "warning",
      data: { ...data, current: (c.tlsDomainCapabilities ?? []).join(", ") || "empty" },
      fix: [setCapabilities(c), restartTransport(server, frontend(c)), RERUN_HCW],
    };
  }
  return {
    ...base,
    messageId: "differs",
    data: { ...data, value, outcome: outcomeText(ctx, selection, server) },
    thumbprint: selection?.certificate?.thumbprint,
    fix,
    explains,
  };
}

/** Exchange 2010 hybrid servers carry AcceptOorgProtocol instead; either one means the wizard configured the connector. */
function hasAnyCloudCapability(c: ReceiveConnector): boolean {
  return (c.tlsDomainCapabilities ?? []).some((t) =>
    /^mail\.protection\.outlook\.com:.*AcceptOorgProtocol/i.test(t.trim()),
  );
}

function capabilitiesNote(c: ReceiveConnector): string {
  if (hasExoCloudCapability(c) !== false || hasAnyCloudCapability(c)) return "";
  return ` Its TlsDomainCapabilities also lack ${CLOUD_CAPABILITY_VALUE}, so mail from Exchange Online is not accepted as authenticated cross-premises mail.`;
}

function presentedText(ctx: RuleContext, selection: Selection | undefined, server: string): string {
  if (!ctx.hasCertificatesFor(server))
    return "whichever certificate covers that name (the certificates of the server are not in the paste)";
  if (!selection?.certificate) return "no certificate at all (no STARTTLS)";
  return certificateLabel(selection.certificate);
}

function outcomeText(ctx: RuleContext, selection: Selection | undefined, server: string): string {
  if (!ctx.hasCertificatesFor(server) || !selection)
    return "Exchange Online gets another certificate than the one the hybrid connectors expect (450 4.4.317 SubjectMismatch).";
  if (!selection.certificate)
    return "no installed certificate matches it, so the connector offers no STARTTLS and Exchange Online fails with 451 5.7.3.";
  return `the connector presents ${certificateLabel(selection.certificate)} instead of the hybrid certificate, so Exchange Online defers mail with 450 4.4.317 SubjectMismatch.`;
}

function frontend(c: ReceiveConnector): boolean {
  return c.transportRole?.toLowerCase() !== "hubtransport";
}

function fixFor(
  ctx: RuleContext,
  c: ReceiveConnector,
  server: string,
  name: Name,
  cert: Certificate | undefined,
): FixStep[] {
  const steps: FixStep[] = [];
  const set = cert ? setConnectorTlsName(c, cert) : setFromName(c, name);
  if (set) steps.push(set);
  if (hasExoCloudCapability(c) === false && !hasAnyCloudCapability(c)) steps.push(setCapabilities(c));
  steps.push(restartTransport(server, frontend(c)));
  if (ctx.hybrid) steps.push(RERUN_HCW);
  return steps;
}

/** The hybrid certificate is not on this server (HYBRID_CERT_NOT_FOUND says so); the connector still needs the hybrid value. */
function setFromName(c: ReceiveConnector, name: Name): FixStep | undefined {
  const identity = connectorIdentity(c);
  if (!identity) return undefined;
  return {
    phase: "connector",
    why: `Point receive connector '${identity}' at the hybrid certificate by its issuer and subject.`,
    commands: [
      {
        cmdlet: "Set-ReceiveConnector",
        identity,
        parameters: [["TlsCertificateName", str(formatTlsCertificateName(name.issuer, name.subject))]],
      },
    ],
  };
}

function setCapabilities(c: ReceiveConnector): FixStep {
  const identity = connectorIdentity(c) ?? c.name ?? "Default Frontend";
  const others = (c.tlsDomainCapabilities ?? []).filter((t) => t.trim() !== "");
  return {
    phase: "connector",
    why: `Let '${identity}' accept Exchange Online's mail as authenticated cross-premises mail, as the wizard sets it.${others.length > 0 ? ` This replaces the list it has now (${others.join(", ")}); add back entries that are still needed.` : ""}`,
    commands: [
      {
        cmdlet: "Set-ReceiveConnector",
        identity,
        parameters: [["TlsDomainCapabilities", str(CLOUD_CAPABILITY_VALUE)]],
      },
    ],
  };
}

function inspectReceive(server: string): FixStep {
  return {
    phase: "inspect",
    why: `Paste the receive connectors of ${server} with all their properties.`,
    commands: [{ cmdlet: "Get-ReceiveConnector", parameters: [["Server", str(server)]], pipeTo: "Format-List" }],
  };
}

/** SubjectMismatch from Exchange Online naming what this connector presents (or not naming anything). */
function subjectMismatch(ctx: RuleContext, selection: Selection | undefined, name: Name) {
  const presented = selection?.certificate;
  return ctx.evidence((e) => {
    if (e.facts.tlsError?.toLowerCase() !== "subjectmismatch") return false;
    const shown = e.facts.presentedSubject;
    if (shown === undefined) return true;
    if (sameDn(shown, name.subject)) return false;
    return presented?.subject === undefined || sameDn(shown, presented.subject);
  });
}
