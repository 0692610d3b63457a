import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { splitCsvRow } from "./csv-row";

/** The reader as first written, a character at a time: the rules `splitCsvRow` must keep. */
function splitByCharacter(text: string): string[] | null {
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === "") quoted = true;
    else if (ch === ",") {
      fields.push(field);
      field = "";
    } else field += ch;
  }
  if (quoted) return null;
  fields.push(field);
  return fields;
}

/** Rows made mostly of the characters that matter: quotes, separators, and a little text. */
const row = fc
  .array(fc.constantFrom('"', '""', ",", "a", "b c", "", " ", '\\"', "é"), { maxLength: 24 })
  .map((parts) => parts.join(""));

describe("splitCsvRow", () => {
  it("splits every row as the character-at-a-time reader does", () => {
    fc.assert(
      fc.property(fc.oneof(row, fc.string()), (text) => {
        expect(splitCsvRow(text)).toEqual(splitByCharacter(text));
      }),
      { numRuns: 20_000 },
    );
  });

  it("reads a protocol log row with a quoted DN holding commas and doubled quotes", () => {
    expect(
      splitCsvRow(
        '2017-10-07T04:42:56.804Z,Outbound,08D5,16,,,*,"CN=*.domain.com, O=""Contoso"", C=US",Certificate subject',
      ),
    ).toEqual([
      "2017-10-07T04:42:56.804Z",
      "Outbound",
      "08D5",
      "16",
      "",
      "",
      "*",
      'CN=*.domain.com, O="Contoso", C=US',
      "Certificate subject",
    ]);
    expect(splitCsvRow('a,"open')).toBeNull();
    expect(splitCsvRow("")).toEqual([""]);
    expect(splitCsvRow('x"y,"a"b"c')).toEqual(['x"y', 'ab"c']);
  });
});
