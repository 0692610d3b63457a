import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decideDateOrder, readDate } from "../../model/dates";
import { readServices } from "../../model/services";
import { type Line, splitLines } from "../lines";
import { readCollection } from "./collection";
import { readCsv } from "./csv";
import { readJson } from "./json";
import { printList, readList } from "./list";
import { readTable } from "./table";
import type { ReadResult } from "./types";

const RUNS = { numRuns: 10_000 };

/** Pieces that steer the readers into their branches, plus any single UTF-16 unit. */
const piece = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: "binary", minLength: 1, maxLength: 1 }) },
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      "\0",
      "\u200f",
      "\u202e",
      "\ufeff",
      "\u2028",
      "\t",
      "\u00a0",
      "\r",
      "\n",
      "\r\n",
      "\n\n",
      " ",
      "    ",
      " : ",
      ":",
      "{",
      "}",
      ",",
      ";",
      '"',
      '""',
      "...",
      "\u2026",
      "-",
      "----  ",
      "* ",
      " <== note",
      " # ",
      "[",
      "]",
      "[PS] C:\\>",
      "CN=",
      "<I>",
      "<S>",
      "/",
      ".",
      "12",
      "2028",
      "Name",
      "Thumbprint",
      "IP.WS..",
      "/Date(1700000000000)/",
      "AM",
    ),
  },
);
const anyText = fc.string({ unit: piece, maxLength: 120 });

const name = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_.-]{0,14}$/);
const value = fc
  .string({ unit: fc.oneof(fc.string({ unit: "binary", minLength: 1, maxLength: 1 }), piece), maxLength: 40 })
  .map((v) => v.replace(/[\r\n]/g, ""))
  .filter((v) => v === v.trim());

/** Lines shaped like console output: properties, continuations, table rows, blanks and noise. */
const consoleLine = fc.oneof(
  fc
    .tuple(fc.constantFrom("", "  ", "\t"), name, fc.constantFrom(" : ", "    : ", "\t: ", ":"), value)
    .map((p) => p.join("")),
  fc.tuple(fc.constantFrom("    ", "                 ", "\t\t"), value).map((p) => p.join("")),
  fc.tuple(value, fc.constantFrom("  ", "   ", " "), value, fc.constantFrom("", "  ", " <== x")).map((p) => p.join("")),
  fc.constantFrom("", "  ", "----------  --------   -------", "Thumbprint   Services  Subject", "* "),
  anyText,
);
const consoleText = fc.array(consoleLine, { maxLength: 25 }).map((lines) => lines.join("\n"));
const input = fc.oneof(anyText, consoleText);

function isBlank(line: Line): boolean {
  return line.text.trim() === "";
}

/** Every line is in at most one record; a non-blank line is in a record or unread, never both. */
function placeLines(lines: readonly Line[], result: ReadResult): Line[] {
  const unread = new Set(result.unread.map((line) => line.no));
  const homeless: Line[] = [];
  for (const line of lines) {
    const homes = result.records.filter((r) => r.startLine <= line.no && line.no <= r.endLine).length;
    expect(homes).toBeLessThanOrEqual(1);
    if (isBlank(line)) expect(unread.has(line.no)).toBe(false);
    else if (homes === 1) expect(unread.has(line.no)).toBe(false);
    else if (!unread.has(line.no)) homeless.push(line);
  }
  for (const leftover of result.leftovers) {
    expect(result.records.some((r) => r.startLine <= leftover.line && leftover.line <= r.endLine)).toBe(true);
  }
  return homeless;
}

describe("readers never throw", () => {
  it.each([
    ["readList", readList],
    ["readTable", readTable],
    ["readJson", readJson],
    ["readCsv", readCsv],
  ])("%s", (_, read) => {
    fc.assert(
      fc.property(input, (text) => {
        expect(read(splitLines(text))).toBeDefined();
      }),
      RUNS,
    );
  });

  it("readCollection, readDate, decideDateOrder and readServices", () => {
    fc.assert(
      fc.property(input, fc.constantFrom(undefined, "day-first" as const, "month-first" as const), (text, order) => {
        expect(readCollection(text).items.every((item) => item === item.trim() && item !== "")).toBe(true);
        const date = readDate(text, order);
        expect(date.iso === null || date.readings.includes(date.iso)).toBe(true);
        expect(decideDateOrder(text.split("\n")).reason).not.toBe("");
        expect(() => readServices(text)).not.toThrow();
      }),
      RUNS,
    );
  });

  it("readServices on any number", () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.double()), (n) => {
        expect(() => readServices(n)).not.toThrow();
      }),
      RUNS,
    );
  });
});

describe("every line is placed once", () => {
  it("readList: in one record or unread, or blank", () => {
    fc.assert(
      fc.property(input, (text) => {
        const lines = splitLines(text);
        expect(placeLines(lines, readList(lines))).toEqual([]);
      }),
      RUNS,
    );
  });

  it("readTable: in one record or unread, or blank, or the header and dashes above the rows", () => {
    fc.assert(
      fc.property(input, (text) => {
        const lines = splitLines(text);
        const result = readTable(lines);
        const header = placeLines(lines, result);
        expect(header.length).toBeLessThanOrEqual(2);
        if (header.length > 0) expect(result.records.length).toBeGreaterThan(0);
        for (const line of header) {
          expect(result.records.every((record) => line.no < record.startLine)).toBe(true);
        }
      }),
      RUNS,
    );
  });
});

describe("printList → readList round trip", () => {
  const record = fc.uniqueArray(fc.record({ name, value }), {
    minLength: 1,
    maxLength: 8,
    selector: (property) => property.name.toLowerCase(),
  });
  // One-property records separated by blank lines cannot be told from a double-spaced paste of one record.
  const records = fc
    .array(record, { minLength: 1, maxLength: 5 })
    .filter((all) => all.length === 1 || all.some((r) => r.length > 1));

  it("gives back the names and values", () => {
    fc.assert(
      fc.property(records, (all) => {
        const read = readList(splitLines(printList(all)));
        const back = read.records.map((r) =>
          [...r.fields].map(([n, v]) => ({ name: n, value: v.kind === "text" ? v.text : "" })),
        );
        expect(back).toEqual(all);
        expect(read.unread).toEqual([]);
      }),
      RUNS,
    );
  });
});

describe("a 2 MB line is read in linear time", () => {
  const size = 2_000_000;
  const long = [
    "a".repeat(size),
    `Name : ${"x".repeat(size)}`,
    `Name : {${"a, ".repeat(size / 3)}`,
    `CN=${"a,".repeat(size / 2)}`,
    "- ".repeat(size / 2),
    `${"word ".repeat(size / 10)}\n${"x".repeat(size / 2)}`,
    `${"Col ".repeat(size / 8)}\n${"---- ".repeat(size / 10)}\n${"v".repeat(size / 2)}`,
    '"'.repeat(size),
    `"a","b"\n${'a"'.repeat(size / 2)}`,
    "[".repeat(size),
    "a\t".repeat(size / 2),
    `Name${" ".repeat(size)}:`,
    `Name${" ".repeat(size)}x`,
    `[${'"x",'.repeat(size / 4)}"x"]`,
    `{"a":"${"\\\\".repeat(size / 2)}"}`,
    `01/02/2028 ${"1".repeat(size)}`,
  ];

  it.each(long.map((text, i) => [i, text]))("input %i", (_, text) => {
    const lines = splitLines(text);
    for (const read of [readList, readTable, readJson, readCsv]) expect(read(lines).records).toBeDefined();
    expect(readCollection(text).items).toBeDefined();
    expect(readDate(text).readings).toEqual([]);
    expect(decideDateOrder([text, text]).order).toBeUndefined();
    expect(readServices(text)).toBeUndefined();
  });
});
