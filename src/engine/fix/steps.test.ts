import { describe, expect, it } from "vitest";
import { makeCert, makeReceiveConnector, thumb } from "../../model/test-builders";
import { isLetsEncrypt, ROTATING_ISSUER, setConnectorTlsName } from "./steps";

describe("setConnectorTlsName", () => {
  const connector = makeReceiveConnector({ server: "EX02", name: "Client Frontend EX02" });

  it("warns that a Let's Encrypt issuer can change at the next renewal", () => {
    const cert = makeCert({
      thumbprint: thumb("a"),
      subject: "CN=*.northwind.com",
      issuer: "CN=R11, O=Let's Encrypt, C=US",
    });
    const step = setConnectorTlsName(connector, cert);
    expect(step?.warning).toBe(ROTATING_ISSUER);
  });

  it("gives no such warning for a CA that keeps its issuing certificate", () => {
    const cert = makeCert({
      thumbprint: thumb("b"),
      subject: "CN=mail.contoso.com",
      issuer: "CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1, O=DigiCert Inc, C=US",
    });
    expect(setConnectorTlsName(connector, cert)?.warning).toBeUndefined();
  });
});

describe("isLetsEncrypt", () => {
  it("reads the issuer's organisation, with either apostrophe, in any place of the DN", () => {
    for (const issuer of ["CN=R10, O=Let's Encrypt, C=US", "C=US, O=Let’s Encrypt, CN=E6", "O=let's encrypt"]) {
      expect(isLetsEncrypt(makeCert({ issuer }))).toBe(true);
    }
    for (const issuer of ["CN=Let's Encrypt Authority X3, O=Example", "O=Let's Encrypt Test Lab, C=US", undefined]) {
      expect(isLetsEncrypt(makeCert({ issuer }))).toBe(false);
    }
  });
});
