import { describe, expect, it } from "vitest";
import type { Certificate } from "../model/certificate";
import { emptyInventory, type Inventory } from "../model/inventory";
import type { HybridConfiguration } from "../model/server";
import { makeCert, makeReceiveConnector, makeSendConnector, makeTransportService, thumb } from "../model/test-builders";
import { referenceIndex } from "./references";
import type { Selection } from "./select/types";
import { groupByServer, serverKey } from "./server-index";

const ISSUER = "CN=Contoso Issuing CA, O=Contoso, C=US";
const MAIL = `<I>${ISSUER}<S>CN=mail.contoso.com`;
const SMTP = `<I>${ISSUER}<S>CN=smtp.contoso.com`;

function presented(connector: string, certificate: Certificate): Selection {
  return {
    server: certificate.server,
    connector,
    connectorKind: "receive",
    direction: "inbound",
    fqdn: undefined,
    certificate,
    starttls: true,
    via: "Fqdn",
    steps: [],
  };
}

function hybridNaming(tlsCertificateName: string): HybridConfiguration {
  return {
    kind: "hybrid-configuration",
    tlsCertificateName,
    receivingTransportServers: undefined,
    sendingTransportServers: undefined,
    edgeTransportServers: undefined,
    onPremisesSmartHost: undefined,
    domains: undefined,
    features: undefined,
    truncated: [],
    source: { block: 5, startLine: 1, endLine: 1 },
  };
}

function index(inventory: Inventory, selections: readonly Selection[]) {
  const byServer = groupByServer(inventory.certificates, (c) => c.server);
  return referenceIndex(inventory, selections, (server) => byServer.get(serverKey(server)) ?? []);
}

describe("referenceIndex", () => {
  const mail1 = makeCert({ server: "EX01", thumbprint: thumb("A1") });
  const mail2 = makeCert({ server: "EX02", thumbprint: thumb("A2") });
  const smtp1 = makeCert({ server: "EX01", thumbprint: thumb("B1"), subject: "CN=smtp.contoso.com" });
  const inventory: Inventory = {
    ...emptyInventory(),
    certificates: [mail1, mail2, smtp1],
    receiveConnectors: [
      makeReceiveConnector({ server: "EX01", name: "Default Frontend EX01", tlsCertificateName: MAIL }),
      makeReceiveConnector({ server: "EX02", name: "Default Frontend EX02", tlsCertificateName: MAIL }),
      makeReceiveConnector({ server: "EX01", name: "Internet 2", tlsCertificateName: MAIL }),
    ],
    sendConnectors: [
      makeSendConnector({ name: "Internet 1", tlsCertificateName: MAIL }),
      makeSendConnector({ name: "Internet 2", tlsCertificateName: SMTP }),
      makeSendConnector({ name: "Internet 3", tlsCertificateName: "not a name" }),
      makeSendConnector({ name: "Internet 2", tlsCertificateName: MAIL }),
      makeSendConnector({ name: "Internet 4", tlsCertificateName: MAIL }),
    ],
    hybridConfigurations: [hybridNaming(MAIL)],
    transportServices: [makeTransportService("EX01", thumb("A1"))],
  };
  const referencesTo = index(inventory, [presented("Client Frontend EX01", mail1), presented("Relay", mail1)]);

  it("lists presentations, the server's receive connectors, organisation-wide names in the paste's order, then the internal transport certificate", () => {
    expect(referencesTo(mail1)).toEqual([
      "presented by Client Frontend EX01",
      "presented by Relay",
      "named by Default Frontend EX01",
      "named by Internet 2",
      "named by Internet 1",
      "named by Internet 4",
      "named by the hybrid configuration",
      "the internal transport certificate",
    ]);
  });

  it("names a certificate only by the connectors of its own server and the organisation-wide values it matches", () => {
    expect(referencesTo(mail2)).toEqual([
      "named by Default Frontend EX02",
      "named by Internet 1",
      "named by Internet 2",
      "named by Internet 4",
      "named by the hybrid configuration",
    ]);
    expect(referencesTo(smtp1)).toEqual(["named by Internet 2"]);
  });

  it("takes an organisation-wide value as sameDn does: case and the console's outer padding aside", () => {
    const upper = makeCert({ server: "EX03", thumbprint: thumb("C3"), subject: "CN=SMTP.CONTOSO.COM " });
    const noIssuer = makeCert({ server: "EX03", thumbprint: thumb("D3"), issuer: undefined });
    const wide = index(
      {
        ...emptyInventory(),
        certificates: [upper, noIssuer],
        sendConnectors: [makeSendConnector({ name: "Outbound", tlsCertificateName: SMTP.toLowerCase() })],
      },
      [],
    );
    expect(wide(upper)).toEqual(["named by Outbound"]);
    expect(wide(noIssuer)).toEqual([]);
  });

  it("gives nothing for a certificate nothing refers to", () => {
    expect(referencesTo(makeCert({ server: "EX03", subject: "CN=other.contoso.com" }))).toEqual([]);
  });
});
