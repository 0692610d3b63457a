import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { groupBy } from "./group";

describe("groupBy", () => {
  it("keeps each group in the items' order and leaves out items without a key", () => {
    const groups = groupBy(["b1", "a1", "x", "b2", "a2"], (s) => (s === "x" ? undefined : s[0]));
    expect([...groups.entries()]).toEqual([
      ["b", ["b1", "b2"]],
      ["a", ["a1", "a2"]],
    ]);
  });

  it("gives for each key what filtering the items by that key gives", () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.constantFrom("p", "q", "r"), { nil: undefined })), (keys) => {
        const items = keys.map((key, index) => ({ key, index }));
        const groups = groupBy(items, (item) => item.key);
        for (const key of ["p", "q", "r"]) {
          const filtered = items.filter((item) => item.key === key);
          expect(groups.get(key) ?? []).toEqual(filtered);
        }
      }),
    );
  });
});
