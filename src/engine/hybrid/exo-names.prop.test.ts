import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { exoNameCovers, isEmbeddedWildcard } from "./exo-names";

const label = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,10}[a-z0-9])?$/);
const domain = fc.array(label, { minLength: 2, maxLength: 4 }).map((labels) => labels.join("."));

describe("exoNameCovers properties", () => {
  it("*.domain covers the domain and every name under it, in any case", () => {
    fc.assert(
      fc.property(domain, fc.array(label, { maxLength: 3 }), (d, prefix) => {
        const name = [...prefix, d].join(".");
        expect(exoNameCovers(`*.${d}`, [name.toUpperCase()])).toBe(true);
      }),
      { numRuns: 10_000 },
    );
  });

  it("a plain name is covered by itself and by a wildcard for its parent, never by a sibling", () => {
    fc.assert(
      fc.property(label, label, domain, (a, b, d) => {
        expect(exoNameCovers(`${a}.${d}`, [`${a}.${d}`])).toBe(true);
        expect(exoNameCovers(`${a}.${d}`, [`*.${d}`])).toBe(true);
        if (a !== b) expect(exoNameCovers(`${a}.${d}`, [`${b}.${d}`])).toBe(false);
      }),
      { numRuns: 10_000 },
    );
  });

  it("a wildcard anywhere but the whole first label matches nothing", () => {
    fc.assert(
      fc.property(label, domain, fc.array(fc.string({ maxLength: 30 }), { maxLength: 4 }), (a, d, names) => {
        const pattern = `${a}*.${d}`;
        expect(isEmbeddedWildcard(pattern)).toBe(true);
        expect(exoNameCovers(pattern, [...names, `${a}x.${d}`])).toBe(false);
      }),
      { numRuns: 10_000 },
    );
  });
});
