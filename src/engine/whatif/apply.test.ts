import { describe, expect, it } from "vitest";
import { emptyInventory, type Inventory } from "../../model/inventory";
import type { HybridConfiguration } from "../../model/server";
import { makeCert, makeReceiveConnector, makeSendConnector, thumb } from "../../model/test-builders";
import { applyEdits } from "./apply";
import type { WhatIfEdit } from "./edits";

const iis = makeCert({ thumbprint: thumb("A1"), services: ["IIS"] });
const other = makeCert({ server: "EX02", thumbprint: thumb("A1"), services: ["IIS"] });
const base: Inventory = {
  ...emptyInventory(),
  certificates: [iis, other],
  receiveConnectors: [makeReceiveConnector({ truncated: ["tlsCertificateName"] })],
  sendConnectors: [makeSendConnector({ name: "Outbound to Office 365", identity: "Outbound to Office 365" })],
};

describe("applyEdits", () => {
  it("adds SMTP to the named certificate on the named server only, keeping its other services", () => {
    const { inventory, unmatched } = applyEdits(base, [
      { kind: "enable-smtp", server: "ex01", thumbprint: thumb("a1").toLowerCase() },
    ]);
    expect(unmatched).toEqual([]);
    expect(inventory.certificates.map((c) => c.services)).toEqual([["IIS", "SMTP"], ["IIS"]]);
    expect(base.certificates[0]?.services).toEqual(["IIS"]);
  });

  it("sets a receive connector's TlsCertificateName by name + server or by identity, and clears its truncation", () => {
    for (const edit of [
      {
        kind: "set-tlsname",
        connectorKind: "receive",
        server: "EX01",
        connector: "Default Frontend EX01",
        value: "<I>X<S>Y",
      },
      { kind: "set-tlsname", connectorKind: "receive", connector: "EX01\\Default Frontend EX01", value: "<I>X<S>Y" },
    ] satisfies WhatIfEdit[]) {
      const { inventory, unmatched } = applyEdits(base, [edit]);
      expect(unmatched).toEqual([]);
      expect(inventory.receiveConnectors[0]?.tlsCertificateName).toBe("<I>X<S>Y");
      expect(inventory.receiveConnectors[0]?.truncated).toEqual([]);
    }
  });

  it("clears TlsCertificateName with null and sets send connectors and FQDNs", () => {
    const { inventory, unmatched } = applyEdits(base, [
      { kind: "set-tlsname", connectorKind: "send", connector: "Outbound to Office 365", value: null },
      { kind: "set-fqdn", server: "EX01", connector: "Default Frontend EX01", value: "smtp.contoso.com" },
    ]);
    expect(unmatched).toEqual([]);
    expect(inventory.sendConnectors[0]?.tlsCertificateName).toBe("");
    expect(inventory.receiveConnectors[0]?.fqdn).toBe("smtp.contoso.com");
  });

  it("sets the hybrid configuration's TlsCertificateName and clears its truncation", () => {
    const hybrid: HybridConfiguration = {
      kind: "hybrid-configuration",
      tlsCertificateName: "<I>CN=Old CA<S>CN=mail.contoso...",
      receivingTransportServers: ["EX01"],
      sendingTransportServers: ["EX01"],
      edgeTransportServers: [],
      onPremisesSmartHost: undefined,
      domains: undefined,
      features: undefined,
      truncated: ["tlsCertificateName"],
      source: { block: 0, startLine: 1, endLine: 4 },
    };
    const edit: WhatIfEdit = { kind: "set-hybrid-tlsname", value: "<I>CN=New CA<S>CN=mail.contoso.com" };
    const { inventory, unmatched } = applyEdits({ ...base, hybridConfigurations: [hybrid] }, [edit]);
    expect(unmatched).toEqual([]);
    expect(inventory.hybridConfigurations.map((h) => [h.tlsCertificateName, h.truncated])).toEqual([
      ["<I>CN=New CA<S>CN=mail.contoso.com", []],
    ]);
    expect(applyEdits(base, [edit]).unmatched).toEqual([
      { index: 0, edit, reason: "no hybrid configuration in the paste" },
    ]);
  });

  it("removes and adds certificates", () => {
    const { inventory } = applyEdits(base, [
      { kind: "remove-certificate", server: "EX01", thumbprint: thumb("A1") },
      {
        kind: "add-certificate",
        server: "EX01",
        subject: "CN=mail.contoso.com",
        issuer: "CN=Contoso CA",
        domains: ["mail.contoso.com"],
        notBefore: "2026-01-01",
        notAfter: "2027-01-01",
        selfSigned: false,
        services: ["SMTP"],
      },
    ]);
    expect(inventory.certificates.map((c) => [c.server, c.thumbprint, c.subject])).toEqual([
      ["EX02", thumb("A1"), "CN=mail.contoso.com"],
      ["EX01", undefined, "CN=mail.contoso.com"],
    ]);
    expect(inventory.certificates[1]?.notAfter?.iso).toBe("2027-01-01T00:00:00.000Z");
  });

  it.each([
    [{ kind: "enable-smtp", server: "EX03", thumbprint: thumb("A1") }, "no certificate"],
    [{ kind: "remove-certificate", server: "EX01", thumbprint: thumb("B2") }, "no certificate"],
    [{ kind: "set-fqdn", server: "EX02", connector: "Default Frontend EX01", value: "a.b" }, "no receive connector"],
    [{ kind: "set-tlsname", connectorKind: "send", connector: "Nope", value: null }, "no send connector"],
  ] satisfies [WhatIfEdit, string][])("reports %j as unmatched instead of throwing", (edit, reason) => {
    const { inventory, unmatched } = applyEdits(base, [edit]);
    expect(inventory).toBe(base);
    expect(unmatched).toEqual([{ index: 0, edit, reason: expect.stringContaining(reason) }]);
  });
});
