import { describe, expect, it } from "vitest";
import { logLogSlope, median, megabytes } from "./bench-stats";

describe("median", () => {
  it.each([
    [[5], 5],
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
    [[10, 10, 1000], 10],
  ])("of %j is %d", (values, expected) => {
    expect(median(values)).toBe(expected);
  });

  it("refuses no values", () => {
    expect(() => median([])).toThrow("median of no values");
  });
});

describe("logLogSlope", () => {
  it.each([
    { growth: "linear", f: (x: number) => 3 * x, slope: 1 },
    { growth: "quadratic", f: (x: number) => 0.5 * x * x, slope: 2 },
    { growth: "x log x", f: (x: number) => x * Math.log(x), slope: 1.07 },
    { growth: "constant", f: () => 7, slope: 0 },
  ])("is $slope for $growth time", ({ f, slope }) => {
    const points = [1e5, 1e6, 1e7, 5e7].map((x) => ({ x, y: f(x) }));
    expect(logLogSlope(points)).toBeCloseTo(slope, 2);
  });

  it("needs two distinct sizes", () => {
    expect(() => logLogSlope([{ x: 1, y: 1 }])).toThrow("at least two points");
    expect(() =>
      logLogSlope([
        { x: 2, y: 1 },
        { x: 2, y: 3 },
      ]),
    ).toThrow("two distinct sizes");
  });
});

describe("megabytes", () => {
  it("counts a million bytes as one", () => {
    expect(megabytes(10_240_000)).toBe(10.24);
  });
});
