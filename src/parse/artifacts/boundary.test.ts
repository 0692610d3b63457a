import { describe, expect, it } from "vitest";
import { splitLines } from "../lines";
import { isListLine, isPrompt, isTableHeaderAt, startsOtherThing } from "./boundary";

describe("boundary lines every artifact reader stops before", () => {
  it.each([
    ["PS C:\\Windows\\system32> Get-ExchangeCertificate", true],
    ["[PS] C:\\Windows\\system32>Enable-ExchangeCertificate -Services SMTP", true],
    ["PS> Get-Date", true],
    ["C:\\OpenSSL-Win32\\bin>openssl s_client -connect x:25", false],
    ["PSComputerName : s2", false],
  ])("isPrompt(%j) is %s", (text, expected) => {
    expect(isPrompt(text)).toBe(expected);
  });

  it.each([
    ["Thumbprint         : 5E4387C9FF08E0A3EA4C1F0A9E9C0A7BD9F2D083", true],
    ["AccessRules        :", true],
    ["Log Name:      Application", false],
    ["Test-Certificate : The certificate is revoked.", false],
    ["    + CategoryInfo          : NotSpecified: (:)", false],
    ["\t\t\tTLSCertificateName set: False", false],
  ])("isListLine(%j) is %s", (text, expected) => {
    expect(isListLine(text)).toBe(expected);
  });

  it("finds table headers, not openssl separators", () => {
    const table = splitLines("Thumbprint   Services   Subject\n----------   --------   -------");
    expect(isTableHeaderAt(table, 0)).toBe(true);
    const single = splitLines("Name\n----");
    expect(isTableHeaderAt(single, 0)).toBe(true);
    const openssl = splitLines("verify error:num=20:unable to get local issuer certificate\n---");
    expect(isTableHeaderAt(openssl, 0)).toBe(false);
    expect(startsOtherThing(openssl, 0)).toBe(false);
    expect(startsOtherThing(table, 0)).toBe(true);
  });
});
