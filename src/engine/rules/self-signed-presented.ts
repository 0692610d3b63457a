import type { Certificate } from "../../model/certificate";
import type { ReceiveConnector, SendConnector } from "../../model/connector";
import { dnKey, sameDn } from "../../model/distinguished-name";
import type { Evidence } from "../../model/evidence";
import { coversName } from "../../model/hostname";
import { memoiseByObject } from "../../model/memo";
import {
  certificateLabel,
  enableSmtp,
  inspectCertificates,
  inspectReceiveConnectors,
  restartTransport,
  setConnectorTlsName,
} from "../fix/steps";
import { filtersOnSmtp, isAuthCertificate, isSelfSigned, namesOf, statusValid } from "../select/facts";
import type { Selection } from "../select/types";
import { groupByServer, serverKey } from "../server-index";
import { agreedExpiry, readingsOf } from "./lib/expiry";
import { groupBy } from "./lib/group";
import { connectorName, listText, serverText } from "./lib/labels";
import type { FixStep, RuleContext, RuleResult } from "./types";
import { defineRule } from "./types";

type Messages = "internet" | "clients" | "hybrid" | "send" | "log";

type Facing = "internet" | "clients" | "hybrid";

/** Names only an internal DNS resolves; a certificate for them is no better than a self-signed one for outsiders. */
const INTERNAL_NAME = /\.(?:local|lan|internal|intranet|corp|home|localdomain|private)\.?$/i;
const HYBRID_CAPABILITY = /AcceptCloudServicesMail|AcceptOorgProtocol/i;
/** RemoteIPRanges of a connector open to every sender (the default); narrower ranges mean a relay for known hosts. */
const ALL_ADDRESSES = /^0\.0\.0\.0-255\.255\.255\.255$|^::-ffff(?::ffff){7}$/i;

/**
 * A connector that faces the internet or clients presents a self-signed
 * certificate (domain F2.2.1, E7.20, F5.1.1): fine for opportunistic TLS,
 * refused by anything that validates (mail clients on 587, Exchange Online
 * in hybrid, partners with forced TLS). Exchange-internal paths are not
 * judged: Default <server> on 2525 (HubTransport) and the direct-trust
 * X-ANONYMOUSTLS certificate, which is meant to be self-signed (F2.3.1).
 */
export default defineRule<Messages>({
  id: "SELF_SIGNED_PRESENTED",
  title: "A connector facing the internet or clients presents a self-signed certificate",
  severity: "warning",
  docs: {
    summary:
      "A receive connector on port 25 (Front End or Edge), 587/465 (client submission) or receiving hybrid mail, or a send connector to the internet or Exchange Online, presents a self-signed certificate.",
    behaviour:
      "Exchange Setup creates a self-signed certificate for the server's own names, and a connector whose Fqdn is the server's internal name (the default on Client Frontend) selects it. Opportunistic TLS between mail servers still works with it, but anything that validates certificates does not: mail clients submitting on port 587 warn or refuse (after fixing the authentication method, this is the next problem admins hit), Exchange Online requires a certificate from a public CA for hybrid mail flow, and partners with forced TLS reject it. Between Exchange servers (Default <server> on port 2525) and on the Edge direct-trust path, self-signed certificates are expected.",
    fix: "Point the connector at a certificate from a public CA that covers the name clients or servers use, with TlsCertificateName set from that certificate's issuer and subject, or set the connector's Fqdn to a name on that certificate; enable the certificate for SMTP and restart the transport service.",
    facts: ["F2.2.1", "E7.20", "F1.5.2", "F1.7.2", "F5.1.1", "F2.3.1", "F4.1", "E7.11"],
    sources: [
      "https://learn.microsoft.com/en-us/exchange/clients/pop3-and-imap4/configure-authenticated-smtp",
      "https://practical365.com/configuring-the-tls-certificate-name-for-exchange-server-receive-connectors/",
      "https://learn.microsoft.com/en-us/exchange/certificate-requirements",
      "https://learn.microsoft.com/en-us/exchange/tls-functionality-and-related-terminology-exchange-2013-help",
    ],
  },
  messages: {
    internet:
      "Receive connector '{connector}' on {server} accepts mail from the internet on port 25 but presents the self-signed certificate {certificate} ({why}). Opportunistic TLS still works, but senders that validate certificates, Exchange Online and partners with forced TLS among them, reject it. {alternative}",
    clients:
      "Receive connector '{connector}' on {server} takes client submissions on port {ports} but presents the self-signed certificate {certificate} ({why}). Mail clients (Outlook, phones, scanners, applications) connecting with STARTTLS warn about it or refuse to send. {alternative}",
    hybrid:
      "Receive connector '{connector}' on {server} receives Exchange Online's hybrid mail ({capabilities}) but presents the self-signed certificate {certificate} ({why}). Exchange Online validates the on-premises certificate and defers the mail (450 4.4.317). {alternative}",
    send: "Send connector '{connector}' sends to {target} from {server} and presents the self-signed certificate {certificate} ({why}) when the receiving server asks for a client certificate, as Exchange Online does; it is not accepted there. {alternative}",
    log: "The pasted SMTP receive log shows '{connector}' on {server} (port {port}) sending the self-signed certificate {subject}{thumbprint}. {effect} The paste does not show that connector's settings: paste Get-ReceiveConnector and Get-ExchangeCertificate from {server} for the exact fix.",
  },
  check(ctx) {
    const results: RuleResult<Messages>[] = [];
    const logs = ctx.evidence(
      (e) => e.type === "smtp-log" && selfSignedInLog(e) && facingPort(e.facts.port) !== undefined,
    );
    // Found once and grouped, the logs by the connector they name and the subject mismatches by the certificate's
    // subject: a pasted log has thousands of entries, too many to filter again for each finding.
    const logsFor = groupBy(logs, (e) => connectorKey(e.facts.server, e.facts.connector));
    const mismatches = groupBy(
      ctx.evidence((e) => /^SubjectMismatch$/i.test(e.facts.tlsError ?? "")),
      (e) => (e.facts.presentedSubject === undefined ? undefined : dnKey(e.facts.presentedSubject)),
    );
    const explained = new Set<Evidence>();
    // Each result looks for a replacement among the other facing connectors of its server: grouped once, not
    // searched among every connector of the organisation for every result.
    // What each connector faces, worked out once for the grouping and the check below.
    const facings = new Map<ReceiveConnector, Facing>();
    const facingConnectors: ReceiveConnector[] = [];
    for (const c of ctx.inventory.receiveConnectors) {
      const facing = facingOf(ctx, c);
      if (facing === undefined) continue;
      facings.set(c, facing);
      facingConnectors.push(c);
    }
    const facingByServer = groupByServer(facingConnectors, (c) => c.server);
    const facingOn: FacingOn = (server) => facingByServer.get(serverKey(server)) ?? [];
    for (const c of ctx.inventory.receiveConnectors) {
      const facing = facings.get(c);
      if (!facing) continue;
      const selection = ctx.selectionsFor(c)[0];
      const cert = selection?.certificate;
      if (!selection || !cert || isSelfSigned(cert) !== true) continue;
      const explains = logsFor.get(connectorKey(c.server, c.name) ?? "") ?? [];
      for (const e of explains) explained.add(e);
      results.push(receiveResult(ctx, facingOn, c, selection, cert, facing, explains, mismatches));
    }
    for (const c of ctx.inventory.sendConnectors) {
      const target = internetTarget(c);
      if (!target || c.enabled === false) continue;
      for (const selection of ctx.selectionsFor(c)) {
        const cert = selection.certificate;
        if (cert && isSelfSigned(cert) === true) results.push(sendResult(ctx, facingOn, c, selection, cert, target));
      }
    }
    if (logs.length === 0) return results;
    const pasted = new Set(ctx.inventory.receiveConnectors.map((c) => connectorKey(c.server, c.name)));
    for (const e of logs) {
      const key = connectorKey(e.facts.server, e.facts.connector);
      if (explained.has(e) || (key !== undefined && pasted.has(key))) continue;
      results.push(fromLog(e));
    }
    return results;
  },
});

function facingOf(ctx: RuleContext, c: ReceiveConnector): Facing | undefined {
  if (c.enabled === false) return undefined;
  if ((c.tlsDomainCapabilities ?? []).some((t) => HYBRID_CAPABILITY.test(t))) return "hybrid";
  const ports = portsOf(c);
  const submission = ports.includes(587) || ports.includes(465);
  const smtp = ports.includes(25);
  // Neither facing is possible without those ports: the default connectors on 2525 and 717 are asked nothing more.
  if (!submission && !smtp) return undefined;
  const role = c.transportRole?.trim().toLowerCase();
  const edge = ctx.isEdge(c.server) === true || /^Default internal receive connector\b/i.test(c.name ?? "");
  const hub = role === "hubtransport" && !edge;
  if (!hub && submission) return "clients";
  if (!smtp || (hub && !filtersOnSmtp(ctx.versionOf(c.server)))) return undefined;
  const anonymous =
    c.permissionGroups === undefined || c.permissionGroups.some((g) => /^AnonymousUsers$/i.test(g.trim()));
  const everyone = c.remoteIPRanges === undefined || c.remoteIPRanges.some((r) => ALL_ADDRESSES.test(r.trim()));
  return anonymous && everyone ? "internet" : undefined;
}

/** Read once per connector: the facing check and the message both need them. */
const portsOf = memoiseByObject((c: ReceiveConnector): readonly number[] =>
  (c.bindings ?? []).map((b) => Number(/:(\d{1,5})$/.exec(b.trim())?.[1])).filter((p) => Number.isInteger(p)),
);

/** What an internet-bound send connector delivers to, or undefined for internal routing. */
function internetTarget(c: SendConnector): string | undefined {
  const spaces = (c.addressSpaces ?? []).map((a) =>
    a
      .replace(/^smtp:/i, "")
      .replace(/;\d+$/, "")
      .trim()
      .toLowerCase(),
  );
  const hosts = (c.smartHosts ?? []).map((h) =>
    h
      .replace(/^\[|\]$/g, "")
      .trim()
      .toLowerCase(),
  );
  if (c.cloudServicesMailEnabled === true || spaces.some((s) => s.endsWith(".mail.onmicrosoft.com")))
    return "Exchange Online";
  if (hosts.some((h) => h.endsWith(".mail.protection.outlook.com"))) return "Exchange Online";
  if (spaces.includes("*")) return "the internet";
  return undefined;
}

function whyChosen(selection: Selection): string {
  if (selection.via === "TlsCertificateName") return "named by its TlsCertificateName";
  if (selection.via === "Default") return `chosen by the server's FQDN ${selection.fqdn ?? ""}`.trim();
  return `chosen because its Fqdn ${selection.fqdn ?? ""} is only on that certificate`;
}

/** The receive connectors of a server that face the internet, clients or Exchange Online, in the paste's order. */
type FacingOn = (server: string | undefined) => readonly ReceiveConnector[];

function receiveResult(
  ctx: RuleContext,
  facingOn: FacingOn,
  c: ReceiveConnector,
  selection: Selection,
  cert: Certificate,
  facing: Facing,
  explains: readonly Evidence[],
  mismatches: ReadonlyMap<string, readonly Evidence[]>,
): RuleResult<Messages> {
  const replacement = replacementFor(ctx, facingOn, c, selection);
  return {
    messageId: facing,
    data: {
      connector: connectorName(c),
      server: serverText(c.server),
      ports: listText([...new Set(portsOf(c).filter((p) => p === 587 || p === 465))].map(String)),
      capabilities: (c.tlsDomainCapabilities ?? []).join(", "),
      certificate: certificateLabel(cert),
      why: whyChosen(selection),
      alternative: alternativeText(replacement, c.server, true),
    },
    server: c.server,
    connector: connectorName(c),
    thumbprint: cert.thumbprint,
    sources: [c.source, cert.source],
    fix: fixFor(c, c.server, replacement),
    explains: [...explains, ...((cert.subject === undefined ? undefined : mismatches.get(dnKey(cert.subject))) ?? [])],
  };
}

function sendResult(
  ctx: RuleContext,
  facingOn: FacingOn,
  c: SendConnector,
  selection: Selection,
  cert: Certificate,
  target: string,
): RuleResult<Messages> {
  const replacement = replacementFor(ctx, facingOn, c, selection);
  return {
    messageId: "send",
    data: {
      connector: connectorName(c),
      server: serverText(selection.server),
      target,
      certificate: certificateLabel(cert),
      why: whyChosen(selection),
      alternative: alternativeText(replacement, selection.server, false),
    },
    server: selection.server,
    connector: connectorName(c),
    thumbprint: cert.thumbprint,
    sources: [c.source, cert.source],
    fix: fixFor(c, selection.server, replacement),
  };
}

function fromLog(e: Evidence): RuleResult<Messages> {
  const facing = facingPort(e.facts.port);
  const server = e.facts.server;
  return {
    messageId: "log",
    data: {
      connector: e.facts.connector ?? "a receive connector",
      server: server ?? "the server",
      port: e.facts.port ?? "unknown",
      subject: e.facts.presentedSubject ?? "(subject not in the log)",
      thumbprint: e.facts.presentedThumbprint ? ` (thumbprint ${e.facts.presentedThumbprint})` : "",
      effect:
        facing === "clients"
          ? "Mail clients submitting on that port warn about it or refuse to send."
          : "Opportunistic TLS still works, but senders that validate certificates, Exchange Online and partners with forced TLS among them, reject it.",
    },
    server,
    connector: e.facts.connector,
    thumbprint: e.facts.presentedThumbprint,
    basis: "evidence",
    sources: [e.source],
    fix: [
      inspectReceiveConnectors(server, server && e.facts.connector ? `${server}\\${e.facts.connector}` : undefined),
      inspectCertificates(server),
    ],
    explains: [e],
  };
}

function facingPort(port: number | undefined): Facing | undefined {
  if (port === 25) return "internet";
  if (port === 587 || port === 465) return "clients";
  return undefined;
}

/** The log's "Sending certificate" has the same subject and issuer (self-signed). */
function selfSignedInLog(e: Evidence): boolean {
  const { presentedSubject, presentedIssuer } = e.facts;
  return presentedSubject !== undefined && presentedIssuer !== undefined && sameDn(presentedSubject, presentedIssuer);
}

/**
 * What a log entry and a receive connector are matched on: the connector's name in any case, on the same server (an
 * entry that names no server matches connectors that have none). Undefined without a name: such entries name no
 * connector.
 */
function connectorKey(server: string | undefined, name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  const folded = serverKey(server);
  return `${folded === undefined ? "" : `=${folded}`}\u0000${name.toLowerCase()}`;
}

/**
 * The CA certificate the connector should present: usable (key, status, not
 * expired), for a public name; preferring one that covers the connector's
 * Fqdn, then one another facing connector of the server already presents,
 * then one enabled for SMTP, then the latest NotAfter.
 */
function replacementFor(
  ctx: RuleContext,
  facingOn: FacingOn,
  c: ReceiveConnector | SendConnector,
  selection: Selection,
): Certificate | undefined {
  const candidates = ctx
    .certificatesOn(selection.server)
    .filter(
      (cert) =>
        cert.origin === "cmdlet" &&
        !isAuthCertificate(cert) &&
        isSelfSigned(cert) === false &&
        cert.hasPrivateKey !== false &&
        statusValid(cert) !== false &&
        agreedExpiry(cert.notAfter, ctx.asOf)?.state !== "expired" &&
        !cert.truncated.includes("issuer") &&
        !cert.truncated.includes("subject") &&
        namesOf(cert).some((n) => !INTERNAL_NAME.test(n) && n.includes(".")),
    );
  const fqdn = c.fqdn?.trim();
  const presentedElsewhere = new Set(
    facingOn(selection.server)
      .filter((other) => other !== c)
      .flatMap((other) => ctx.selectionsFor(other).map((s) => s.certificate))
      .filter((cert): cert is Certificate => cert !== null),
  );
  const score = (cert: Certificate) =>
    (fqdn && namesOf(cert).some((n) => coversName(n, fqdn)) ? 8 : 0) +
    (presentedElsewhere.has(cert) ? 4 : 0) +
    (cert.services?.includes("SMTP") ? 2 : 0);
  const latest = (cert: Certificate) => Math.max(0, ...readingsOf(cert.notAfter));
  return [...candidates].sort((a, b) => score(b) - score(a) || latest(b) - latest(a))[0];
}

function alternativeText(replacement: Certificate | undefined, server: string | undefined, receive: boolean): string {
  if (replacement === undefined) {
    return `No usable certificate from a CA for a public name is installed on ${serverText(server)}: install one, enable it for SMTP and point the connector at it with TlsCertificateName.`;
  }
  const names = listText(namesOf(replacement));
  return receive
    ? `Point it at ${certificateLabel(replacement)} with TlsCertificateName (the fix), or set its Fqdn to a name that certificate covers (${names}), the name clients and servers connect to.`
    : `Point it at ${certificateLabel(replacement)} with TlsCertificateName (the fix); that certificate must be installed on every source server.`;
}

function fixFor(
  c: ReceiveConnector | SendConnector,
  server: string | undefined,
  replacement: Certificate | undefined,
): FixStep[] {
  if (replacement === undefined) return [inspectCertificates(server)];
  const steps: FixStep[] = [];
  if (!replacement.services?.includes("SMTP")) {
    const enable = enableSmtp(replacement);
    if (enable) steps.push(enable);
  }
  const set = setConnectorTlsName(c, replacement);
  if (set) steps.push(set);
  steps.push(
    restartTransport(server, c.kind === "receive-connector" && c.transportRole?.toLowerCase() !== "hubtransport"),
  );
  return steps;
}
