import type { Certificate } from "../../model/certificate";
import type { ReceiveConnector, SendConnector } from "../../model/connector";
import { nearDn } from "../../model/distinguished-name";
import type { Evidence } from "../../model/evidence";
import { parseTlsCertificateName } from "../../model/tls-certificate-name";
import {
  certificateLabel,
  connectorIdentity,
  enableSmtp,
  inspectCertificates,
  inspectReceiveConnectors,
  inspectSendConnectors,
  RERUN_HCW,
  restartTransport,
  setConnectorTlsName,
} from "../fix/steps";
import { readingsOf } from "./lib/expiry";
import { groupBy } from "./lib/group";
import type { FixStep, RuleContext, RuleResult } from "./types";
import { defineRule } from "./types";

type Messages = "receive" | "send" | "near" | "renewed" | "fromEvidence";

/**
 * A well-formed TlsCertificateName that matches no certificate on the
 * connector's server: Exchange does not fall back to the FQDN, so the
 * receive connector offers no STARTTLS (event 12014) and the send connector
 * fails with 454 4.7.5 (domain F1.2.2, E7.13).
 */
export default defineRule<Messages>({
  id: "TLSNAME_NOT_FOUND",
  title: "TlsCertificateName names a certificate that is not installed",
  severity: "error",
  docs: {
    summary: "A connector's TlsCertificateName (<I>issuer<S>subject) matches no certificate installed on that server.",
    behaviour:
      "With TlsCertificateName set, Exchange looks the certificate up by issuer and subject only and does not fall back to the connector's FQDN when none matches: the receive connector stops advertising STARTTLS and logs event 12014 with the <I>…<S>… value as the 'domain name'; a send connector fails with 454 4.7.5. Typical after a renewal whose issuer changed, or after the old certificate was removed.",
    fix: "Set TlsCertificateName to the new certificate's exact issuer and subject (or clear it so the FQDN decides), enable SMTP on that certificate without overwriting the default SMTP certificate, restart the transport service and re-run the Hybrid Configuration Wizard in hybrid setups.",
    facts: ["F1.2.1", "F1.2.2", "F4.6", "E7.1", "E7.13"],
    sources: [
      "https://learn.microsoft.com/en-us/exchange/troubleshoot/email-delivery/cannot-receive-mail-with-new-certificate",
      "https://learn.microsoft.com/en-us/exchange/mail-flow/mail-routing/inbound-starttls-certificates-selection",
    ],
  },
  messages: {
    receive:
      "Receive connector '{connector}' on {server} names {name}, but no installed certificate has that issuer and subject: it offers no STARTTLS (no fallback to its FQDN; event 12014).",
    send: "Send connector '{connector}' names {name}, but no certificate on {server} has that issuer and subject: mail through it fails with 454 4.7.5.",
    near: "{connector} on {server} names {name}; the closest installed certificate is {closest}, which differs only in {difference}. Exchange compares the strings exactly, so it does not match.",
    fromEvidence:
      "{what}: a {direction} connector's TlsCertificateName{name} matches no installed, valid certificate, and Exchange does not fall back to the connector's FQDN. The connectors and certificates are not in the paste: paste them so certflow can name the connector and build the exact TlsCertificateName.",
    renewed:
      "{connector} on {server} names {name}; certificate {closest} has the same subject but a different issuer (a renewal from another CA), so it does not match.",
  },
  check(ctx) {
    const results: RuleResult<Messages>[] = [];
    const related = explainedBy(ctx);
    for (const c of ctx.inventory.receiveConnectors) results.push(...checkConnector(ctx, c, c.server, related));
    for (const c of ctx.inventory.sendConnectors) {
      for (const server of c.sourceTransportServers ?? []) results.push(...checkConnector(ctx, c, server, related));
    }
    const configured = ctx.inventory.receiveConnectors.length + ctx.inventory.sendConnectors.length > 0;
    if (!configured) results.push(...ctx.evidence(namesMissingCertificate).map(fromEvidence));
    return results;
  },
});

function checkConnector(
  ctx: RuleContext,
  c: ReceiveConnector | SendConnector,
  server: string | undefined,
  related: (c: ReceiveConnector | SendConnector) => readonly Evidence[],
): RuleResult<Messages>[] {
  if (!c.tlsCertificateName || c.truncated.includes("tlsCertificateName")) return [];
  if (!ctx.hasCertificatesFor(server)) return [];
  const parsed = parseTlsCertificateName(c.tlsCertificateName);
  if (!parsed.ok) return [];
  const selection = ctx.selectionsFor(c).find((s) => s.server === server);
  const matched = selection?.steps.find((s) => s.id === "tlsname-match");
  if (matched?.outcome !== "no") return [];
  // An expired certificate is no replacement to point the connector at. With an ISO NotAfter its one reading is
  // that date (none when unreadable, which compares as false, like an invalid Date).
  const asOf = ctx.asOf.getTime();
  const installed = ctx
    .certificatesOn(server)
    .filter((cert) => !(cert.notAfter?.iso && (readingsOf(cert.notAfter)[0] ?? Number.NaN) < asOf));

  const renewed = installed.find(
    (cert) =>
      cert.subject && nearDn(cert.subject, parsed.subject) && cert.issuer && !nearDn(cert.issuer, parsed.issuer),
  );
  const near = installed.find(
    (cert) => cert.subject && cert.issuer && nearDn(cert.subject, parsed.subject) && nearDn(cert.issuer, parsed.issuer),
  );
  const replacement = near ?? renewed ?? successorFor(installed, parsed.subject);
  const data = {
    connector: c.name ?? connectorIdentity(c) ?? "(unnamed connector)",
    server: server ?? "the unnamed server",
    name: c.tlsCertificateName,
  };
  const result: RuleResult<Messages> = {
    messageId: near ? "near" : renewed ? "renewed" : c.kind === "send-connector" ? "send" : "receive",
    data: near
      ? { ...data, closest: certificateLabel(near), difference: "spacing, case, quotes or the order of its parts" }
      : renewed
        ? { ...data, closest: certificateLabel(renewed) }
        : data,
    server,
    connector: data.connector,
    thumbprint: replacement?.thumbprint,
    sources: [c.source],
    fix: fixFor(c, server, replacement),
    explains: related(c),
  };
  return [result];
}

/**
 * The evidence a connector's finding explains: event 12014 naming its TlsCertificateName (or no name), and the
 * send or receive side's error. The entries are grouped once by the name they carry, and each answer made once per kind
 * and name from those lists: a pasted event log has thousands of entries, and searching them all for each connector
 * (or each distinct name) grew with names times entries.
 */
function explainedBy(ctx: RuleContext): (c: ReceiveConnector | SendConnector) => readonly Evidence[] {
  const related = ctx.evidence((e) => e.code === "12014" || e.code === "454 4.7.5" || e.code === "451 5.7.3");
  // Places in `related`, so an answer merged from these lists keeps the paste's order.
  const places = related.map((_, i) => i);
  const withCode = (code: string) => places.filter((i) => related[i]?.code === code);
  const sideError = { "send-connector": withCode("454 4.7.5"), "receive-connector": withCode("451 5.7.3") };
  const events = withCode("12014");
  const unnamed = events.filter((i) => related[i]?.facts.lookedFor === undefined);
  const named = groupBy(events, (i) => related[i]?.facts.lookedFor?.toLowerCase());
  const inOrder = (...lists: (readonly number[])[]) =>
    lists
      .flat()
      .sort((a, b) => a - b)
      .map((i) => related[i] as Evidence);
  // A name no event names gets its kind's one shared answer: each send connector's finding explains every 454 4.7.5,
  // and a list of its own per name grew with names times entries (here and where the report reads the lists).
  const shared = {
    "send-connector": inOrder(unnamed, sideError["send-connector"]),
    "receive-connector": inOrder(unnamed, sideError["receive-connector"]),
  };
  const answers = new Map<string, readonly Evidence[]>();
  return (c) => {
    const name = c.tlsCertificateName?.toLowerCase();
    const own = name === undefined ? undefined : named.get(name);
    if (own === undefined) return shared[c.kind];
    const key = `${c.kind}\u0000${name}`;
    let found = answers.get(key);
    if (found === undefined) {
      found = inOrder(unnamed, own, sideError[c.kind]);
      answers.set(key, found);
    }
    return found;
  };
}

/** Event 12014 whose "domain name" is an <I>…<S>… value, or the send side's 454 4.7.5. */
function namesMissingCertificate(e: Evidence): boolean {
  return (e.code === "12014" && /<I>/i.test(e.facts.lookedFor ?? "")) || e.code === "454 4.7.5";
}

function fromEvidence(e: Evidence): RuleResult<Messages> {
  const send = e.code === "454 4.7.5";
  const lookedFor = e.facts.lookedFor;
  const placeholder = (e.facts.missing ?? []).length > 0;
  return {
    messageId: "fromEvidence",
    data: {
      what: send ? "The 454 4.7.5 queue error" : "Event 12014",
      direction: send ? "send" : "receive",
      name: lookedFor && !placeholder ? ` (${lookedFor})` : "",
    },
    basis: "evidence",
    server: e.facts.server,
    connector: e.facts.connector,
    sources: [e.source],
    explains: [e],
    fix: [
      send ? inspectSendConnectors() : inspectReceiveConnectors(e.facts.server),
      inspectCertificates(e.facts.server),
    ],
  };
}

/** The certificate an admin most likely meant: one whose names cover the subject's CN. */
function successorFor(installed: readonly Certificate[], subject: string): Certificate | undefined {
  const cn = /CN=([^,]+)/i.exec(subject)?.[1]?.trim().toLowerCase();
  if (!cn) return undefined;
  return installed.find(
    (cert) =>
      cert.selfSigned === false &&
      (cert.domains ?? []).some((d) => d.toLowerCase() === cn) &&
      cert.hasPrivateKey !== false,
  );
}

function fixFor(
  c: ReceiveConnector | SendConnector,
  server: string | undefined,
  cert: Certificate | undefined,
): FixStep[] {
  if (!cert) return [inspectCertificates(server)];
  const steps: FixStep[] = [];
  if (!cert.services?.includes("SMTP")) {
    const enable = enableSmtp(cert);
    if (enable) steps.push(enable);
  }
  const set = setConnectorTlsName(c, cert);
  if (set) steps.push(set);
  steps.push(restartTransport(server, c.kind === "receive-connector" && c.transportRole !== "HubTransport"));
  if (isHybridConnector(c)) steps.push(RERUN_HCW);
  return steps;
}

function isHybridConnector(c: ReceiveConnector | SendConnector): boolean {
  if (c.kind === "send-connector") return c.cloudServicesMailEnabled === true || /office 365/i.test(c.name ?? "");
  return (
    (c.tlsDomainCapabilities ?? []).some((t) => /AcceptCloudServicesMail|AcceptOorgProtocol/i.test(t)) ||
    /default frontend/i.test(c.name ?? "")
  );
}
