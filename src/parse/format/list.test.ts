import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { splitLines } from "../lines";
import { printList, readList } from "./list";
import type { RawRecord, RawValue } from "./types";

function fixture(name: string): string {
  return readFileSync(new URL(`../__fixtures__/${name}`, import.meta.url), "utf8");
}

function text(record: RawRecord | undefined, name: string): RawValue & { kind: "text" } {
  const value = record?.fields.get(name);
  if (value?.kind !== "text") throw new Error(`no text value ${name}`);
  return value;
}

describe("readList on fixture 02 (three certificates, EMS prompt, empty AccessRules)", () => {
  const result = readList(splitLines(fixture("02-getexcert-fl-ru-dates-prompt.txt")));

  it("reads one record per certificate with its lines", () => {
    expect(result.records.map((r) => [r.startLine, r.endLine, r.fields.size])).toEqual([
      [3, 16, 14],
      [18, 31, 14],
      [33, 46, 14],
    ]);
  });

  it("reports the prompt line as unread", () => {
    expect(result.unread).toEqual([{ no: 1, text: "[PS] C:\\Windows\\system32>Get-ExchangeCertificate | fl" }]);
  });

  it.each([
    [0, "AccessRules", ""],
    [0, "CertificateDomains", "{avalonelectrotech.local}"],
    [0, "NotAfter", "02.02.2028 4:22:23"],
    [1, "CertificateDomains", "{MOS-MAIL, MOS-MAIL.avalonelectrotech.local}"],
    [1, "Services", "IMAP, POP, IIS, SMTP"],
    [2, "NotAfter", "30.01.2033 2:48:33"],
    [2, "Thumbprint", "7274AA46956DFF4E80B13168A7B6B0037C99CA14"],
  ])("record %i %s = %j", (index, name, expected) => {
    const value = text(result.records[index], name);
    expect(value.text).toBe(expected);
    expect(value.truncated).toBe(false);
  });

  it("keeps the printed property order", () => {
    expect([...(result.records[0]?.fields.keys() ?? [])].slice(0, 4)).toEqual([
      "AccessRules",
      "CertificateDomains",
      "HasPrivateKey",
      "IsSelfSigned",
    ]);
  });
});

describe("readList on fixture 23 (double-spaced, two trailing spaces)", () => {
  const result = readList(splitLines(fixture("23-getreceiveconnector-fl-doublespaced-trimmed.txt")));

  it("reads one record across the blank lines", () => {
    expect(result.records).toHaveLength(1);
    expect(result.unread).toEqual([]);
    expect(result.records[0]?.startLine).toBe(1);
    expect(result.records[0]?.endLine).toBe(115);
  });

  it.each([
    ["AuthMechanism", "Tls, Integrated, BasicAuth, BasicAuthRequireTLS, ExchangeServer"],
    ["Banner", ""],
    ["Bindings", "{[::]:25, 0.0.0.0:25}"],
    ["Fqdn", "LON-EX01.Constoso.local"],
    ["PermissionGroups", "AnonymousUsers, ExchangeServers, ExchangeLegacyServers, Custom"],
    ["RemoteIPRanges", "{::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff, 0.0.0.0-255.255.255.255}"],
    ["OriginatingServer", "LON-DC01"],
  ])("%s = %j without the trailing spaces", (name, expected) => {
    expect(text(result.records[0], name).text).toBe(expected);
  });

  it("does not invent TlsCertificateName", () => {
    expect(result.records[0]?.fields.has("TlsCertificateName")).toBe(false);
  });
});

describe("readList on fixture 31 (double-spaced, wrapped mid-word, TlsCertificateName cut)", () => {
  const result = readList(splitLines(fixture("31-gethybridconfiguration-wrapped-truncated-tlscertname-ru-dates.txt")));
  const record = result.records[0];

  it("reads one record and leaves the command echo unread", () => {
    expect(result.records).toHaveLength(1);
    expect(result.unread.map((line) => line.no)).toEqual([1]);
    expect(record?.startLine).toBe(3);
  });

  it("rejoins a value wrapped in mid-word without adding a space", () => {
    const features = text(record, "Features");
    expect(features.text).toBe(
      "{FreeBusy, MoveMailbox, Mailtips, MessageTracking, OwaRedirection, OnlineArchive, SecureMail, Photos}",
    );
    expect([features.startLine, features.endLine, features.truncated]).toEqual([17, 19, false]);
  });

  it("rejoins the wrapped DistinguishedName", () => {
    expect(text(record, "DistinguishedName").text).toBe(
      "CN=Hybrid Configuration,CN=Hybrid Configuration,CN=contoso,CN=Microsoft Exchange,CN=Services,CN=Configuration,DC=contoso,DC=local",
    );
  });

  it("marks the TlsCertificateName cut at the console width", () => {
    const name = text(record, "TlsCertificateName");
    expect(name.text).toBe("<I>CN=GlobalSign RSA OV SSL CA 2018, O=GlobalSign nv-sa, C=BE<S>CN=*.contoso.ru,");
    expect(name.truncated).toBe(true);
  });

  it.each([
    ["RunspaceId", "aeb78195-474a-4042-bf3d-e8ab15bef47c"],
    ["ClientAccessServers", "{}"],
    ["AdminDisplayName", ""],
    ["WhenCreated", "20.09.2020 0:18:47"],
  ])("%s = %j", (name, expected) => {
    expect(text(record, name)).toMatchObject({ text: expected, truncated: false });
  });
});

describe("readList on hand-written console output", () => {
  it("joins an English word-wrapped collection with a space after each comma (domain doc F6.2.1)", () => {
    const paste = [
      "AccessRules        : {System.Security.AccessControl.CryptoKeyAccessRule,",
      "                        System.Security.AccessControl.CryptoKeyAccessRule,",
      "                        System.Security.AccessControl.CryptoKeyAccessRule,",
      "                        System.Security.AccessControl.CryptoKeyAccessRule}",
      "CertificateDomains : {owa.domain.com, autodiscover.domain.com}",
      "NotAfter           : 12/02/2018 1:53:00 PM",
    ].join("\n");
    const record = readList(splitLines(paste)).records[0];
    const rule = "System.Security.AccessControl.CryptoKeyAccessRule";
    expect(text(record, "AccessRules")).toMatchObject({
      text: `{${rule}, ${rule}, ${rule}, ${rule}}`,
      truncated: false,
      startLine: 1,
      endLine: 4,
    });
    expect(text(record, "NotAfter").text).toBe("12/02/2018 1:53:00 PM");
  });

  it("starts a new record when a property name comes round again without a blank line", () => {
    const paste = [
      "RunspaceId     : 1f0c",
      "PSComputerName : ex01.contoso.com",
      "Name           : EX01",
      "RunspaceId     : 1f0c",
      "PSComputerName : ex02.contoso.com",
      "Name           : EX02",
    ].join("\n");
    const result = readList(splitLines(paste));
    expect(result.records.map((r) => [r.startLine, r.endLine, text(r, "Name").text])).toEqual([
      [1, 3, "EX01"],
      [4, 6, "EX02"],
    ]);
  });

  it("splits at a name come round again in records that repeat the previous record's names", () => {
    // Records after the first follow its names without a set of their own until they stray from them.
    const names = (rows: string[]) =>
      readList(splitLines(rows.join("\n"))).records.map((r) =>
        [...r.fields].map(([n, v]) => `${n}=${v.kind === "text" ? v.text : ""}`),
      );
    expect(names(["Name : a", "Id   : 1", "", "Name : b", "Id   : 2", "Name : c", "Id   : 3"])).toEqual([
      ["Name=a", "Id=1"],
      ["Name=b", "Id=2"],
      ["Name=c", "Id=3"],
    ]);
    expect(names(["Name : a", "Id   : 1", "X    : 1", "", "Name : b", "Id   : 2", "Id   : 3", "NAME : d"])).toEqual([
      ["Name=a", "Id=1", "X=1"],
      ["Name=b", "Id=2"],
      ["Id=3", "NAME=d"],
    ]);
    expect(names(["Name : a", "Id   : 1", "", "Name : b", "ID   : 2", "Id   : 3"])).toEqual([
      ["Name=a", "Id=1"],
      ["Name=b", "ID=2"],
      ["Id=3"],
    ]);
  });

  it("takes only the first colon after the name", () => {
    const paste = ["Banner            : 220 mail.contoso.com : ready", "OriginatingServer : dc01 : x"].join("\n");
    const record = readList(splitLines(paste)).records[0];
    expect(text(record, "Banner").text).toBe("220 mail.contoso.com : ready");
    expect(text(record, "OriginatingServer").text).toBe("dc01 : x");
  });

  it("reads tab-separated names and tab-indented continuation lines", () => {
    const paste = ["Identity\t: EX01\\Default Frontend EX01", "Bindings\t: {[::]:25,", "\t\t0.0.0.0:25}"].join("\n");
    const record = readList(splitLines(paste)).records[0];
    expect(text(record, "Identity").text).toBe("EX01\\Default Frontend EX01");
    expect(text(record, "Bindings")).toMatchObject({ text: "{[::]:25, 0.0.0.0:25}", truncated: false, endLine: 3 });
  });

  it.each([
    ["{SMTP:*;1, smtp:contoso.mail.onmicrosoft.com;1...}", true],
    ["{owa.contoso.com, autodiscover.contoso.com\u2026}", true],
    ["CN=mail.contoso.com, O=Contoso Ltd, L=...", true],
    ["<I>CN=R3, O=Let's Encrypt, C=US<S>CN=mail.contoso.com,", true],
    ["CN=R3, O=Let's Encrypt, C=US", false],
    ["IP.WS..", false],
    [".......", false],
    ['CN=mail, O="Contoso, Inc."', false],
  ])("value %j is truncated: %s", (value, truncated) => {
    expect(text(readList(splitLines(`Value : ${value}`)).records[0], "Value").truncated).toBe(truncated);
  });

  it("marks a collection whose closing brace was lost", () => {
    const paste = ["Domains : {a.contoso.com,", "           b.contoso.com,", "", "Name    : x"].join("\n");
    const result = readList(splitLines(paste));
    expect(text(result.records[0], "Domains")).toMatchObject({
      text: "{a.contoso.com, b.contoso.com,",
      truncated: true,
    });
  });

  it("ends the record at a line it cannot place and reports that line", () => {
    const paste = ["Name : a", "-- more --", "Fqdn : b"].join("\n");
    const result = readList(splitLines(paste));
    expect(result.unread.map((line) => line.no)).toEqual([2]);
    expect(result.records.map((r) => [r.startLine, r.endLine])).toEqual([
      [1, 1],
      [3, 3],
    ]);
  });

  it("does not take an indented `Name : value` line after a record's blank line as a property or continuation", () => {
    const paste = ["Name : a", "Fqdn : b", "", "       Note : x"].join("\n");
    const result = readList(splitLines(paste));
    expect(result.unread.map((line) => line.no)).toEqual([4]);
    expect([...(result.records[0]?.fields.keys() ?? [])]).toEqual(["Name", "Fqdn"]);
  });

  it("keeps a URL on a continuation line as part of the value", () => {
    const paste = ["Name        : a", "ExternalUrl : see", "              https://mail.contoso.com/owa"].join("\n");
    const record = readList(splitLines(paste)).records[0];
    expect(text(record, "ExternalUrl").text).toBe("see https://mail.contoso.com/owa");
  });

  it("leaves text with no property at all unread", () => {
    const result = readList(splitLines("just some words\nand more"));
    expect(result.records).toEqual([]);
    expect(result.unread.map((line) => line.no)).toEqual([1, 2]);
  });
});

describe("printList", () => {
  it("pads names to the longest one and separates records by a blank line", () => {
    expect(
      printList([
        [
          { name: "Name", value: "EX01" },
          { name: "AccessRules", value: "" },
        ],
        [{ name: "Fqdn", value: "mail.contoso.com" }],
      ]),
    ).toBe("Name        : EX01\nAccessRules :\n\nFqdn : mail.contoso.com");
  });
});
