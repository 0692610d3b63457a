import type { Certificate } from "../../model/certificate";
import type { ReceiveConnector, SendConnector } from "../../model/connector";
import { dnKey } from "../../model/distinguished-name";
import type { Evidence } from "../../model/evidence";
import { coversName, normaliseHostName } from "../../model/hostname";
import {
  certificateLabel,
  inspectCertificates,
  inspectReceiveConnectors,
  RERUN_HCW,
  restartTransport,
  setConnectorTlsName,
} from "../fix/steps";
import { isAuthCertificate, isSelfSigned, namesOf, statusValid } from "../select/facts";
import type { Selection } from "../select/types";
import { firstIndexByServer, serverKey } from "../server-index";
import { agreedExpiry } from "./lib/expiry";
import { groupBy } from "./lib/group";
import { connectorName, listText, serverText } from "./lib/labels";
import type { FixStep, RuleContext, RuleResult } from "./types";
import { defineRule } from "./types";

type Messages = "receive" | "send" | "exo" | "exoEvidence";

/**
 * The certificate a connector presents does not cover the name it stands
 * for (domain F1.7.5, F1.5.3). On the Fqdn path the choice covers the name
 * by construction, so only a TlsCertificateName can cause it; a connector
 * left at the server's own name (as the HCW leaves Default Frontend, F5.2.7)
 * stands for nothing public and is not judged. Exchange Online's
 * SubjectMismatch (E7.11, sample 10) names the connector that answered.
 */
export default defineRule<Messages>({
  id: "NAME_MISMATCH",
  title: "Presented certificate does not cover the connector's name",
  severity: "warning",
  docs: {
    summary:
      "The certificate a connector presents does not cover the FQDN it announces, or Exchange Online reported SubjectMismatch for it.",
    behaviour:
      "A connector announces its Fqdn in the banner and EHLO, and TLS peers that check names expect the certificate to cover the host they connected to; wildcards cover exactly one left-most label (*.contoso.com covers mail.contoso.com, not contoso.com or a.b.contoso.com). With TlsCertificateName set, Exchange presents the named certificate whatever the Fqdn. Exchange Online checks the on-premises certificate against its outbound connector's TlsDomain and defers mail with '450 4.4.317 … SubjectMismatch Expected Subject … Presented Subject …' when the connector that answered presents another one, typically the self-signed server certificate because TlsCertificateName is missing on that connector or on one of several servers.",
    fix: "Point the connector's TlsCertificateName at a certificate that covers the name (on every server behind it) and restart the transport service, or set the connector's Fqdn to a name on the certificate; in hybrid, re-run the Hybrid Configuration Wizard.",
    facts: ["F1.7.5", "F1.5.2", "F1.5.3", "F5.2.5", "F5.2.7", "E7.11"],
    sources: [
      "https://learn.microsoft.com/en-us/exchange/mail-flow/connectors/receive-connectors",
      "https://techcommunity.microsoft.com/blog/exchange/tls-certificates-in-exchange-hybrid---common-issues--how-to-fix-them/4420592",
      "https://learn.microsoft.com/en-us/exchange/clients/pop3-and-imap4/configure-authenticated-smtp",
    ],
  },
  messages: {
    receive:
      "Receive connector '{connector}' on {server} announces itself as {fqdn} but presents {certificate} (named by its TlsCertificateName), which covers {names}, not {fqdn}{hint}. Clients and servers that check the name they connected to warn or refuse.",
    send: "Send connector '{connector}' identifies itself from {server} as {fqdn} but presents {certificate} (named by its TlsCertificateName), which covers {names}, not {fqdn}{hint}. Receivers that check the client certificate, Exchange Online among them (TlsSenderCertificateName), do not accept it for that name.",
    exo: "Exchange Online expected a certificate for {expected} when it connected to {host}, but '{connector}' on {server} presents {certificate}, which covers {names}: messages to on-premises are deferred with 450 4.4.317 SubjectMismatch.",
    exoEvidence:
      "Exchange Online could not deliver to {host}: it expected a certificate for {expected} but was presented {presented} (450 4.4.317 SubjectMismatch). The receive connector that answered, usually Default Frontend on port 25, does not present the hybrid certificate: its TlsCertificateName is missing or wrong on that server (or on one of several), or a connector with narrower RemoteIPRanges took the connection. Paste Get-ReceiveConnector | fl and Get-ExchangeCertificate | fl from the servers behind {host}.",
  },
  check(ctx) {
    const results: RuleResult<Messages>[] = [];
    const reported = new Set<string>();
    for (const c of [...ctx.inventory.receiveConnectors, ...ctx.inventory.sendConnectors]) {
      for (const selection of ctx.selectionsFor(c)) {
        const result = configured(ctx, c, selection);
        if (!result) continue;
        reported.add(key(selection));
        results.push(result);
      }
    }
    const mismatches = ctx.evidence((x) => /^SubjectMismatch$/i.test(x.facts.tlsError ?? ""));
    if (mismatches.length === 0) return results;
    // Found once, not for every piece of evidence: the connectors by the subject they present, and the results by
    // server and connector. Entries a result already holds are gathered and added at the end.
    const presenting = presentingBySubject(ctx);
    const resultAt = new Map<string, number>();
    const remember = (index: number) => {
      const r = results[index];
      if (r?.connector === undefined) return;
      const at = resultKey(r.server, r.connector);
      if (!resultAt.has(at)) resultAt.set(at, index);
    };
    for (let index = 0; index < results.length; index++) remember(index);
    const added = new Map<number, Evidence[]>();
    for (const e of mismatches) {
      const found = presentingConnectors(presenting, e);
      if (found.length === 0) {
        results.push(fromEvidence(e));
        continue;
      }
      for (const { connector, selection } of found) {
        const existing = resultAt.get(resultKey(selection.server, connectorName(connector)));
        if (existing !== undefined) {
          const list = added.get(existing);
          if (list === undefined) added.set(existing, [e]);
          else list.push(e);
          continue;
        }
        if (reported.has(key(selection))) continue;
        reported.add(key(selection));
        results.push(fromExchangeOnline(ctx, e, connector, selection));
        remember(results.length - 1);
      }
    }
    for (const [index, entries] of added) {
      const r = results[index];
      if (r !== undefined) results[index] = { ...r, explains: [...(r.explains ?? []), ...entries] };
    }
    return results;
  },
});

/** What the results were told apart by: the server as written (or none) and the connector's name. */
function resultKey(server: string | undefined, connector: string): string {
  return `${server === undefined ? "" : `=${server}`}\u0000${connector}`;
}

function key(s: Selection): string {
  return `${s.connectorKind}|${(s.server ?? "").toLowerCase()}|${s.connector}`;
}

function configured(
  ctx: RuleContext,
  c: ReceiveConnector | SendConnector,
  selection: Selection,
): RuleResult<Messages> | undefined {
  const cert = selection.certificate;
  const fqdn = c.fqdn?.trim();
  if (!cert || selection.via !== "TlsCertificateName" || !fqdn || c.truncated.includes("fqdn") || c.enabled === false)
    return undefined;
  if (isServerOwnName(ctx, fqdn, selection.server) || namesCut(cert)) return undefined;
  const names = namesOf(cert);
  if (names.length === 0 || names.some((n) => coversName(n, fqdn))) return undefined;
  return {
    messageId: c.kind === "send-connector" ? "send" : "receive",
    data: {
      connector: connectorName(c),
      server: serverText(selection.server),
      fqdn,
      certificate: certificateLabel(cert),
      names: listText(names),
      hint: wildcardHint(names, fqdn),
    },
    server: selection.server,
    connector: connectorName(c),
    thumbprint: cert.thumbprint,
    sources: [c.source, cert.source],
    fix: fixFor(ctx, c, selection.server, fqdn, names),
  };
}

function fromExchangeOnline(
  ctx: RuleContext,
  e: Evidence,
  c: ReceiveConnector | SendConnector,
  selection: Selection,
): RuleResult<Messages> {
  const cert = selection.certificate;
  const names = cert ? namesOf(cert) : [];
  const expected = e.facts.expectedSubject ?? "the hybrid certificate's name";
  return {
    messageId: "exo",
    data: {
      expected,
      host: hostOf(e),
      connector: connectorName(c),
      server: serverText(selection.server),
      certificate: cert ? certificateLabel(cert) : "no certificate",
      names: names.length > 0 ? listText(names) : "no host name",
    },
    server: selection.server,
    connector: connectorName(c),
    thumbprint: cert?.thumbprint,
    sources: [c.source, e.source],
    fix: [...fixFor(ctx, c, selection.server, expected, names), RERUN_HCW],
    explains: [e],
  };
}

function fromEvidence(e: Evidence): RuleResult<Messages> {
  return {
    messageId: "exoEvidence",
    data: {
      host: hostOf(e),
      expected: e.facts.expectedSubject ?? "the name on its outbound connector (TlsDomain)",
      presented: e.facts.presentedSubject ?? "another certificate",
    },
    basis: "evidence",
    sources: [e.source],
    fix: [inspectReceiveConnectors(undefined), inspectCertificates(undefined)],
    explains: [e],
  };
}

function hostOf(e: Evidence): string {
  const host = e.facts.server ?? e.facts.fqdn ?? "the on-premises endpoint";
  return e.facts.port ? `${host}:${e.facts.port}` : host;
}

type Presenting = { readonly connector: ReceiveConnector; readonly selection: Selection };

/** The receive connectors' selections by the subject of the certificate they present (`sameDn`), in paste order. */
function presentingBySubject(ctx: RuleContext): ReadonlyMap<string, readonly Presenting[]> {
  const all: Presenting[] = [];
  for (const connector of ctx.inventory.receiveConnectors) {
    for (const selection of ctx.selectionsFor(connector)) all.push({ connector, selection });
  }
  return groupBy(all, ({ selection }) => {
    const subject = selection.certificate?.subject;
    return subject === undefined ? undefined : dnKey(subject);
  });
}

/**
 * Receive connectors (port 25 first when the evidence names it) whose
 * selected certificate is the one Exchange Online was presented.
 */
function presentingConnectors(
  bySubject: ReadonlyMap<string, readonly Presenting[]>,
  e: Evidence,
): readonly Presenting[] {
  const presented = e.facts.presentedSubject;
  if (presented === undefined) return [];
  const found = bySubject.get(dnKey(presented)) ?? [];
  const port = e.facts.port;
  const onPort =
    port === undefined ? [] : found.filter((f) => (f.connector.bindings ?? []).some((b) => b.endsWith(`:${port}`)));
  return onPort.length > 0 ? onPort : found;
}

function fixFor(
  ctx: RuleContext,
  c: ReceiveConnector | SendConnector,
  server: string | undefined,
  name: string,
  names: readonly string[],
): FixStep[] {
  const better = coveringCertificate(ctx, server, name);
  const set = better ? setConnectorTlsName(c, better) : undefined;
  if (better && set) {
    return [set, restartTransport(server, c.kind === "receive-connector" && c.transportRole !== "HubTransport")];
  }
  return [
    {
      phase: "install",
      why: `No certificate on ${serverText(server)} covers ${name}: install one that does (enabled for SMTP), or set the connector's Fqdn to a name the presented certificate covers (${listText([...names])}).`,
      commands: [],
    },
  ];
}

/** A usable CA certificate on the server that covers the name (exact name first, then one-label wildcard). */
function coveringCertificate(ctx: RuleContext, server: string | undefined, name: string): Certificate | undefined {
  const wanted = normaliseHostName(name);
  const usable = ctx
    .certificatesOn(server)
    .filter(
      (c) =>
        c.origin === "cmdlet" &&
        !isAuthCertificate(c) &&
        isSelfSigned(c) === false &&
        c.hasPrivateKey !== false &&
        statusValid(c) !== false &&
        agreedExpiry(c.notAfter, ctx.asOf)?.state !== "expired" &&
        !namesCut(c),
    );
  const exact = usable.filter((c) => namesOf(c).some((n) => normaliseHostName(n) === wanted));
  const covering = exact.length > 0 ? exact : usable.filter((c) => namesOf(c).some((n) => coversName(n, name)));
  return covering.find((c) => c.services?.includes("SMTP")) ?? covering[0];
}

function namesCut(cert: Certificate): boolean {
  return cert.truncated.includes("subject") || cert.truncated.includes("domains");
}

/** The server's own name (NetBIOS or FQDN): what a connector stands for when nobody gave it a public name. */
function isServerOwnName(ctx: RuleContext, fqdn: string, server: string | undefined): boolean {
  if (server === undefined) return false;
  const name = normaliseHostName(fqdn);
  const short = server.trim().toLowerCase();
  if (name === short || name.split(".")[0] === short) return true;
  const known = serverFqdn(ctx, server);
  return known !== undefined && normaliseHostName(known) === name;
}

/**
 * The FQDN of the first Get-ExchangeServer record with this name (as `find` with `sameServer` gives it), from an
 * index built once per analysis: asked for each connector, a scan of every server was quadratic.
 */
function serverFqdn(ctx: RuleContext, server: string): string | undefined {
  let first = firstServers.get(ctx);
  if (first === undefined) {
    first = firstIndexByServer(ctx.inventory.servers, (s) => s.name);
    firstServers.set(ctx, first);
  }
  const index = first.get(serverKey(server));
  return index === undefined ? undefined : ctx.inventory.servers[index]?.fqdn;
}

const firstServers = new WeakMap<RuleContext, ReadonlyMap<string | undefined, number>>();

function wildcardHint(names: readonly string[], host: string): string {
  const target = normaliseHostName(host);
  const near = names.some((n) => {
    const name = normaliseHostName(n);
    return name.startsWith("*.") && (target === name.slice(2) || target.endsWith(`.${name.slice(2)}`));
  });
  return near ? " (a wildcard covers exactly one left-most label)" : "";
}
