import { describe, expect, it } from "vitest";
import type { HybridConfiguration } from "../../model/server";
import { makeReceiveConnector, makeSendConnector } from "../../model/test-builders";
import {
  connectorRole,
  hybridName,
  hybridScope,
  isExoSendConnector,
  isHybridReceiveConnector,
  isHybridSendConnector,
  scopeRole,
  scopeServers,
} from "./scope";

function hybrid(over: Partial<HybridConfiguration> = {}): HybridConfiguration {
  return {
    kind: "hybrid-configuration",
    tlsCertificateName: "<I>CN=GeoTrust TLS RSA CA G1, OU=www.digicert.com, O=DigiCert Inc, C=US<S>CN=mail.contoso.com",
    receivingTransportServers: ["ex-02"],
    sendingTransportServers: ["ex-02", "EX-03"],
    edgeTransportServers: [],
    onPremisesSmartHost: "mail.contoso.com",
    domains: ["contoso.com"],
    features: undefined,
    truncated: [],
    source: { block: 0, startLine: 1, endLine: 1 },
    ...over,
  };
}

describe("hybridScope", () => {
  it("takes Receiving and Sending servers, without duplicates", () => {
    const scope = hybridScope(hybrid());
    expect(scopeServers(scope)).toEqual(["ex-02", "EX-03"]);
    expect(scopeRole(scope, "EX-02")).toBe("sending and receiving");
    expect(scopeRole(scope, "ex-03")).toBe("sending");
  });

  it("puts Edge servers on both sides", () => {
    const scope = hybridScope(
      hybrid({ receivingTransportServers: [], sendingTransportServers: [], edgeTransportServers: ["EDGE1"] }),
    );
    expect(scope.receiving).toEqual(["EDGE1"]);
    expect(scope.sending).toEqual(["EDGE1"]);
    expect(scopeRole(scope, "edge1")).toBe("Edge");
  });
});

describe("hybridName", () => {
  it("reads issuer and subject", () => {
    expect(hybridName(hybrid())).toEqual({
      issuer: "CN=GeoTrust TLS RSA CA G1, OU=www.digicert.com, O=DigiCert Inc, C=US",
      subject: "CN=mail.contoso.com",
    });
  });

  it.each([
    ["empty", hybrid({ tlsCertificateName: "" })],
    ["cut by the console", hybrid({ truncated: ["tlsCertificateName"] })],
    ["malformed", hybrid({ tlsCertificateName: "[I]CN=A[S]CN=B" })],
    ["not pasted", undefined],
  ])("gives nothing when %s", (_name, config) => {
    expect(hybridName(config)).toBeUndefined();
  });
});

describe("connector roles", () => {
  it.each([
    ["Outbound to Office 365 - 6c2b…", { cloudServicesMailEnabled: false }, true, true],
    [
      "Mail to O365",
      { smartHosts: ["contoso-com.mail.protection.outlook.com"], addressSpaces: ["SMTP:*;1"] },
      true,
      true,
    ],
    [
      "Mail to O365",
      { smartHosts: ["contoso-com.mail.protection.outlook.com"], cloudServicesMailEnabled: false },
      false,
      true,
    ],
    ["Internet", { addressSpaces: ["SMTP:*;1"], cloudServicesMailEnabled: false }, false, false],
  ])("send connector %s: hybrid %s, to Exchange Online %s", (name, over, hybridSend, exo) => {
    const c = makeSendConnector({ name, identity: name, ...over });
    expect(isHybridSendConnector(c)).toBe(hybridSend);
    expect(isExoSendConnector(c)).toBe(exo);
  });

  it.each([
    [makeReceiveConnector(), false, true],
    [makeReceiveConnector({ name: "Client Frontend EX01", tlsDomainCapabilities: [] }), false, false],
    [
      makeReceiveConnector({
        name: "From EXO",
        tlsDomainCapabilities: ["mail.protection.outlook.com:AcceptCloudServicesMail"],
      }),
      false,
      true,
    ],
    [
      makeReceiveConnector({
        name: "Default EX01",
        transportRole: "HubTransport",
        tlsDomainCapabilities: ["mail.protection.outlook.com:AcceptCloudServicesMail"],
      }),
      false,
      false,
    ],
    [
      makeReceiveConnector({ name: "Default internal receive connector EDGE1", transportRole: "HubTransport" }),
      true,
      true,
    ],
    [makeReceiveConnector({ enabled: false }), false, false],
  ])("receive connector %# is hybrid: %s/%s", (c, onEdge, expected) => {
    expect(isHybridReceiveConnector(c, onEdge)).toBe(expected);
  });

  it.each([
    ["Default Frontend EX01", "EX01", "Default Frontend"],
    ["Default Frontend EX01", "ex01.contoso.local", "Default Frontend"],
    ["Client Proxy EX01", "EX01", "Client Proxy"],
    ["Relay", "EX01", "Relay"],
    ["EX01", "EX01", "EX01"],
    ["Default Frontend EX01", undefined, "Default Frontend EX01"],
  ])("role of %s on %s is %s", (name, server, role) => {
    expect(connectorRole(name, server)).toBe(role);
  });
});
