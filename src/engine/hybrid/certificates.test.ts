import { describe, expect, it } from "vitest";
import { date, makeAuthCert, makeCert, makeSelfSigned, thumb } from "../../model/test-builders";
import {
  chosenAmong,
  isServerOwnCertificate,
  matching,
  ownCertificate,
  uniqueCertificates,
  withThumbprint,
} from "./certificates";

const AS_OF = new Date("2026-11-24T00:00:00Z");

describe("uniqueCertificates", () => {
  it("merges the table row and the | fl record of one certificate, keeping what each knows", () => {
    const row = makeCert({
      thumbprint: thumb("4F"),
      issuer: undefined,
      services: ["IIS"],
      selfSigned: undefined,
      rootCAType: undefined,
      source: { block: 1, startLine: 22, endLine: 22 },
    });
    const list = makeCert({
      thumbprint: thumb("4F"),
      domains: undefined,
      services: ["IIS", "SMTP"],
      source: { block: 2, startLine: 29, endLine: 44 },
    });
    const [merged, ...rest] = uniqueCertificates([row, list]);
    expect(rest).toEqual([]);
    expect(merged?.issuer).toBe(list.issuer);
    expect(merged?.services).toEqual(["IIS", "SMTP"]);
    expect(merged?.rootCAType).toBe("ThirdParty");
    expect(merged?.domains).toEqual(row.domains);
    expect(merged?.source).toEqual(list.source);
  });

  it("prefers a whole value to a cut one", () => {
    const cut = makeCert({ subject: "CN=mail.cont", truncated: ["subject"], services: undefined, issuer: undefined });
    const whole = makeCert({
      subject: "CN=mail.contoso.com",
      domains: undefined,
      notAfter: undefined,
      notBefore: undefined,
    });
    const [merged] = uniqueCertificates([cut, whole]);
    expect(merged?.subject).toBe("CN=mail.contoso.com");
    expect(merged?.truncated).toEqual([]);
  });

  it("keeps certificates of other servers, and ones without a whole thumbprint, apart", () => {
    const masked = makeCert({ thumbprint: "8490765C4C47D81***E2F46BEBB98EF9084A3B", truncated: ["thumbprint"] });
    const certs = [makeCert(), makeCert({ server: "EX02" }), masked, makeCert()];
    expect(uniqueCertificates(certs)).toHaveLength(3);
  });
});

describe("lookups", () => {
  it("finds a certificate by thumbprint, in any case and spacing", () => {
    const cert = makeCert({ thumbprint: thumb("AB") });
    expect(withThumbprint([cert], thumb("ab").toLowerCase())).toBe(cert);
    expect(withThumbprint([cert], "ABAB")).toBeUndefined();
  });

  it("matches a TlsCertificateName only on whole issuer and subject", () => {
    const name = { issuer: "CN=Contoso Issuing CA, O=Contoso, C=US", subject: "CN=mail.contoso.com" };
    expect(matching([makeCert()], name)).toHaveLength(1);
    expect(matching([makeCert({ truncated: ["issuer"] })], name)).toHaveLength(0);
  });

  it("chooses the newest NotBefore among matching certificates", () => {
    const old = makeCert({ thumbprint: thumb("01"), notBefore: date("2024-01-01") });
    const renewed = makeCert({ thumbprint: thumb("02"), notBefore: date("2025-01-01") });
    expect(chosenAmong([old, renewed])).toBe(renewed);
    expect(chosenAmong([])).toBeUndefined();
  });
});

describe("the server's own certificate", () => {
  it.each([
    ["Setup's CN=EX01", makeSelfSigned("EX01", "ex01.contoso.local"), "EX01", true],
    ["CN=EX01 on the server named by FQDN", makeSelfSigned("EX01", "ex01.contoso.local"), "ex01.contoso.local", true],
    ["a CA certificate", makeCert(), "EX01", false],
    ["the OAuth certificate", makeAuthCert("EX01"), "EX01", false],
    ["another server's self-signed certificate", makeSelfSigned("EX02", "ex02.contoso.local"), "EX01", false],
    [
      "CN=EX01 without IsSelfSigned or issuer",
      makeSelfSigned("EX01", "x", { selfSigned: undefined, issuer: undefined }),
      "EX01",
      undefined,
    ],
  ])("%s → %s", (_name, cert, server, expected) => {
    expect(isServerOwnCertificate(cert, server)).toBe(expected);
  });

  it("picks a usable one: key, valid, not expired; the latest NotAfter", () => {
    const expired = makeSelfSigned("EX01", "x", { thumbprint: thumb("E1"), notAfter: date("2026-01-01") });
    const noKey = makeSelfSigned("EX01", "x", {
      thumbprint: thumb("E2"),
      hasPrivateKey: false,
      notAfter: date("2031-01-01"),
    });
    const good = makeSelfSigned("EX01", "x", { thumbprint: thumb("E3"), notAfter: date("2029-01-01") });
    const better = makeSelfSigned("EX01", "x", { thumbprint: thumb("E4"), notAfter: date("2030-01-01") });
    expect(ownCertificate([expired, noKey, good, better, makeCert()], "EX01", AS_OF)).toBe(better);
    expect(ownCertificate([expired, noKey], "EX01", AS_OF)).toBeUndefined();
  });
});
