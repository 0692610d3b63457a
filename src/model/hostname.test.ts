import { describe, expect, it } from "vitest";
import { certificateNames, coversName, normaliseHostName } from "./hostname";
import { makeAuthCert, makeCert } from "./test-builders";

describe("coversName", () => {
  it.each([
    ["mail.contoso.com", "mail.contoso.com", true],
    ["MAIL.Contoso.COM", "mail.contoso.com", true],
    ["mail.contoso.com.", "mail.contoso.com", true],
    ["mail.contoso.com", "Mail.Contoso.com.", true],
    ["mail.contoso.com", "smtp.contoso.com", false],
    ["*.contoso.com", "a.contoso.com", true],
    ["*.contoso.com", "A.CONTOSO.COM", true],
    ["*.contoso.com.", "a.contoso.com", true],
    ["*.contoso.com", "contoso.com", false],
    ["*.contoso.com", "a.b.contoso.com", false],
    ["*.contoso.com", "acontoso.com", false],
    ["*.contoso.com", ".contoso.com", false],
    ["*.contoso.com", "*.contoso.com", true],
    ["mail*.contoso.com", "mail1.contoso.com", false],
    ["*", "contoso", false],
    ["", "mail.contoso.com", false],
    ["mail.contoso.com", "", false],
    ["EX01", "ex01", true],
  ])("%s covers %s: %s", (certName, host, expected) => {
    expect(coversName(certName, host)).toBe(expected);
  });

  it("normalises case, padding and a trailing dot", () => {
    expect(normaliseHostName("  *.Contoso.COM. ")).toBe("*.contoso.com");
  });
});

describe("certificateNames", () => {
  it.each([
    [
      "CN and SANs, duplicates removed case-insensitively",
      makeCert({
        subject: "CN=mail.contoso.com, O=Contoso",
        domains: ["Mail.Contoso.com", "autodiscover.contoso.com"],
      }),
      ["mail.contoso.com", "autodiscover.contoso.com"],
    ],
    [
      "subject only (PEM without SANs)",
      makeCert({ subject: "CN=smtp.contoso.com", domains: undefined }),
      ["smtp.contoso.com"],
    ],
    ["domains only", makeCert({ subject: undefined, domains: ["a.contoso.com"] }), ["a.contoso.com"]],
    ["no CN in the subject", makeCert({ subject: "O=Contoso, C=US", domains: [] }), []],
    [
      "the Auth certificate of sample 02",
      makeAuthCert("MOS-MAIL", { domains: ["avalonelectrotech.local"] }),
      ["Microsoft Exchange Server Auth Certificate", "avalonelectrotech.local"],
    ],
  ])("%s", (_name, cert, expected) => {
    expect(certificateNames(cert)).toEqual(expected);
  });
});
