import type { Certificate } from "../../model/certificate";
import type { InboundConnector, OutboundConnector, ReceiveConnector, SendConnector } from "../../model/connector";
import { commonName } from "../../model/distinguished-name";
import type { Evidence } from "../../model/evidence";
import { certificateNames, normaliseHostName } from "../../model/hostname";
import { formatTlsCertificateName } from "../../model/tls-certificate-name";
import { type FixCommand, str } from "../fix/command";
import { certificateLabel, RERUN_HCW, restartTransport, setConnectorTlsName } from "../fix/steps";
import { chosenAmong, isExpired, matching } from "../hybrid/certificates";
import { exoNameCovers, isEmbeddedWildcard } from "../hybrid/exo-names";
import {
  hybridName,
  hybridScope,
  isEdgeInScope,
  isHybridReceiveConnector,
  isHybridSendConnector,
  receivingServerIn,
} from "../hybrid/scope";
import { isSelfSigned, listText } from "../select/facts";
import type { FixStep, RuleContext, RuleResult } from "./types";
import { defineRule } from "./types";

type Messages = "inbound" | "invalidName" | "outbound" | "smartHost" | "evidenceMismatch" | "evidenceAttribution";

/** A certificate on-premises presents to Exchange Online, and through which connector. */
interface Presented {
  readonly server: string | undefined;
  readonly via: string;
  readonly connector: ReceiveConnector | SendConnector | undefined;
  readonly label: string;
  readonly names: readonly string[];
  readonly cert: Certificate | undefined;
}

/**
 * The Exchange Online connectors the wizard creates check names on the
 * on-premises certificates (domain F5.2.4–F5.2.6): the inbound connector's
 * TlsSenderCertificateName against what the send connector presents, the
 * outbound connector's TlsDomain against what Default Frontend presents.
 */
export default defineRule<Messages>({
  id: "HYBRID_EXO_CONNECTOR",
  title: "Exchange Online connectors disagree with the on-premises certificate",
  severity: "error",
  docs: {
    summary:
      "Pasted Exchange Online connectors expect names the on-premises certificate does not carry: the inbound connector's TlsSenderCertificateName, or the outbound connector's TlsDomain or smart host.",
    behaviour:
      "The wizard creates an inbound connector in Exchange Online whose TlsSenderCertificateName must be a name (subject or SAN) of the certificate the on-premises 'Outbound to Office 365' connector presents — '*.contoso.com' covers contoso.com and names under it — and, unless it is a wildcard, an accepted domain; otherwise Exchange Online cannot attribute the mail (550 5.7.51 TenantInboundAttribution). Its outbound connector delivers to the on-premises smart host with DomainValidation against TlsDomain, which must be a name of the certificate 'Default Frontend' presents on every receiving server; otherwise Exchange Online defers mail with 450 4.4.317 SubjectMismatch.",
    fix: "Point the on-premises connector at a certificate carrying the name Exchange Online expects, or change the Exchange Online connector to a name on the certificate (Set-InboundConnector -TlsSenderCertificateName / Set-OutboundConnector -TlsDomain in Exchange Online PowerShell); re-running the Hybrid Configuration Wizard aligns both sides.",
    facts: ["F5.2.4", "F5.2.5", "F5.2.6", "F5.1.5", "D10", "E7.11", "E7.16"],
    sources: [
      "https://techcommunity.microsoft.com/blog/exchange/tls-certificates-in-exchange-hybrid---common-issues--how-to-fix-them/4420592",
      "https://learn.microsoft.com/en-us/powershell/module/exchangepowershell/new-inboundconnector",
      "https://techcommunity.microsoft.com/t5/exchange-team-blog/updated-requirements-for-smtp-relay-through-exchange-online/ba-p/3851357",
    ],
  },
  messages: {
    inbound:
      "Exchange Online's inbound connector '{connector}' expects a certificate for {expected} (TlsSenderCertificateName), but {server} presents {certificate} {via}, whose names are {names}: Exchange Online cannot attribute the mail to your organisation (550 5.7.51 TenantInboundAttribution).{accepted}",
    invalidName:
      "Exchange Online's inbound connector '{connector}' has TlsSenderCertificateName {expected}: a wildcard is only valid as the whole first label (*.contoso.com), so no certificate matches it.",
    outbound:
      "Exchange Online's outbound connector '{connector}' validates on-premises against {expected} (TlsDomain with DomainValidation), but {server} presents {certificate} {via}, whose names are {names}: Exchange Online defers mail with 450 4.4.317 SubjectMismatch.",
    smartHost:
      "Exchange Online's outbound connector '{connector}' delivers to {smartHosts}, but the hybrid configuration's on-premises smart host is {host}: Exchange Online connects to another name than the one the wizard configured.",
    evidenceMismatch:
      "Exchange Online expected a certificate for {expected} but {target} presented {presented}{thumbprint}. The on-premises receive connector that answered (normally 'Default Frontend <server>') does not present the hybrid certificate: its TlsCertificateName is missing or wrong, one of several servers was left out, or another receive connector with narrower RemoteIPRanges answered. Paste Get-ReceiveConnector | fl, Get-ExchangeCertificate | fl and Get-HybridConfiguration | fl from the servers behind {target}, and Get-OutboundConnector | fl from Exchange Online.",
    evidenceAttribution:
      "Exchange Online refused mail from on-premises with 550 5.7.51 TenantInboundAttribution: it could not tie the connection to your organisation by IP address or certificate. Usually the certificate the 'Outbound to Office 365' connector presents does not carry the inbound connector's TlsSenderCertificateName, or that name is not an accepted domain. Paste Get-SendConnector | fl, Get-ExchangeCertificate | fl and Get-HybridConfiguration | fl, and Get-InboundConnector | fl from Exchange Online.",
  },
  check(ctx) {
    const results: RuleResult<Messages>[] = [];
    for (const c of ctx.inventory.inboundConnectors) results.push(...checkInbound(ctx, c));
    for (const c of ctx.inventory.outboundConnectors) results.push(...checkOutbound(ctx, c));
    const explained = new Set(results.flatMap((r) => r.explains ?? []));
    const inv = ctx.inventory;
    if (inv.receiveConnectors.length === 0 && inv.outboundConnectors.length === 0) {
      for (const e of ctx.evidence(isSubjectMismatch)) if (!explained.has(e)) results.push(evidenceMismatch(e));
    }
    if (inv.sendConnectors.length === 0 && inv.inboundConnectors.length === 0) {
      for (const e of ctx.evidence((x) => x.code === "550 5.7.51"))
        if (!explained.has(e)) results.push(evidenceAttribution(e));
    }
    return results;
  },
});

const isOnPremises = (type: string | undefined) => type === undefined || /OnPremises/i.test(type);

function isSubjectMismatch(e: Evidence): boolean {
  return e.facts.tlsError?.toLowerCase() === "subjectmismatch";
}

function checkInbound(ctx: RuleContext, c: InboundConnector): RuleResult<Messages>[] {
  const expected = c.tlsSenderCertificateName?.trim();
  if (
    !expected ||
    c.enabled === false ||
    !isOnPremises(c.connectorType) ||
    c.truncated.includes("tlsSenderCertificateName")
  )
    return [];
  const connector = c.name ?? "(unnamed inbound connector)";
  const explains = ctx.evidence((e) => e.code === "550 5.7.51");
  if (isEmbeddedWildcard(expected)) {
    return [
      {
        messageId: "invalidName",
        data: { connector, expected },
        connector,
        sources: [c.source],
        fix: [RERUN_HCW],
        explains,
      },
    ];
  }
  return sendSidePresented(ctx)
    .filter((p) => !exoNameCovers(expected, p.names))
    .map((p) => ({
      messageId: "inbound" as const,
      data: {
        connector,
        expected,
        ...presentedData(p),
        accepted: expected.startsWith("*.")
          ? ""
          : " A name that is not a wildcard must also be an accepted domain of the tenant.",
      },
      server: p.server,
      connector,
      thumbprint: p.cert?.thumbprint,
      sources: [c.source, ...(p.cert ? [p.cert.source] : [])],
      fix: fixFor(ctx, p, expected, "inbound", connector),
      explains,
    }));
}

function checkOutbound(ctx: RuleContext, c: OutboundConnector): RuleResult<Messages>[] {
  if (c.enabled === false || !isOnPremises(c.connectorType)) return [];
  const connector = c.name ?? "(unnamed outbound connector)";
  const results: RuleResult<Messages>[] = [];
  const expected = c.tlsDomain?.trim();
  if (expected && /DomainValidation/i.test(c.tlsSettings ?? "") && !c.truncated.includes("tlsDomain")) {
    const explains = ctx.evidence(
      (e) =>
        isSubjectMismatch(e) && (e.facts.expectedSubject === undefined || sameName(e.facts.expectedSubject, expected)),
    );
    for (const p of receiveSidePresented(ctx)) {
      if (exoNameCovers(expected, p.names)) continue;
      results.push({
        messageId: "outbound",
        data: { connector, expected, ...presentedData(p) },
        server: p.server,
        connector,
        thumbprint: p.cert?.thumbprint,
        sources: [c.source, ...(p.cert ? [p.cert.source] : [])],
        fix: fixFor(ctx, p, expected, "outbound", connector),
        explains,
      });
    }
  }
  const host = ctx.hybrid?.onPremisesSmartHost?.trim();
  const hosts = c.smartHosts ?? [];
  if (
    host &&
    hosts.length > 0 &&
    c.useMXRecord !== true &&
    !c.truncated.includes("smartHosts") &&
    !hosts.some((h) => sameName(h, host))
  ) {
    results.push({
      messageId: "smartHost",
      data: { connector, smartHosts: listText(hosts), host },
      connector,
      sources: [c.source, ...(ctx.hybrid ? [ctx.hybrid.source] : [])],
      fix: [RERUN_HCW],
    });
  }
  return results;
}

function sameName(a: string, b: string): boolean {
  return normaliseHostName(a) === normaliseHostName(b);
}

function presentedData(p: Presented): { server: string; certificate: string; via: string; names: string } {
  return { server: p.server ?? "on-premises", certificate: p.label, via: p.via, names: listText(p.names, 6) };
}

/** What the hybrid send connector presents from each source server, else the hybrid certificate. */
function sendSidePresented(ctx: RuleContext): Presented[] {
  const out: Presented[] = [];
  for (const c of ctx.inventory.sendConnectors) {
    if (!isHybridSendConnector(c) || c.enabled === false) continue;
    for (const s of ctx.selectionsFor(c)) {
      if (s.certificate) out.push(fromCert(s.server, s.certificate, c, `on send connector '${s.connector}'`));
    }
  }
  return out.length > 0 ? out : fromHybrid(ctx, "sending");
}

/** What the hybrid receive connectors present on each receiving server, else the hybrid certificate. */
function receiveSidePresented(ctx: RuleContext): Presented[] {
  const scope = ctx.hybrid ? hybridScope(ctx.hybrid) : undefined;
  const receivingServer = scope === undefined ? undefined : receivingServerIn(scope);
  const out: Presented[] = [];
  for (const c of ctx.inventory.receiveConnectors) {
    if (receivingServer && receivingServer(c.server) === undefined) continue;
    const edge = (scope !== undefined && isEdgeInScope(scope, c.server)) || ctx.isEdge(c.server) === true;
    if (!isHybridReceiveConnector(c, edge)) continue;
    const s = ctx.selectionsFor(c)[0];
    if (s?.certificate && ctx.hasCertificatesFor(c.server)) {
      out.push(fromCert(c.server, s.certificate, c, `on receive connector '${s.connector}'`));
    }
  }
  return out.length > 0 ? out : fromHybrid(ctx, "receiving");
}

function fromCert(
  server: string | undefined,
  cert: Certificate,
  connector: ReceiveConnector | SendConnector | undefined,
  via: string,
): Presented {
  return { server, via, connector, label: certificateLabel(cert), names: certificateNames(cert), cert };
}

/** Without connector selections, the hybrid certificate on each server in scope; without certificates, the name in the hybrid configuration. */
function fromHybrid(ctx: RuleContext, side: "sending" | "receiving"): Presented[] {
  const name = hybridName(ctx.hybrid);
  if (!ctx.hybrid || !name) return [];
  const servers = hybridScope(ctx.hybrid)[side];
  const found = servers.flatMap((server) => {
    const cert = chosenAmong(matching(ctx.uniqueCertificatesOn(server), name));
    return cert ? [fromCert(server, cert, undefined, "as the hybrid certificate")] : [];
  });
  if (found.length > 0) return found;
  const cn = commonName(name.subject);
  if (cn === undefined) return [];
  return [
    {
      server: undefined,
      via: "as the hybrid certificate",
      connector: undefined,
      label: formatTlsCertificateName(name.issuer, name.subject),
      names: [cn],
      cert: undefined,
    },
  ];
}

/** A third-party certificate on the same server that carries the expected name, pointed at; else change the cloud side. */
function fixFor(
  ctx: RuleContext,
  p: Presented,
  expected: string,
  side: "inbound" | "outbound",
  exoConnector: string,
): FixStep[] {
  const candidate =
    p.server === undefined
      ? undefined
      : chosenAmong(
          ctx
            .uniqueCertificatesOn(p.server)
            .filter(
              (c) =>
                isSelfSigned(c) === false &&
                c.hasPrivateKey !== false &&
                !isExpired(c, ctx.asOf) &&
                exoNameCovers(expected, certificateNames(c)),
            ),
        );
  const steps: FixStep[] = [];
  const set = candidate && p.connector ? setConnectorTlsName(p.connector, candidate) : undefined;
  if (set && p.connector) {
    steps.push(set);
    if (p.connector.kind === "receive-connector")
      steps.push(restartTransport(p.server, p.connector.transportRole?.toLowerCase() !== "hubtransport"));
  } else {
    const cmdlet = side === "inbound" ? "Set-InboundConnector" : "Set-OutboundConnector";
    const parameter = side === "inbound" ? "TlsSenderCertificateName" : "TlsDomain";
    // A host name of the certificate is written into the command; a wildcard one only suggested, because how
    // Exchange Online compares a wildcard value with a wildcard certificate is not in certflow's sources.
    const name = p.names.find((n) => !n.includes("*"));
    steps.push(
      name === undefined
        ? {
            phase: "hybrid",
            why: `In Exchange Online PowerShell, set ${parameter} of '${exoConnector}' to a name the on-premises certificate carries (for example ${p.names[0] ?? "a name on the certificate"}): ${cmdlet} '${exoConnector}' -${parameter} <name>. Or re-run the wizard, which sets both sides.`,
            commands: [],
          }
        : {
            phase: "hybrid",
            why: `In Exchange Online PowerShell (Connect-ExchangeOnline), set ${parameter} of '${exoConnector}' to ${name}, a name the on-premises certificate carries (any of its names will do). Or re-run the wizard, which sets both sides.`,
            commands: [{ cmdlet, identity: exoConnector, parameters: [[parameter, str(name)]] }],
          },
    );
  }
  steps.push(RERUN_HCW);
  return steps;
}

function inspect(cmdlets: readonly ("Get-ReceiveConnector" | "Get-SendConnector")[]): FixStep {
  return {
    phase: "inspect",
    why: "Paste the on-premises side so certflow can tell which connector and certificate Exchange Online meets.",
    commands: [
      ...cmdlets.map((cmdlet): FixCommand => ({ cmdlet, parameters: [], pipeTo: "Format-List" })),
      { cmdlet: "Get-ExchangeCertificate", parameters: [], pipeTo: "Format-List" },
      { cmdlet: "Get-HybridConfiguration", parameters: [], pipeTo: "Format-List" },
    ],
  };
}

function evidenceMismatch(e: Evidence): RuleResult<Messages> {
  const cut = (e.facts.missing ?? []).find((m) => m.startsWith("thumbprint"));
  const detail = cut?.replace(/^thumbprint \((.*)\)$/, "$1");
  return {
    messageId: "evidenceMismatch",
    data: {
      expected: e.facts.expectedSubject ?? "(the name is not in the paste)",
      target: e.facts.server ?? "the on-premises endpoint",
      presented: e.facts.presentedSubject ?? "another certificate",
      thumbprint: e.facts.presentedThumbprint
        ? ` (thumbprint ${e.facts.presentedThumbprint})`
        : detail
          ? ` (thumbprint ${detail} in the paste, so certflow cannot match it to an installed certificate)`
          : "",
    },
    basis: "evidence",
    sources: [e.source],
    fix: [inspect(["Get-ReceiveConnector"])],
    explains: [e],
  };
}

function evidenceAttribution(e: Evidence): RuleResult<Messages> {
  return {
    messageId: "evidenceAttribution",
    data: {},
    basis: "evidence",
    sources: [e.source],
    fix: [inspect(["Get-SendConnector"])],
    explains: [e],
  };
}
