import { describe, expect, it } from "vitest";
import { commonName, nearDn, parseDistinguishedName, sameDn } from "./distinguished-name";

const GODADDY =
  'CN=Go Daddy Secure Certificate Authority - G2, OU=http://certs.godaddy.com/repository/, O="GoDaddy.com, Inc.", L=Scottsdale, S=Arizona, C=US';

describe("parseDistinguishedName", () => {
  it.each([
    [
      "quoted value with a comma (as Get-ExchangeCertificate prints it)",
      GODADDY,
      [
        ["CN", "Go Daddy Secure Certificate Authority - G2"],
        ["OU", "http://certs.godaddy.com/repository/"],
        ["O", "GoDaddy.com, Inc."],
        ["L", "Scottsdale"],
        ["S", "Arizona"],
        ["C", "US"],
      ],
    ],
    [
      "escaped comma",
      "CN=mail.contoso.com, O=GoDaddy.com\\, Inc., C=US",
      [
        ["CN", "mail.contoso.com"],
        ["O", "GoDaddy.com, Inc."],
        ["C", "US"],
      ],
    ],
    [
      "ST instead of S, lower-case type",
      "cn=mail, ST=Washington",
      [
        ["CN", "mail"],
        ["ST", "Washington"],
      ],
    ],
    ["doubled quote inside a quoted value", 'O="Contoso ""Mail"" Ltd"', [["O", 'Contoso "Mail" Ltd']]],
    ["hex escapes as UTF-8", "CN=Caf\\C3\\A9", [["CN", "Café"]]],
    [
      "multi-valued RDN",
      "CN=a + OU=b, C=US",
      [
        ["CN", "a"],
        ["OU", "b"],
        ["C", "US"],
      ],
    ],
    [
      "OID type",
      "OID.2.5.4.97=VATDE-123, CN=x",
      [
        ["OID.2.5.4.97", "VATDE-123"],
        ["CN", "x"],
      ],
    ],
    ["Exchange's own self-signed subject (sample 02)", "CN=MOS-MAIL", [["CN", "MOS-MAIL"]]],
  ])("%s", (_name, dn, expected) => {
    const parsed = parseDistinguishedName(dn);
    expect(parsed.problems).toEqual([]);
    expect(parsed.rdns.map((r) => [r.type, r.value])).toEqual(expected);
  });

  it.each([
    ["unclosed quote", 'O="GoDaddy.com, Inc., C=US', /not closed/],
    ["trailing comma (a cut value)", "CN=*.contoso.ru, ", /empty/],
    ["component without a type", "CN=a, Contoso", /no attribute type/],
    ["empty", "  ", /empty/],
    ["lone backslash at the end", "CN=a\\", /backslash/],
  ])("reports %s", (_name, dn, problem) => {
    const parsed = parseDistinguishedName(dn);
    expect(parsed.problems.join(" ")).toMatch(problem);
  });
});

describe("commonName", () => {
  it.each([
    ["CN=mail.contoso.com, OU=IT, O=Contoso", "mail.contoso.com"],
    ["O=Contoso, CN=first, CN=second", "first"],
    ['CN="a, b", O=x', "a, b"],
    ["O=Contoso, C=US", undefined],
    ["CN=Microsoft Exchange Server Auth Certificate", "Microsoft Exchange Server Auth Certificate"],
  ])("%s → %s", (dn, cn) => {
    expect(commonName(dn)).toBe(cn);
  });
});

describe("sameDn / nearDn", () => {
  it.each([
    ["identical", GODADDY, GODADDY, true, true],
    ["case differs", "CN=Mail.Contoso.com, O=Contoso", "cn=mail.contoso.com, o=contoso", true, true],
    ["console padding", "  CN=mail ", "CN=mail", true, true],
    ["spacing between RDNs", "CN=mail,O=Contoso", "CN=mail, O=Contoso", false, true],
    ["RDN order", "CN=mail, O=Contoso, C=US", "C=US, O=Contoso, CN=mail", false, true],
    ["S vs ST", "CN=mail, S=Washington", "CN=mail, ST=Washington", false, true],
    ["quoted vs escaped", 'O="GoDaddy.com, Inc."', "O=GoDaddy.com\\, Inc.", false, true],
    ["different value", "CN=mail.contoso.com", "CN=smtp.contoso.com", false, false],
    ["extra RDN", "CN=mail, O=Contoso", "CN=mail", false, false],
    ["unparsable is never near", 'O="open', 'O="open', true, false],
  ])("%s", (_name, a, b, same, near) => {
    expect(sameDn(a, b)).toBe(same);
    expect(nearDn(a, b)).toBe(near);
  });
});
