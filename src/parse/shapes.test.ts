import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isListLine as isPaddedListLine } from "./artifacts/boundary";
import { splitLines } from "./lines";
import { CSV_HEADER, CSV_TYPE, isCsvStart, isJsonStart, isTableHeader, JSON_START, listLineShape } from "./shapes";

const DASHES = "----------                                --------   -------";

describe("isTableHeader", () => {
  it.each([
    { header: "Thumbprint                                Services   Subject", isHeader: true },
    { header: "      Thumbprint    Services   Subject   ", isHeader: true },
    { header: "Thumbprint\tServices\tSubject", isHeader: true },
    { header: "Thumbprint\u00a0\u00a0Services\u00a0\u00a0Subject", isHeader: true },
    { header: "Thumbprint\u3000Services", isHeader: true },
    { header: "Identity Bindings Enabled", isHeader: true },
    { header: "Thumbprint", isHeader: false },
    { header: "Thumbprint : 5E43", isHeader: false },
    { header: "Name Server-1", isHeader: false },
    { header: "2Name Subject", isHeader: false },
    { header: "Subject.Name Issuer_Name", isHeader: true },
    { header: "   ", isHeader: false },
  ])("$header over a dashes line is a header: $isHeader", ({ header, isHeader }) => {
    expect(isTableHeader(splitLines(`${header}\n${DASHES}`), 0)).toBe(isHeader);
  });

  it("is a header over a thumbprint row without the dashes line only for Get-ExchangeCertificate", () => {
    const row = "5E4325D6195B5E2932EAE402F515172DC827D083  IP.WS.     CN=mail";
    expect(isTableHeader(splitLines(`Thumbprint Services Subject\n${row}`), 0)).toBe(true);
    expect(isTableHeader(splitLines(`Identity Bindings Enabled\n${row}`), 0)).toBe(false);
  });

  it("reads a line of a million words without running out of stack", () => {
    const words = Array.from({ length: 1_000_000 }, (_, i) => `w${i}`).join(" ");
    expect(isTableHeader(splitLines(`${words}\n${DASHES}`), 0)).toBe(true);
  });
});

describe("listLineShape", () => {
  // The by-code answer must stay the one the two patterns give: the padded form the artifact readers stop before,
  // else any Format-List property line.
  const LIST_LINE = /^\s*[A-Za-z_][A-Za-z0-9_.-]*\s*:(?:\s|$)/;
  const byPatterns = (text: string) => (isPaddedListLine(text) ? "padded" : LIST_LINE.test(text) ? "list" : "none");
  const unit = fc.constantFrom(..."aZ_9.-: \t", "\u00a0", "\u2003", "\ufeff", "\u200b", "é", "+", "\r");

  it("answers as the patterns do, white space of every kind included", () => {
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 14 }), (text) => {
        expect(listLineShape(text)).toBe(byPatterns(text));
      }),
      { numRuns: 20_000 },
    );
  });

  it.each([
    ["Thumbprint         : 5E43", "padded"],
    ["Thumbprint: 5E43", "list"],
    ["Log Name:      Application", "none"],
    ["    + CategoryInfo          : InvalidArgument", "none"],
    ["Microsoft.Exchange.Foo : x", "list"],
    ["Name :", "padded"],
    ["Name :x", "none"],
  ])("%j is %s", (text, shape) => {
    expect(listLineShape(text)).toBe(shape);
  });
});

describe("isJsonStart and isCsvStart", () => {
  const start = fc
    .tuple(
      fc.constantFrom("", " ", "\t", "\u00a0", "\u3000", "\ufeff", "\u200b", "x"),
      fc.constantFrom("[", "{", "#TYPE ", "#type ", '"Name","Fqdn"', '"A";"B"', '"', "#", "- ", ""),
      fc.string({ maxLength: 12 }),
    )
    .map((parts) => parts.join(""));
  it("answer as their patterns do", () => {
    fc.assert(
      fc.property(fc.oneof(start, fc.string({ maxLength: 40 })), (text) => {
        expect(isJsonStart(text)).toBe(JSON_START.test(text));
        expect(isCsvStart(text)).toBe(CSV_TYPE.test(text) || CSV_HEADER.test(text));
      }),
      { numRuns: 20_000 },
    );
  });
});
