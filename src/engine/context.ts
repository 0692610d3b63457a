import type { Certificate } from "../model/certificate";
import { repeatsACertificate, uniqueCertificates } from "../model/certificate-merge";
import type { ReceiveConnector, SendConnector } from "../model/connector";
import type { Evidence } from "../model/evidence";
import type { Inventory } from "../model/inventory";
import type { Ambiguity } from "../parse/types";
import { referenceIndex } from "./references";
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
  // Parsing has usually merged repeated records already; then every server's list is its own unique list.
  const merged = !repeatsACertificate(inventory.certificates);
  // Merged once: rules ask per connector and per certificate, and merging every time made them quadratic.
  const uniqueByServer = new Map<string | undefined, readonly Certificate[]>();
  const uniqueCertificatesOn = merged
    ? certificatesOn
    : (server: string | undefined) => {
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

  const referencesTo = referenceIndex(inventory, selections, certificatesOn);
  const selectionIndex = indexSelections(selections);
  // Answered once per connector object: most rules ask about every connector, several of them more than once.
  const selectionsOf = new Map<ReceiveConnector | SendConnector, readonly Selection[]>();
  return {
    inventory,
    selections,
    asOf,
    ambiguities,
    hybrid,
    certificatesOn,
    uniqueCertificatesOn,
    installedCertificates: () => {
      if (installed === undefined) {
        const cmdlet = inventory.certificates.filter((c) => c.origin === "cmdlet");
        installed = merged ? cmdlet : uniqueCertificates(cmdlet);
      }
      return installed;
    },
    hasCertificatesFor: (server) => cmdletServers.has(serverKey(server)),
    versionOf: (server) => serverNamed(server)?.version,
    isEdge: (server) => serverNamed(server)?.isEdge,
    selectionsFor: (connector: ReceiveConnector | SendConnector) => {
      let found = selectionsOf.get(connector);
      if (found === undefined) {
        const name = connector.name ?? connector.identity ?? "";
        found =
          connector.kind === "send-connector"
            ? (selectionIndex.send.get(name) ?? [])
            : (selectionIndex.receive.get(name)?.get(serverKey(connector.server)) ?? []);
        selectionsOf.set(connector, found);
      }
      return found;
    },
    referencesTo,
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
