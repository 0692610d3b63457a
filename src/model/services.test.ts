import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readServices } from "./services";

/** The Services column of a Get-ExchangeCertificate table fixture, by thumbprint. */
function flagsOf(name: string): Map<string, string> {
  const text = readFileSync(new URL(`../parse/__fixtures__/${name}`, import.meta.url), "utf8");
  const rows = [...text.matchAll(/^[\s*]*([0-9A-F]{40})\s+(\S+)/gm)];
  return new Map(rows.map((m) => [m[1] ?? "", m[2] ?? ""]));
}

describe("readServices on table fixtures", () => {
  it.each([
    ["01-getexcert-table-annotated-kjpark.txt", "B8FFF722AAF9E4CFA055581061F6020C70BAC8AF", ["IIS", "SMTP"]],
    [
      "01-getexcert-table-annotated-kjpark.txt",
      "C07B19E88671134C4C4A38D72F0A587974CE137D",
      ["IMAP", "POP", "IIS", "SMTP"],
    ],
    ["01-getexcert-table-annotated-kjpark.txt", "4CE834243B37D27F29379287D3DED6294935EB2D", ["SMTP"]],
    ["01-getexcert-table-annotated-kjpark.txt", "EB68147037AA94700E07832B99A71CC6F6FAAD5A", []],
    [
      "07-getexcert-table-ex2010-6flags-narrow-before.txt",
      "5E4325D6195B5E2932EAE402F515172DC827D083",
      ["IMAP", "POP", "IIS", "SMTP"],
    ],
    [
      "07-getexcert-table-ex2010-6flags-narrow-before.txt",
      "8E309044815B47A130C6151644263D781DF839C0",
      ["SMTP", "Federation"],
    ],
    [
      "08-getexcert-table-ex2010-after-renew-lost-smtp.txt",
      "90158F1DC655C04E65E91198EA507562A837ECC4",
      ["IMAP", "POP"],
    ],
    ["08-getexcert-table-ex2010-after-renew-lost-smtp.txt", "7CC1A6A8C7151C6E7D8079030334B4C8353CE67C", ["SMTP"]],
  ])("%s %s → %j", (name, thumbprint, services) => {
    const flags = flagsOf(name).get(thumbprint);
    expect(flags).toBeDefined();
    expect(readServices(flags ?? "")).toEqual({ services, unknown: [] });
  });
});

describe("readServices", () => {
  it.each([
    ["IPUWSF.", ["IMAP", "POP", "UM", "IIS", "SMTP", "Federation"], []],
    ["....S.R", ["SMTP", "UMCallRouter"], []],
    ["ip.ws..", ["IMAP", "POP", "IIS", "SMTP"], []],
    ["IX.WS..", ["IMAP", "POP", "IIS", "SMTP"], ["X"]],
    ["IMAP, POP, IIS, SMTP", ["IMAP", "POP", "IIS", "SMTP"], []],
    ["smtp, iis", ["IIS", "SMTP"], []],
    ["None", [], []],
    ["{IMAP, POP}", ["IMAP", "POP"], []],
    ["Federation", ["Federation"], []],
    ["SMTP, Foo", ["SMTP"], ["Foo"]],
    [27, ["IMAP", "POP", "IIS", "SMTP"], []],
    [16, ["SMTP"], []],
    [0, [], []],
    [32, ["Federation"], []],
    [64, ["UMCallRouter"], []],
    [127, ["IMAP", "POP", "UM", "IIS", "SMTP", "Federation", "UMCallRouter"], []],
    [144, ["SMTP"], ["128"]],
    ["27", ["IMAP", "POP", "IIS", "SMTP"], []],
  ])("%j → %j, unknown %j", (input, services, unknown) => {
    expect(readServices(input)).toEqual({ services, unknown });
  });

  it.each([[""], ["   "], ["foobar"], ["hello world"], ["SMTPX"], [-1], [1.5], [Number.NaN], [2 ** 40]])(
    "%j is not a Services value",
    (input) => {
      expect(readServices(input)).toBeUndefined();
    },
  );
});
