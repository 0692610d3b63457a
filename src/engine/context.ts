import type { Certificate } from "../model/certificate";
import { uniqueCertificates } from "../model/certificate-merge";
import type { ReceiveConnector, SendConnector } from "../model/connector";
import type { Evidence } from "../model/evidence";
import type { Inventory } from "../model/inventory";
import { matchesTlsCertificateName, parseTlsCertificateName } from "../model/tls-certificate-name";
import type { Ambiguity } from "../parse/types";
import type { RuleContext } from "./rules/types";
import type { Selection } from "./select/types";
import { firstIndexByServer, groupByServer, serverKey } from "./server-index";

/** Builds the lookups rules share, once per analysis (indexed by server, so rules stay linear in the paste). */
export function ruleContext(
  inventory: Inventory,
  selections: readonly Selection[],
  asOf: Date,
  ambiguities: readonly Ambiguity[],
): RuleContext {
  const hybrid = inventory.hybridConfigurations[0];
  const certificatesByServer = groupByServer(inventory.certificates, (c) => c.server);
  const certificatesOn = (server: string | undefined) => certificatesByServer.get(serverKey(server)) ?? [];
  // Merged once: rules ask per connector and per certificate, and merging every time made them quadratic.
  const uniqueByServer = new Map<string | undefined, readonly Certificate[]>();
  const uniqueCertificatesOn = (server: string | undefined) => {
    const key = serverKey(server);
    let unique = uniqueByServer.get(key);
    if (unique === undefined) {
      unique = uniqueCertificates(certificatesOn(server));
      uniqueByServer.set(key, unique);
    }
    return unique;
  };
  let installed: readonly Certificate[] | undefined;
  const serverByName = firstIndexByServer(inventory.servers, (s) => s.name);
  const serverNamed = (server: string | undefined) => {
    const index = serverByName.get(serverKey(server));
    return index === undefined ? undefined : inventory.servers[index];
  };
  const cmdletServers = new Set(
    inventory.certificates.filter((c) => c.origin === "cmdlet").map((c) => serverKey(c.server)),
  );

  // A set per certificate: one certificate can be presented and named by hundreds of connectors.
  const references = new Map<Certificate, Set<string>>();
  const refer = (cert: Certificate, why: string) => {
    const reasons = references.get(cert);
    if (reasons === undefined) references.set(cert, new Set([why]));
    else reasons.add(why);
  };
  for (const s of selections) {
    if (s.certificate) refer(s.certificate, `presented by ${s.connector}`);
  }
  // Organisation-wide names (send connectors, hybrid) are mostly the same few values: match each value once.
  const matchesAnywhere = new Map<string, readonly Certificate[]>();
  const named = (value: string | undefined, by: string, server: string | undefined | "any") => {
    if (!value) return;
    let matching = server === "any" ? matchesAnywhere.get(value) : undefined;
    if (matching === undefined) {
      const parsed = parseTlsCertificateName(value);
      if (!parsed.ok) return;
      const candidates = server === "any" ? inventory.certificates : certificatesOn(server);
      matching = candidates.filter((cert) => matchesTlsCertificateName(cert, parsed));
      if (server === "any") matchesAnywhere.set(value, matching);
    }
    for (const cert of matching) refer(cert, by);
  };
  for (const c of inventory.receiveConnectors)
    named(c.tlsCertificateName, `named by ${c.name ?? "a receive connector"}`, c.server);
  for (const c of inventory.sendConnectors)
    named(c.tlsCertificateName, `named by ${c.name ?? "a send connector"}`, "any");
  if (hybrid) named(hybrid.tlsCertificateName, "named by the hybrid configuration", "any");
  for (const t of inventory.transportServices) {
    const thumbprint = t.internalTransportCertificateThumbprint;
    if (!thumbprint) continue;
    for (const cert of certificatesOn(t.server)) {
      if (cert.thumbprint === thumbprint) refer(cert, "the internal transport certificate");
    }
  }

  const selectionIndex = indexSelections(selections);
  return {
    inventory,
    selections,
    asOf,
    ambiguities,
    hybrid,
    certificatesOn,
    uniqueCertificatesOn,
    installedCertificates: () => {
      installed ??= uniqueCertificates(inventory.certificates.filter((c) => c.origin === "cmdlet"));
      return installed;
    },
    hasCertificatesFor: (server) => cmdletServers.has(serverKey(server)),
    versionOf: (server) => serverNamed(server)?.version,
    isEdge: (server) => serverNamed(server)?.isEdge,
    selectionsFor: (connector: ReceiveConnector | SendConnector) => {
      const name = connector.name ?? connector.identity ?? "";
      if (connector.kind === "send-connector") return selectionIndex.send.get(name) ?? [];
      return selectionIndex.receive.get(name)?.get(serverKey(connector.server)) ?? [];
    },
    referencesTo: (cert) => {
      const reasons = references.get(cert);
      return reasons === undefined ? [] : [...reasons];
    },
    evidence: (match: (e: Evidence) => boolean) => inventory.evidence.filter(match),
  };
}

/** Send selections by connector name; receive selections by connector name and server. Order kept. */
function indexSelections(selections: readonly Selection[]) {
  const send = new Map<string, Selection[]>();
  const receive = new Map<string, Map<string | undefined, Selection[]>>();
  for (const s of selections) {
    if (s.connectorKind === "send") {
      const list = send.get(s.connector);
      if (list === undefined) send.set(s.connector, [s]);
      else list.push(s);
      continue;
    }
    const byServer = receive.get(s.connector) ?? new Map<string | undefined, Selection[]>();
    receive.set(s.connector, byServer);
    const key = serverKey(s.server);
    const list = byServer.get(key);
    if (list === undefined) byServer.set(key, [s]);
    else list.push(s);
  }
  return { send, receive };
}
