import { describe, expect, it } from "vitest";
import { emptyInventory } from "../../model/inventory";
import {
  makeCert,
  makeExchangeServer,
  makeReceiveConnector,
  makeSelfSigned,
  makeSendConnector,
  thumb,
} from "../../model/test-builders";
import { selectAll } from "./all";

const asOf = new Date("2024-08-01T00:00:00Z");

describe("selectAll", () => {
  const inventory = {
    ...emptyInventory(),
    certificates: [
      makeCert({ server: "EX01", thumbprint: thumb("A1") }),
      makeSelfSigned("EX02", "EX02.contoso.local", { thumbprint: thumb("B2") }),
    ],
    servers: [
      makeExchangeServer("EX01", "EX01.contoso.local", "2019"),
      makeExchangeServer("EX02", "EX02.contoso.local", "2019"),
    ],
    receiveConnectors: [
      makeReceiveConnector({ server: "EX01", name: "Default Frontend EX01" }),
      makeReceiveConnector({ server: "EX02", name: "Default Frontend EX02", fqdn: "" }),
    ],
    sendConnectors: [
      makeSendConnector({ name: "Outbound to Office 365", sourceTransportServers: ["EX01", "EX02"] }),
      makeSendConnector({ name: "To partner", sourceTransportServers: undefined }),
    ],
  };

  it("gives one selection per receive connector and per send connector and source server", () => {
    const selections = selectAll(inventory, { asOf });
    expect(
      selections.map((s) => [s.connectorKind, s.connector, s.server, s.certificate?.thumbprint ?? null, s.via, s.fqdn]),
    ).toEqual([
      ["receive", "Default Frontend EX01", "EX01", thumb("A1"), "Fqdn", "mail.contoso.com"],
      ["receive", "Default Frontend EX02", "EX02", thumb("B2"), "Default", "EX02.contoso.local"],
      ["send", "Outbound to Office 365", "EX01", thumb("A1"), "Fqdn", "mail.contoso.com"],
      ["send", "Outbound to Office 365", "EX02", null, "None", "mail.contoso.com"],
      ["send", "To partner", undefined, null, "None", "mail.contoso.com"],
    ]);
  });

  it("returns nothing for an empty inventory", () => {
    expect(selectAll(emptyInventory(), { asOf })).toEqual([]);
  });
});
