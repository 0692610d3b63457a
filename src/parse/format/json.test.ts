import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { splitLines } from "../lines";
import { readJson } from "./json";
import type { RawRecord } from "./types";

/** `Get-ExchangeCertificate | Select … | ConvertTo-Json` as Windows PowerShell 5.1 indents it. */
const CERTIFICATES = [
  "[",
  "    {",
  '        "Thumbprint":  "BBA9F942B32F3E0F6E0C4E735BD1F38D4C06612E",',
  '        "Subject":  "CN=MOS-MAIL",',
  '        "Issuer":  "CN=MOS-MAIL",',
  '        "NotAfter":  "\\/Date(1833066562000)\\/",',
  '        "Services":  27,',
  '        "HasPrivateKey":  true,',
  '        "CertificateDomains":  [',
  '                                   "MOS-MAIL",',
  '                                   "MOS-MAIL.avalonelectrotech.local"',
  "                               ]",
  "    },",
  "    {",
  '        "Thumbprint":  "3DAF40EC85C62DD39D98696AB5413E3EB83D6415",',
  '        "Subject":  "CN=Microsoft Exchange Server Auth Certificate",',
  '        "Issuer":  "CN=Microsoft Exchange Server Auth Certificate",',
  '        "NotAfter":  "\\/Date(1833071543000)\\/",',
  '        "Services":  16,',
  '        "HasPrivateKey":  true,',
  '        "CertificateDomains":  [',
  "",
  "                               ]",
  "    }",
  "]",
];

function value(record: RawRecord | undefined, name: string): unknown {
  const field = record?.fields.get(name);
  return field?.kind === "json" ? field.value : undefined;
}

describe("readJson", () => {
  it("reads an array of objects with typed values and the lines of each object", () => {
    const result = readJson(splitLines(CERTIFICATES.join("\n")));
    expect(result.records.map((r) => [r.startLine, r.endLine])).toEqual([
      [2, 13],
      [14, 24],
    ]);
    const [first, second] = result.records;
    expect(value(first, "Services")).toBe(27);
    expect(value(first, "HasPrivateKey")).toBe(true);
    expect(value(first, "NotAfter")).toBe("/Date(1833066562000)/");
    expect(value(first, "CertificateDomains")).toEqual(["MOS-MAIL", "MOS-MAIL.avalonelectrotech.local"]);
    expect(value(second, "CertificateDomains")).toEqual([]);
    expect(result.unread).toEqual([]);
  });

  it("gives each field the lines its value was printed on", () => {
    const [first] = readJson(splitLines(CERTIFICATES.join("\n"))).records;
    expect(first?.fields.get("Thumbprint")).toMatchObject({ startLine: 3, endLine: 3, truncated: false });
    expect(first?.fields.get("CertificateDomains")).toMatchObject({ startLine: 9, endLine: 12 });
  });

  it("reads a single object", () => {
    const paste = [
      "{",
      '    "Name":  "EX01",',
      '    "InternalTransportCertificateThumbprint":  "C07B19E88671134C4C4A38D72F0A587974CE137D"',
      "}",
    ];
    const result = readJson(splitLines(paste.join("\n")));
    expect(result.records).toHaveLength(1);
    expect(value(result.records[0], "Name")).toBe("EX01");
    expect([result.records[0]?.startLine, result.records[0]?.endLine]).toEqual([1, 4]);
  });

  it("unwraps the PowerShell 5.1 `{value:[…], Count:n}` collection", () => {
    const paste = [
      "{",
      '    "value":  [',
      "                  {",
      '                      "Name":  "EX01"',
      "                  },",
      "                  {",
      '                      "Name":  "EX02"',
      "                  }",
      "              ],",
      '    "Count":  2',
      "}",
    ];
    const result = readJson(splitLines(paste.join("\n")));
    expect(result.records.map((r) => [value(r, "Name"), r.startLine, r.endLine])).toEqual([
      ["EX01", 3, 5],
      ["EX02", 6, 8],
    ]);
  });

  it("keeps an object with a `value` property of its own as one record", () => {
    const result = readJson(splitLines('{ "value": [1, 2], "Name": "x" }'));
    expect(result.records).toHaveLength(1);
    expect(value(result.records[0], "value")).toEqual([1, 2]);
  });

  it("leaves the prompt and command echo around the JSON unread", () => {
    const paste = [
      "[PS] C:\\Windows\\system32>Get-TransportService | ConvertTo-Json",
      '{ "Name": "EX01" }',
      "[PS] C:\\Windows\\system32>",
    ];
    const result = readJson(splitLines(paste.join("\n")));
    expect(result.records).toHaveLength(1);
    expect(result.unread.map((line) => line.no)).toEqual([1, 3]);
  });

  it("reports elements that are not objects as unread", () => {
    const result = readJson(splitLines(["[", '  { "Name": "EX01" },', '  "stray text"', "]"].join("\n")));
    expect(result.records).toHaveLength(1);
    expect(result.unread.map((line) => line.no)).toEqual([3]);
  });

  it.each([['{ "Name": "EX01", }'], ['[ { "Name": "EX01" }'], ["Name : EX01"], ['{ "Name": "EX01 }']])(
    "leaves invalid JSON %j unread as a whole",
    (paste) => {
      const result = readJson(splitLines(paste));
      expect(result.records).toEqual([]);
      expect(result.unread.map((line) => line.no)).toEqual([1]);
    },
  );
});

describe("readJson on any array of objects", () => {
  // The array is walked once for where it ends, its elements and their members; what the walk finds must be what
  // JSON.parse reads, field by field, however the text is indented or escaped.
  it("reads every object with every field, in order, on lines that follow one another", () => {
    fc.assert(
      fc.property(
        fc.array(fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 5 }), { maxLength: 5 }),
        fc.constantFrom(0, 2, 4, "\t"),
        (objects, indent) => {
          const text = JSON.stringify(objects, null, indent);
          const { records, unread } = readJson(splitLines(text));
          expect(unread).toEqual([]);
          const read = records.map((r) => Object.fromEntries([...r.fields.keys()].map((k) => [k, value(r, k)])));
          expect(read).toEqual(JSON.parse(text));
          for (const [i, r] of records.entries()) {
            expect(r.startLine).toBeLessThanOrEqual(r.endLine);
            expect(r.startLine).toBeGreaterThanOrEqual(records[i - 1]?.endLine ?? 1);
          }
        },
      ),
      { numRuns: 2_000 },
    );
  });
});
