import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeCertificates } from "./decode";

const dir = new URL("./__fixtures__/", import.meta.url);
const CERTS = readdirSync(dir).map((n) => readFileSync(new URL(n, dir), "utf8"));
const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** A real certificate text with a few characters replaced, cut or spliced: damaged pastes. */
const damaged = fc
  .tuple(
    fc.constantFrom(...CERTS),
    fc.array(fc.tuple(fc.nat(), fc.constantFrom(...BASE64, "\u0000", "\u200f", "\r\n", " ", "-", "=")), {
      maxLength: 6,
    }),
    fc.option(fc.nat(), { nil: undefined }),
  )
  .map(([text, edits, cut]) => {
    let out = text;
    for (const [at, ch] of edits) {
      const i = at % Math.max(out.length, 1);
      out = out.slice(0, i) + ch + out.slice(i + 1);
    }
    return cut === undefined ? out : out.slice(0, cut % Math.max(out.length, 1));
  });

describe("decodeCertificates on arbitrary and damaged text", () => {
  it("never throws and returns well-formed entries", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(damaged, fc.string({ maxLength: 200 }), fc.string({ unit: "binary" })),
        async (text) => {
          const decoded = await decodeCertificates(text);
          decoded.forEach((entry, i) => {
            expect(entry.index).toBe(i);
            if (entry.ok) expect(entry.thumbprint).toMatch(/^[0-9A-F]{40}$/);
            else expect(entry.error).not.toBe("");
          });
        },
      ),
      { numRuns: 10_000 },
    );
  });
});
