import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse } from "./index";
import { lineAccounting } from "./test-coverage";
import { fixture, fixtureNames } from "./test-fixtures";

const sampleLines = fixtureNames().flatMap((n) => fixture(n).split(/\r?\n/));

/** Realistic-but-broken pastes: real sample lines, cut, shuffled, re-indented, with noise between. */
const brokenPaste = fc
  .array(
    fc.oneof(
      fc.constantFrom(...sampleLines),
      fc.constantFrom(...sampleLines).chain((l) => fc.nat({ max: Math.max(1, l.length) }).map((n) => l.slice(0, n))),
      fc.constantFrom("", "   ", "\t", "[PS] C:\\Windows\\system32>", "-----BEGIN CERTIFICATE-----", "{", "}", "]"),
      fc.string({ unit: "grapheme", maxLength: 60 }),
      fc.string({
        unit: fc.constantFrom("\u0000", "\u200f", "\u202e", "\t", "\r", " ", ":", "{", "}", ",", "."),
        maxLength: 20,
      }),
    ),
    { maxLength: 40 },
  )
  .chain((ls) => fc.constantFrom("\n", "\r\n", "\r").map((eol) => ls.join(eol)));

describe("parse: properties", () => {
  it("never throws and accounts for every non-blank line exactly once (random text)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: "binary", maxLength: 400 }), async (text) => {
        const r = await parse(text);
        for (const count of lineAccounting(text, r).values()) expect(count).toBe(1);
      }),
      { numRuns: 10_000 },
    );
  });

  it("never throws and accounts for every non-blank line exactly once (broken real pastes)", async () => {
    await fc.assert(
      fc.asyncProperty(brokenPaste, async (text) => {
        const r = await parse(text);
        for (const count of lineAccounting(text, r).values()) expect(count).toBe(1);
        for (const b of r.blocks) expect(b.startLine).toBeLessThanOrEqual(b.endLine);
      }),
      { numRuns: 10_000 },
    );
  });
});
