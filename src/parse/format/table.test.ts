import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { splitLines } from "../lines";
import { readTable } from "./table";
import type { ReadResult } from "./types";

function fixture(name: string): string {
  return readFileSync(new URL(`../__fixtures__/${name}`, import.meta.url), "utf8");
}

/** Each record as [line, {column: text}] with a `!` after cut values. */
function rows(result: ReadResult): [number, Record<string, string>][] {
  return result.records.map((record) => [
    record.startLine,
    Object.fromEntries(
      [...record.fields].map(([name, value]) => [
        name,
        value.kind === "text" ? `${value.text}${value.truncated ? "!" : ""}` : "",
      ]),
    ),
  ]);
}

describe("readTable on fixture 01 (indented, `* ` row marker, `<==` note)", () => {
  const result = readTable(splitLines(fixture("01-getexcert-table-annotated-kjpark.txt")));

  it("reads the four certificates without marker or note", () => {
    expect(rows(result)).toEqual([
      [
        3,
        {
          Thumbprint: "B8FFF722AAF9E4CFA055581061F6020C70BAC8AF",
          Services: "...WS..",
          Subject: "CN=outlook.exchange.info, OU=EXCH, O=EXCHANGE LAB, L=JUNG-GU, S=SEOUL, C=KR",
        },
      ],
      [4, { Thumbprint: "C07B19E88671134C4C4A38D72F0A587974CE137D", Services: "IP.WS..", Subject: "CN=EX01" }],
      [
        5,
        {
          Thumbprint: "4CE834243B37D27F29379287D3DED6294935EB2D",
          Services: "....S..",
          Subject: "CN=Microsoft Exchange Server Auth Certificate",
        },
      ],
      [6, { Thumbprint: "EB68147037AA94700E07832B99A71CC6F6FAAD5A", Services: ".......", Subject: "CN=WMSvc-EX01" }],
    ]);
  });

  it("reports the marker and the note as leftovers of line 3", () => {
    expect(result.leftovers).toEqual([
      { line: 3, text: "*", reason: "row marker" },
      { line: 3, text: "<== Exchange Server Certificate for Exporting", reason: "annotation after the value" },
    ]);
    expect(result.unread).toEqual([]);
  });
});

describe.each([
  [
    "07-getexcert-table-ex2010-6flags-narrow-before.txt",
    [
      ["5E4325D6195B5E2932EAE402F515172DC827D083", "IP.WS.", "CN=mail!"],
      ["8E309044815B47A130C6151644263D781DF839C0", "....SF", "CN=Fede!"],
      ["7CC1A6A8C7151C6E7D8079030334B4C8353CE67C", "....S.", "CN=exhc!"],
    ],
  ],
  [
    "08-getexcert-table-ex2010-after-renew-lost-smtp.txt",
    [
      ["90158F1DC655C04E65E91198EA507562A837ECC4", "IP....", "CN=mail.t!"],
      ["8E309044815B47A130C6151644263D781DF839C0", "....SF", "CN=Federa!"],
      ["7CC1A6A8C7151C6E7D8079030334B4C8353CE67C", "....S.", "CN=exhctn!"],
    ],
  ],
])("readTable on %s (narrow console, cut without dots)", (name, expected) => {
  const result = readTable(splitLines(fixture(name)));

  it("marks every subject cut at the console width, but not the flags", () => {
    expect(rows(result).map(([, r]) => [r.Thumbprint, r.Services, r.Subject])).toEqual(expected);
  });

  it("leaves the prompt line unread and places rows on lines 5-7", () => {
    expect(result.unread.map((line) => line.no)).toEqual([1]);
    expect(result.records.map((r) => r.startLine)).toEqual([5, 6, 7]);
  });
});

describe("readTable on hand-written console output", () => {
  it("reads the Q&A sample: no dashes, blank lines between rows, a masked thumbprint two characters short", () => {
    const paste = [
      "Thumbprint                                Services   Subject",
      "",
      "8490765C4C47D81***E2F46BEBB98EF9084A3B  I..WS..    CN=.ourdomain.com, O=LLC Company, L=NY, S...",
      "",
      "D5EFF683AD986C988***24C107EEDCA3B484E799  ....S..    CN=Microsoft Exchange Server Auth Certificate",
      "",
      "F960DCC7F5BEB003****563638FD85BC40D855E8  .P.WS..    CN=mail",
    ].join("\n");
    const result = readTable(splitLines(paste));
    expect(rows(result)).toEqual([
      [
        3,
        {
          Thumbprint: "8490765C4C47D81***E2F46BEBB98EF9084A3B",
          Services: "I..WS..",
          Subject: "CN=.ourdomain.com, O=LLC Company, L=NY, S!",
        },
      ],
      [
        5,
        {
          Thumbprint: "D5EFF683AD986C988***24C107EEDCA3B484E799",
          Services: "....S..",
          Subject: "CN=Microsoft Exchange Server Auth Certificate",
        },
      ],
      [7, { Thumbprint: "F960DCC7F5BEB003****563638FD85BC40D855E8", Services: ".P.WS..", Subject: "CN=mail" }],
    ]);
    expect(result.unread).toEqual([]);
  });

  it("keeps whole values when rows end at different columns", () => {
    const paste = [
      "Thumbprint                                Services   Subject",
      "----------                                --------   -------",
      "C07B19E88671134C4C4A38D72F0A587974CE137D  IP.WS..    CN=EX01",
      "4CE834243B37D27F29379287D3DED6294935EB2D  ....S..    CN=Microsoft Exchange Server Auth Certificate",
      "EB68147037AA94700E07832B99A71CC6F6FAAD5A  .......    CN=WMSvc-EX01",
    ].join("\n");
    expect(rows(readTable(splitLines(paste))).map(([, r]) => r.Subject)).toEqual([
      "CN=EX01",
      "CN=Microsoft Exchange Server Auth Certificate",
      "CN=WMSvc-EX01",
    ]);
  });

  it("reads `ft -AutoSize` columns one blank apart", () => {
    const paste = [
      "Identity                   Bindings                  Enabled",
      "--------                   --------                  -------",
      "EX01\\Default EX01          {0.0.0.0:2525, [::]:2525} True",
      "EX01\\Default Frontend EX01 {[::]:25, 0.0.0.0:25}     False",
    ].join("\n");
    expect(rows(readTable(splitLines(paste)))).toEqual([
      [3, { Identity: "EX01\\Default EX01", Bindings: "{0.0.0.0:2525, [::]:2525}", Enabled: "True" }],
      [4, { Identity: "EX01\\Default Frontend EX01", Bindings: "{[::]:25, 0.0.0.0:25}", Enabled: "False" }],
    ]);
  });

  it("gives a right-aligned number wider than its header to its own column", () => {
    const paste = ["Name      Length", "----      ------", "a.txt   123456789", "b.txt          12"].join("\n");
    expect(rows(readTable(splitLines(paste)))).toEqual([
      [3, { Name: "a.txt", Length: "123456789" }],
      [4, { Name: "b.txt", Length: "12" }],
    ]);
  });

  it("keeps repeated short values that end in the same column whole", () => {
    const paste = [
      "Identity               Enabled",
      "--------               -------",
      "EX01\\Default EX01      True",
      "EX01\\Client Proxy EX01 True",
    ].join("\n");
    expect(rows(readTable(splitLines(paste))).map(([, r]) => r.Enabled)).toEqual(["True", "True"]);
  });

  it("joins `ft -Wrap` continuation lines to the row above", () => {
    const paste = [
      "Identity                   Bindings",
      "--------                   --------",
      "EX01\\Default Frontend EX01 {[::]:25, 0.0.0.0:25, 10.0.0.1:25,",
      "                           192.168.1.1:25}",
      "EX01\\Client Frontend EX01  {[::]:587, 0.0.0.0:587}",
    ].join("\n");
    const result = readTable(splitLines(paste));
    expect(rows(result).map(([, r]) => r.Bindings)).toEqual([
      "{[::]:25, 0.0.0.0:25, 10.0.0.1:25, 192.168.1.1:25}",
      "{[::]:587, 0.0.0.0:587}",
    ]);
    expect(result.records.map((r) => [r.startLine, r.endLine])).toEqual([
      [3, 4],
      [5, 5],
    ]);
  });

  it.each([
    ["<-- this one", "CN=mail.contoso.com  <-- this one"],
    ["# the new cert", "CN=mail.contoso.com   # the new cert"],
    ["<- new", "CN=mail.contoso.com <- new"],
  ])("cuts the note %j off the last value", (note, subject) => {
    const paste = [
      "Thumbprint                                Subject",
      `C07B19E88671134C4C4A38D72F0A587974CE137D  ${subject}`,
    ].join("\n");
    const result = readTable(splitLines(paste));
    expect(rows(result)[0]?.[1].Subject).toBe("CN=mail.contoso.com");
    expect(result.leftovers).toEqual([{ line: 2, text: note, reason: "annotation after the value" }]);
  });

  it("strips the PowerShell 7 ellipsis and marks the value cut", () => {
    const paste = ["Name  Subject", "----  -------", "a     CN=mail.contoso.com, O=Cont\u2026"].join("\n");
    expect(rows(readTable(splitLines(paste)))[0]?.[1].Subject).toBe("CN=mail.contoso.com, O=Cont!");
  });

  it("does not mark rows of equal length cut when PowerShell marked its own cuts with dots", () => {
    const paste = [
      "Name  Subject",
      "----  -------",
      "a     CN=mail.contoso.com, O=Contoso L...",
      "b     CN=mail.fabrikam.com, O=Fabrikam1",
      "c     CN=mail.fabrikam.com, O=Fabrikam2",
    ].join("\n");
    expect(rows(readTable(splitLines(paste))).map(([, r]) => r.Subject)).toEqual([
      "CN=mail.contoso.com, O=Contoso L!",
      "CN=mail.fabrikam.com, O=Fabrikam1",
      "CN=mail.fabrikam.com, O=Fabrikam2",
    ]);
  });

  it("leaves a prompt after the table unread", () => {
    const paste = ["Name  Enabled", "----  -------", "a     True", "[PS] C:\\Windows\\system32>"].join("\n");
    const result = readTable(splitLines(paste));
    expect(result.records).toHaveLength(1);
    expect(result.unread.map((line) => line.no)).toEqual([4]);
  });

  it("reads a table whose blanks became no-break spaces on a web page", () => {
    const paste = ["Name\u00a0\u00a0Enabled", "----\u00a0\u00a0-------", "EX01\u00a0\u00a0True"].join("\n");
    expect(rows(readTable(splitLines(paste)))).toEqual([[3, { Name: "EX01", Enabled: "True" }]]);
  });

  it("reports a header without rows as unread", () => {
    const result = readTable(splitLines("Name  Enabled\n----  -------\n"));
    expect(result.records).toEqual([]);
    expect(result.unread.map((line) => line.no)).toEqual([1, 2]);
  });
});
