import type { Certificate } from "../../model/certificate";
import type { ReceiveConnector, SendConnector } from "../../model/connector";
import { commonName } from "../../model/distinguished-name";
import { parseTlsCertificateName } from "../../model/tls-certificate-name";
import { certificateLabel, restartTransport, setConnectorTlsName } from "../fix/steps";
import { chosenAmong, isServerOwnCertificate, matching } from "../hybrid/certificates";
import { connectorRole, hybridName, isHybridReceiveConnector } from "../hybrid/scope";
import { sameServer } from "../select/context";
import { isSelfSigned } from "../select/facts";
import type { Selection } from "../select/types";
import { serverKey } from "../server-index";
import { listText } from "./lib/labels";
import type { FixStep, RuleContext, RuleResult } from "./types";
import { defineRule } from "./types";

type Messages = "receive" | "send";

/** One server's connector of a role, as senders meet it. */
interface Member {
  readonly server: string;
  readonly connector: ReceiveConnector | SendConnector;
  /** What TlsCertificateName means on this server: "" (empty), "own" (its own self-signed certificate), or the issuer and subject. */
  readonly nameKey: string;
  /** The TlsCertificateName value, trimmed; put into words only when the role's servers differ. */
  readonly name: string;
  /** Does the value name this server's own self-signed certificate? */
  readonly namesOwn: boolean;
  /** What it presents: "none", "own", issuer and subject; undefined when the server's certificates are not pasted. */
  readonly presentedKey: string | undefined;
  readonly presented: Certificate | null | undefined;
}

/**
 * Connectors of the same role on different servers should present the same
 * certificate: senders reach them through one load-balanced name, so a
 * server left out gives failures for some messages only — the intermittent
 * SubjectMismatch (domain F5.2.5, F5.1.1, E7.11, E7.17). No anchor tool
 * compares servers.
 */
export default defineRule<Messages>({
  id: "INCONSISTENT_SERVERS",
  title: "Servers present different certificates for the same connector role",
  severity: "warning",
  docs: {
    summary:
      "Connectors of the same role on different servers (e.g. every 'Default Frontend <server>') have different TlsCertificateName values or select different certificates, or a send connector presents different certificates from its source servers.",
    behaviour:
      "Exchange selects a certificate per connector and per server. Mail reaches a role through one name (an MX record, a load-balanced namespace, the hybrid smart host), so when one server's connector names or selects another certificate, only the connections that land on it fail: Exchange Online's intermittent 450 4.4.317 SubjectMismatch when one receiving server lacks the hybrid TlsCertificateName, or 454 4.7.5 certificate validation failure when Edge and Mailbox servers carry different certificates. Each server's own self-signed certificate counts as the same choice.",
    fix: "Give the connector the same TlsCertificateName on every server, and install that certificate (with its private key, enabled for SMTP) on every server, then restart the transport services.",
    facts: ["F5.1.1", "F5.2.5", "E7.11", "E7.17", "F1.7.2"],
    sources: [
      "https://xostmoen.wordpress.com/2017/11/08/450-4-7-320-certificate-validation-failed/",
      "https://learn.microsoft.com/en-us/exchange/certificate-requirements",
      "https://techcommunity.microsoft.com/blog/exchange/tls-certificates-in-exchange-hybrid---common-issues--how-to-fix-them/4420592",
    ],
  },
  messages: {
    receive:
      "'{role}' connectors differ between servers: {details}. Senders reaching these servers through one name get different certificates, so checks such as Exchange Online's fail for some connections only (intermittent 450 4.4.317 SubjectMismatch).",
    send: "Send connector '{connector}' presents different certificates from its source servers: {details}. The receiving side expects one name, so mail fails from some servers only (454 4.7.5 certificate validation failure, 550 5.7.51).",
  },
  check(ctx) {
    return [...receiveRoles(ctx), ...sendConnectors(ctx)];
  },
});

function receiveRoles(ctx: RuleContext): RuleResult<Messages>[] {
  // `servers` holds the members' server keys: a role spans every server of the organisation, and scanning the
  // members for each connector made this rule quadratic in the number of servers.
  const groups = new Map<string, { role: string; members: Member[]; servers: Set<string | undefined> }>();
  for (const c of ctx.inventory.receiveConnectors) {
    if (c.enabled === false || c.server === undefined || !c.name || c.tlsCertificateName === undefined) continue;
    if (c.truncated.includes("tlsCertificateName")) continue;
    const role = connectorRole(c.name, c.server);
    const key = `${role.toLowerCase()}|${c.transportRole?.toLowerCase() ?? ""}`;
    let group = groups.get(key);
    if (group === undefined) {
      group = { role, members: [], servers: new Set() };
      groups.set(key, group);
    }
    const server = serverKey(c.server);
    if (!group.servers.has(server)) {
      group.servers.add(server);
      group.members.push(member(ctx, c, c.server, c.tlsCertificateName));
    }
  }
  const results: RuleResult<Messages>[] = [];
  // Found once: every hybrid role's finding explains the same log entries.
  const mismatches = ctx.evidence((e) => e.facts.tlsError?.toLowerCase() === "subjectmismatch");
  for (const { role, members } of groups.values()) {
    if (members.length < 2 || consistent(members)) continue;
    const reference = referenceOf(ctx, members);
    const connectors = members.map((m) => m.connector);
    results.push({
      messageId: "receive",
      data: { role, details: details(members) },
      connector: role,
      sources: connectors.map((c) => c.source),
      fix: alignAll(ctx, members, reference),
      explains: connectors.some((c) => c.kind === "receive-connector" && isHybridReceiveConnector(c, false))
        ? mismatches
        : [],
    });
  }
  return results;
}

function sendConnectors(ctx: RuleContext): RuleResult<Messages>[] {
  const results: RuleResult<Messages>[] = [];
  // Found once: every connector's finding explains the same log entries.
  const failures = ctx.evidence(
    (e) => (e.code === "454 4.7.5" && e.facts.tlsError !== undefined) || e.code === "550 5.7.51",
  );
  for (const c of ctx.inventory.sendConnectors) {
    if (c.enabled === false || c.tlsCertificateName === undefined || c.truncated.includes("tlsCertificateName"))
      continue;
    const members = ctx
      .selectionsFor(c)
      .flatMap((s) =>
        s.server !== undefined && ctx.hasCertificatesFor(s.server)
          ? [member(ctx, c, s.server, c.tlsCertificateName)]
          : [],
      );
    if (members.length < 2 || new Set(members.map((m) => m.presentedKey)).size < 2) continue;
    const reference = referenceOf(ctx, members);
    const connector = c.name ?? c.identity ?? "(unnamed send connector)";
    results.push({
      messageId: "send",
      data: { connector, details: details(members, false) },
      connector,
      sources: [c.source],
      fix: alignAll(ctx, members, reference),
      explains: failures,
    });
  }
  return results;
}

function member(
  ctx: RuleContext,
  c: ReceiveConnector | SendConnector,
  server: string,
  value: string | undefined,
): Member {
  const pasted = ctx.hasCertificatesFor(server);
  const presented = pasted ? (presentedBy(ctx, c, server)?.certificate ?? null) : undefined;
  const name = (value ?? "").trim();
  const parsed = name === "" ? undefined : parseTlsCertificateName(value ?? "");
  const namesOwn = parsed?.ok === true && namesOwnCertificate(parsed, ctx.uniqueCertificatesOn(server), server);
  return {
    server,
    connector: c,
    nameKey:
      parsed === undefined
        ? ""
        : !parsed.ok
          ? name.toLowerCase()
          : namesOwn
            ? "own"
            : issuerAndSubject(parsed, parsed.issuer, parsed.subject),
    name,
    namesOwn,
    presented,
    presentedKey: presented === undefined ? undefined : presented === null ? "none" : certKey(presented, server),
  };
}

/**
 * The connector's selection on the server. A receive connector's selections are its server's already (`selectionsFor`
 * indexes them by server), so the first is the one: asked for every receive connector of the organisation.
 */
function presentedBy(ctx: RuleContext, c: ReceiveConnector | SendConnector, server: string): Selection | undefined {
  const selections = ctx.selectionsFor(c);
  if (c.kind === "receive-connector" && sameServer(c.server, server)) return selections[0];
  return selections.find((s) => sameServer(s.server, server));
}

/** Does the certificate Exchange takes for this TlsCertificateName on the server count as the server's own? */
function namesOwnCertificate(
  parsed: { readonly issuer: string; readonly subject: string },
  certs: readonly Certificate[],
  server: string,
): boolean {
  const named = chosenAmong(matching(certs, parsed));
  return named !== undefined && isServerOwnCertificate(named, server) === true;
}

/** What the member's TlsCertificateName means, for the message. */
function nameText(m: Member): string {
  if (m.name === "") return "no TlsCertificateName";
  return m.namesOwn ? "TlsCertificateName of its own self-signed certificate" : `TlsCertificateName ${m.name}`;
}

/** Each server's own self-signed certificate is the same choice; otherwise issuer and subject identify it. */
function certKey(cert: Certificate, server: string): string {
  if (isServerOwnCertificate(cert, server) === true) return "own";
  if (cert.issuer !== undefined && cert.subject !== undefined) return issuerAndSubject(cert, cert.issuer, cert.subject);
  return cert.thumbprint ?? "unknown";
}

/**
 * Issuer and subject folded into one key, once per certificate or parsed name (`of`, whose issuer and subject these
 * are; parsed names are shared per value): a role's members on every server present and name the same few
 * certificates.
 */
function issuerAndSubject(of: object, issuer: string, subject: string): string {
  let key = folded.get(of);
  if (key === undefined) {
    key = `${issuer.trim().toLowerCase()}<s>${subject.trim().toLowerCase()}`;
    folded.set(of, key);
  }
  return key;
}

const folded = new WeakMap<object, string>();

/** One name and at most one presented certificate among the members, read until the first difference. */
function consistent(members: readonly Member[]): boolean {
  const [first] = members;
  let presented: string | undefined;
  for (const m of members) {
    if (m.nameKey !== first?.nameKey) return false;
    if (m.presentedKey === undefined) continue;
    if (presented === undefined) presented = m.presentedKey;
    else if (m.presentedKey !== presented) return false;
  }
  return true;
}

/**
 * The members' choices, servers that made the same one (as `consistent` compares them) named together: a role spans
 * every server of an organisation, and saying each server's identical choice again made one finding of a thousand
 * servers some 180 KB long, with the few servers that differ lost in it.
 */
function details(members: readonly Member[], withName = true): string {
  const groups = new Map<string, Member[]>();
  for (const m of members) {
    const key = `${withName ? m.nameKey : ""}\u0000${m.presentedKey ?? ""}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [m]);
    else group.push(m);
  }
  const parts: string[] = [];
  for (const group of groups.values()) {
    const [first] = group;
    if (first === undefined) continue;
    parts.push(
      `${listText(group.map((m) => m.server))}: ${withName ? `${nameText(first)} → ` : ""}${shownText(group, first)}`,
    );
  }
  return parts.join("; ");
}

/** What a group of members presents; `first` is its first member. */
function shownText(group: readonly Member[], first: Member): string {
  const cert = first.presented;
  if (cert === undefined) return "certificates not pasted";
  if (cert === null) return "no certificate (no STARTTLS)";
  if (first.presentedKey === "own")
    return group.length > 1
      ? "each its own self-signed certificate"
      : `${certificateLabel(cert)} (its own self-signed certificate)`;
  // Copies with one issuer and subject count as one choice, though their thumbprints may differ from server to server:
  // the issuer then tells the choice from another with the same subject.
  const thumbprints = new Set(group.map((m) => m.presented?.thumbprint));
  if (thumbprints.size === 1) return certificateLabel(cert);
  const issuer = cert.issuer === undefined ? "" : ` issued by ${commonName(cert.issuer) ?? cert.issuer}`;
  return `${cert.subject ?? "a certificate"}${issuer} (${thumbprints.size} different thumbprints)`;
}

/** The server whose choice the others should follow: the hybrid certificate, else a CA certificate named by TlsCertificateName, else a CA certificate. */
function referenceOf(ctx: RuleContext, members: readonly Member[]): Member | undefined {
  const name = hybridName(ctx.hybrid);
  const ca = (m: Member) => m.presented != null && isSelfSigned(m.presented) === false;
  return (
    members.find((m) => name !== undefined && m.presented != null && matching([m.presented], name).length > 0) ??
    members.find((m) => ca(m) && m.nameKey !== "") ??
    members.find(ca)
  );
}

/** `align` for every member but the reference, in order; a role spans every server, so without `flatMap`. */
function alignAll(ctx: RuleContext, members: readonly Member[], reference: Member | undefined): FixStep[] {
  const steps: FixStep[] = [];
  for (const m of members) if (m !== reference) for (const step of align(ctx, m, reference)) steps.push(step);
  return steps;
}

/** Point this server's connector at the reference certificate, or install it there first. */
function align(ctx: RuleContext, m: Member, reference: Member | undefined): FixStep[] {
  const target = reference?.presented;
  if (!target || target.issuer === undefined || target.subject === undefined) return [];
  if (m.presentedKey === reference.presentedKey && m.nameKey === reference.nameKey) return [];
  const installed = chosenAmong(
    matching(ctx.uniqueCertificatesOn(m.server), { issuer: target.issuer, subject: target.subject }),
  );
  const steps: FixStep[] = [];
  if (!installed) {
    steps.push({
      phase: "install",
      why: `Install ${certificateLabel(target)} (the certificate ${reference.server} presents) with its private key on ${m.server}, and enable it for SMTP there, answering No to 'Overwrite the existing default SMTP certificate?'.`,
      commands: [],
    });
  }
  if (m.nameKey !== reference.nameKey) {
    const set = setConnectorTlsName(m.connector, installed ?? target);
    if (set) steps.push(set);
  }
  if (m.connector.kind === "receive-connector") {
    steps.push(restartTransport(m.server, m.connector.transportRole?.toLowerCase() !== "hubtransport"));
  }
  return steps;
}
