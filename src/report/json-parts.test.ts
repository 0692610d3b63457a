import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jsonParts } from "./json-parts";

const join = (value: unknown, depth?: number) => [...jsonParts(value, depth)].join("");

describe("jsonParts", () => {
  it("joins to exactly JSON.stringify(value, null, 2) for any JSON value and depth", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 0, max: 4 }), (value, depth) => {
        expect(join(value, depth)).toBe(JSON.stringify(value, null, 2));
      }),
    );
  });

  it("leaves out what JSON.stringify leaves out and writes null where it does", () => {
    const value = {
      kept: 1,
      gone: undefined,
      fn: () => 1,
      list: [undefined, () => 2, Symbol("s"), 3],
      nested: { deeper: { gone: undefined, date: new Date(Date.UTC(2026, 0, 15)) } },
      when: new Date(Date.UTC(2026, 11, 2)),
      // biome-ignore lint/suspicious/noSparseArray: a hole is one of the cases JSON.stringify writes as null
      holes: [1, , 3],
      empty: { a: undefined },
    };
    for (const depth of [0, 1, 2, 3]) expect(join(value, depth)).toBe(JSON.stringify(value, null, 2));
  });

  it("splits a report-shaped value into one piece per item of its top-level arrays", () => {
    const items = Array.from({ length: 1000 }, (_, i) => ({ id: i, name: `item ${i}`, tags: ["a", "b"] }));
    const parts = [...jsonParts({ version: 1, items })];
    expect(parts.length).toBeGreaterThan(1000);
    expect(Math.max(...parts.map((p) => p.length))).toBeLessThan(200);
  });

  it("yields nothing for a value JSON.stringify gives no text for", () => {
    expect([...jsonParts(undefined)]).toEqual([]);
  });
});
