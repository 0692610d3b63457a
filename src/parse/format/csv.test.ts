import { describe, expect, it } from "vitest";
import { splitLines } from "../lines";
import { readCsv } from "./csv";
import type { ReadResult } from "./types";

function texts(result: ReadResult): Record<string, string>[] {
  return result.records.map((record) =>
    Object.fromEntries([...record.fields].map(([name, v]) => [name, v.kind === "text" ? v.text : ""])),
  );
}

describe("readCsv", () => {
  it("reads Export-Csv output with its #TYPE line, quoted fields and a field spanning lines", () => {
    const paste = [
      "#TYPE Selected.Microsoft.Exchange.Management.SystemConfigurationTasks.ExchangeCertificate",
      '"Thumbprint","Subject","Services","NotAfter"',
      '"BBA9F942B32F3E0F6E0C4E735BD1F38D4C06612E","CN=MOS-MAIL","IMAP, POP, IIS, SMTP","02.02.2028 3:09:22"',
      '"3DAF40EC85C62DD39D98696AB5413E3EB83D6415","CN=Microsoft Exchange Server Auth Certificate, O=""Contoso, Inc.""","SMTP","02.02.2028 4:22:23"',
      '"7274AA46956DFF4E80B13168A7B6B0037C99CA14","CN=WMSvc-SHA2-MOS-MAIL","None","30.01.2033',
      '2:48:33"',
    ].join("\n");
    const result = readCsv(splitLines(paste));
    expect(texts(result)).toEqual([
      {
        Thumbprint: "BBA9F942B32F3E0F6E0C4E735BD1F38D4C06612E",
        Subject: "CN=MOS-MAIL",
        Services: "IMAP, POP, IIS, SMTP",
        NotAfter: "02.02.2028 3:09:22",
      },
      {
        Thumbprint: "3DAF40EC85C62DD39D98696AB5413E3EB83D6415",
        Subject: 'CN=Microsoft Exchange Server Auth Certificate, O="Contoso, Inc."',
        Services: "SMTP",
        NotAfter: "02.02.2028 4:22:23",
      },
      {
        Thumbprint: "7274AA46956DFF4E80B13168A7B6B0037C99CA14",
        Subject: "CN=WMSvc-SHA2-MOS-MAIL",
        Services: "None",
        NotAfter: "30.01.2033\n2:48:33",
      },
    ]);
    expect(result.records.map((r) => [r.startLine, r.endLine])).toEqual([
      [3, 3],
      [4, 4],
      [5, 6],
    ]);
    expect(result.records[2]?.fields.get("NotAfter")).toMatchObject({ startLine: 5, endLine: 6, truncated: false });
    expect(result.unread).toEqual([]);
  });

  it("detects the semicolon of `-UseCulture` in a German session from the header", () => {
    const paste = [
      '"Identity";"Fqdn";"TlsCertificateName"',
      '"EX01\\Default Frontend EX01";"mail.contoso.de";"<I>CN=R3, O=Let\'s Encrypt, C=US<S>CN=mail.contoso.de"',
    ].join("\n");
    expect(texts(readCsv(splitLines(paste)))).toEqual([
      {
        Identity: "EX01\\Default Frontend EX01",
        Fqdn: "mail.contoso.de",
        TlsCertificateName: "<I>CN=R3, O=Let's Encrypt, C=US<S>CN=mail.contoso.de",
      },
    ]);
  });

  it("reads PowerShell 7 output without quotes and skips blank lines", () => {
    const paste = ["Name,Enabled", "", "EX01,True", "EX02,False"].join("\n");
    expect(texts(readCsv(splitLines(paste)))).toEqual([
      { Name: "EX01", Enabled: "True" },
      { Name: "EX02", Enabled: "False" },
    ]);
  });

  it("reports a value beyond the last column as a leftover", () => {
    const result = readCsv(splitLines('"Name","Fqdn"\n"EX01","ex01.contoso.com","extra"'));
    expect(texts(result)).toEqual([{ Name: "EX01", Fqdn: "ex01.contoso.com" }]);
    expect(result.leftovers).toEqual([{ line: 2, text: "extra", reason: "value beyond the last column" }]);
  });

  it("leaves a row whose quote never closes unread", () => {
    const result = readCsv(splitLines('"Name","Fqdn"\n"EX01","ex01"\n"EX02","ex02\nmore'));
    expect(texts(result)).toEqual([{ Name: "EX01", Fqdn: "ex01" }]);
    expect(result.unread.map((line) => line.no)).toEqual([3, 4]);
  });

  it("leaves a line with no delimiter under a multi-column header unread", () => {
    const result = readCsv(splitLines('"Name","Fqdn"\n"EX01","ex01"\nPS C:\\> exit'));
    expect(result.records).toHaveLength(1);
    expect(result.unread.map((line) => line.no)).toEqual([3]);
  });
});
