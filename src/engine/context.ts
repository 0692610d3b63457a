import type { Certificate } from "../model/certificate";
import type { ReceiveConnector, SendConnector } from "../model/connector";
import type { Evidence } from "../model/evidence";
import type { Inventory } from "../model/inventory";
import { matchesTlsCertificateName, parseTlsCertificateName } from "../model/tls-certificate-name";
import type { Ambiguity } from "../parse/types";
import type { RuleContext } from "./rules/types";
import { sameServer } from "./select/context";
import type { Selection } from "./select/types";

/** Builds the lookups rules share, once per analysis. */
export function ruleContext(
  inventory: Inventory,
  selections: readonly Selection[],
  asOf: Date,
  ambiguities: readonly Ambiguity[],
): RuleContext {
  const hybrid = inventory.hybridConfigurations[0];
  const references = new Map<Certificate, string[]>();
  const refer = (cert: Certificate, why: string) => {
    const list = references.get(cert) ?? [];
    if (!list.includes(why)) list.push(why);
    references.set(cert, list);
  };
  for (const s of selections) {
    if (s.certificate) refer(s.certificate, `presented by ${s.connector}`);
  }
  const named = (value: string | undefined, by: string, server: string | undefined | "any") => {
    if (!value) return;
    const parsed = parseTlsCertificateName(value);
    if (!parsed.ok) return;
    for (const cert of inventory.certificates) {
      if ((server === "any" || sameServer(cert.server, server)) && matchesTlsCertificateName(cert, parsed))
        refer(cert, by);
    }
  };
  for (const c of inventory.receiveConnectors)
    named(c.tlsCertificateName, `named by ${c.name ?? "a receive connector"}`, c.server);
  for (const c of inventory.sendConnectors)
    named(c.tlsCertificateName, `named by ${c.name ?? "a send connector"}`, "any");
  if (hybrid) named(hybrid.tlsCertificateName, "named by the hybrid configuration", "any");
  for (const t of inventory.transportServices) {
    for (const cert of inventory.certificates) {
      if (
        t.internalTransportCertificateThumbprint &&
        cert.thumbprint === t.internalTransportCertificateThumbprint &&
        sameServer(cert.server, t.server)
      )
        refer(cert, "the internal transport certificate");
    }
  }

  return {
    inventory,
    selections,
    asOf,
    ambiguities,
    hybrid,
    certificatesOn: (server) => inventory.certificates.filter((c) => sameServer(c.server, server)),
    hasCertificatesFor: (server) =>
      inventory.certificates.some((c) => sameServer(c.server, server) && c.origin === "cmdlet"),
    versionOf: (server) => inventory.servers.find((s) => sameServer(s.name, server))?.version,
    isEdge: (server) => inventory.servers.find((s) => sameServer(s.name, server))?.isEdge,
    selectionsFor: (connector: ReceiveConnector | SendConnector) =>
      selections.filter(
        (s) =>
          s.connector === (connector.name ?? connector.identity ?? "") &&
          (connector.kind === "send-connector"
            ? s.connectorKind === "send"
            : s.connectorKind === "receive" && sameServer(s.server, connector.server)),
      ),
    referencesTo: (cert) => references.get(cert) ?? [],
    evidence: (match: (e: Evidence) => boolean) => inventory.evidence.filter(match),
  };
}
