import { describe, expect, it } from "vitest";
import { byServer, shortDate } from "./group";

describe("byServer", () => {
  it("keeps the order servers first appear in, the unnamed server included", () => {
    const items = [
      { server: "EX2", n: 1 },
      { server: null, n: 2 },
      { server: "EX1", n: 3 },
      { server: "EX2", n: 4 },
    ];
    expect(byServer(items)).toEqual([
      ["EX2", [items[0], items[3]]],
      [null, [items[1]]],
      ["EX1", [items[2]]],
    ]);
  });
});

describe("shortDate", () => {
  it.each([
    { iso: "2028-02-02T04:22:23Z", shown: "2028-02-02 04:22 UTC" },
    { iso: "2033-01-30T02:48:33.000Z", shown: "2033-01-30 02:48 UTC" },
    { iso: "2024-01-24", shown: "2024-01-24" },
    { iso: null, shown: null },
  ])("$iso → $shown", ({ iso, shown }) => {
    expect(shortDate(iso)).toBe(shown);
  });
});
