import { describe, expect, it } from "vitest";
import { makeAuthCert, makeCert, makeSelfSigned } from "../../model/test-builders";
import { filtersOnSmtp, isAuthCertificate, isSelfSigned, isSmtpEnabled, label, listText, statusValid } from "./facts";

describe("certificate facts", () => {
  it.each([
    ["the Auth certificate", makeAuthCert("EX01"), true],
    ["its CN in another case", makeCert({ subject: "CN=microsoft exchange server auth certificate" }), true],
    ["a server certificate", makeSelfSigned("EX01", "EX01.contoso.local"), false],
    ["no subject", makeCert({ subject: undefined }), false],
  ])("isAuthCertificate: %s", (_name, cert, expected) => {
    expect(isAuthCertificate(cert)).toBe(expected);
  });

  it.each([
    ["IsSelfSigned given", makeCert({ selfSigned: true, issuer: "CN=CA" }), true],
    [
      "issuer = subject",
      makeCert({ selfSigned: undefined, issuer: "cn=MAIL.contoso.com", subject: "CN=mail.contoso.com" }),
      true,
    ],
    ["issuer ≠ subject", makeCert({ selfSigned: undefined }), false],
    ["issuer not pasted", makeCert({ selfSigned: undefined, issuer: undefined }), undefined],
    [
      "subject cut",
      makeCert({ selfSigned: undefined, issuer: "CN=mail", subject: "CN=mail", truncated: ["subject"] }),
      undefined,
    ],
  ])("isSelfSigned: %s", (_name, cert, expected) => {
    expect(isSelfSigned(cert)).toBe(expected);
  });

  it("reads SMTP, Status and the versions that filter on SMTP", () => {
    expect(isSmtpEnabled(makeCert({ services: ["IIS", "SMTP"] }))).toBe(true);
    expect(isSmtpEnabled(makeCert({ services: [] }))).toBe(false);
    expect(isSmtpEnabled(makeCert({ services: undefined }))).toBeUndefined();
    expect(statusValid(makeCert({ status: " valid " }))).toBe(true);
    expect(statusValid(makeCert({ status: "RevocationCheckFailure" }))).toBe(false);
    expect(statusValid(makeCert({ status: undefined }))).toBeUndefined();
    expect([undefined, "2007", "2010", "2013", "2016", "2019", "SE"].map((v) => filtersOnSmtp(v as never))).toEqual([
      false,
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
  });

  it("labels a candidate by key and subject, and marks a cut subject", () => {
    expect(label({ key: "AB", cert: makeCert({ subject: "CN=mail" }) })).toBe("AB (CN=mail)");
    expect(label({ key: "AB", cert: makeCert({ subject: "CN=mail", truncated: ["subject"] }) })).toBe(
      "AB (CN=mail, cut)",
    );
    expect(label({ key: "#3", cert: makeCert({ subject: undefined }) })).toBe("#3");
  });

  it.each([
    [[], "none"],
    [["a"], "a"],
    [["a", "b"], "a and b"],
    [["a", "b", "c"], "a, b and c"],
    [["a", "b", "c", "d", "e", "f"], "a, b, c, d and 2 more"],
  ])("listText %j", (items, text) => {
    expect(listText(items)).toBe(text);
  });
});
