import { describe, expect, it } from "vitest";
import { formatWindowsDn, quoteDnValue, windowsKey } from "./windows-dn";

describe("formatWindowsDn", () => {
  it("reverses the encoding order and uses CryptoAPI names", () => {
    const dn = [
      [{ key: "C", value: "US" }],
      [{ key: "ST", value: "Washington" }],
      [{ key: "1.2.840.113549.1.9.1", value: "admin@contoso.com" }],
      [{ key: "CN", value: "mail.contoso.com" }],
    ];
    expect(formatWindowsDn(dn)).toBe("CN=mail.contoso.com, E=admin@contoso.com, S=Washington, C=US");
  });

  it("writes unknown attributes as OID.x (EV certificates) and joins multi-valued RDNs with +", () => {
    const dn = [
      [{ key: "1.3.6.1.4.1.311.60.2.1.3", value: "US" }],
      [{ key: "2.5.4.15", value: "Private Organization" }],
      [
        { key: "CN", value: "a" },
        { key: "OU", value: "b" },
      ],
    ];
    expect(formatWindowsDn(dn)).toBe("CN=a + OU=b, OID.2.5.4.15=Private Organization, OID.1.3.6.1.4.1.311.60.2.1.3=US");
  });

  it.each([
    ["GoDaddy.com, Inc.", '"GoDaddy.com, Inc."'],
    ['say "hi"', '"say ""hi"""'],
    [" padded", '" padded"'],
    ["a=b", '"a=b"'],
    ["plain value", "plain value"],
  ])("quotes %j as %s", (value, quoted) => {
    expect(quoteDnValue(value)).toBe(quoted);
  });

  it("maps short names and OIDs alike", () => {
    expect([windowsKey("ST"), windowsKey("2.5.4.8"), windowsKey("emailAddress"), windowsKey("DC")]).toEqual([
      "S",
      "S",
      "E",
      "DC",
    ]);
  });
});
