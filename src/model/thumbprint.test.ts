import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normaliseThumbprint } from "./thumbprint";

/** The patterns alone, as normaliseThumbprint answered before its character-code fast path. */
function byPatterns(text: string): { value: string; complete: boolean } | undefined {
  const compact = text.replace(/[\s:\u200e\u200f]/g, "").toUpperCase();
  if (compact === "" || !/^[0-9A-F*x.]+$/i.test(compact)) return undefined;
  return { value: compact, complete: /^[0-9A-F]{40}$/.test(compact) };
}

const thumbprintLike = fc
  .array(fc.constantFrom(..."0123456789ABCDEFabcdefG :*x.\u200e\t".split("")), { minLength: 36, maxLength: 44 })
  .map((chars) => chars.join(""));

describe("normaliseThumbprint", () => {
  it("answers as its patterns do", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          thumbprintLike,
          fc.string({ unit: fc.constantFrom(..."0123456789ABCDEFabcdef"), minLength: 39, maxLength: 41 }),
          fc.string(),
        ),
        (text) => {
          expect(normaliseThumbprint(text)).toEqual(byPatterns(text));
        },
      ),
      { numRuns: 20_000 },
    );
  });

  it.each([
    ["FF49B6F772632716C43069C43A8C3B7CF3C25632", true],
    ["ff49b6f772632716c43069c43a8c3b7cf3c25632", true],
    ["FF 49 B6 F7 72 63 27 16 C4 30 69 C4 3A 8C 3B 7C F3 C2 56 32", true],
    ["FF49B6F772632716C43069C43A8C3B7CF3C2563", false],
    ["FF49B6F7...C25632", false],
  ])("reads %j (complete: %s)", (text, complete) => {
    expect(normaliseThumbprint(text)?.complete).toBe(complete);
  });
});
