import { describe, expect, it } from "vitest";
import { axisOf, ticksOf, xOf } from "./scale";

describe("axisOf", () => {
  it.each([
    [
      "one instant",
      "2026-03-01T00:00:00Z",
      "2026-03-01T00:00:00Z",
      "2026-01-30T00:00:00.000Z",
      "2026-03-31T00:00:00.000Z",
    ],
    ["unreadable", "soon", "later", "1969-12-02T00:00:00.000Z", "1970-01-31T00:00:00.000Z"],
  ])("spans a month either side of %s", (_, start, end, from, to) => {
    const axis = axisOf(start, end);
    expect([new Date(axis.start).toISOString(), new Date(axis.end).toISOString()]).toEqual([from, to]);
  });

  it("keeps a 2% margin either side of a real span", () => {
    const axis = axisOf("2020-01-01T00:00:00Z", "2030-01-01T00:00:00Z");
    const span = Date.parse("2030-01-01T00:00:00Z") - Date.parse("2020-01-01T00:00:00Z");
    expect(Date.parse("2020-01-01T00:00:00Z") - axis.start).toBeCloseTo(span * 0.02);
    expect(axis.end - Date.parse("2030-01-01T00:00:00Z")).toBeCloseTo(span * 0.02);
  });
});

describe("xOf", () => {
  const axis = { start: 0, end: 100 };
  it.each([
    [-5, 10],
    [0, 10],
    [50, 60],
    [100, 110],
    [300, 110],
  ])("places %d at %d between 10 and 110, clamped", (at, x) => {
    expect(xOf(at, axis, 10, 110)).toBe(x);
  });
});

describe("ticksOf", () => {
  it.each([
    ["ten years: yearly", "2023-03-14T00:00:00Z", "2033-03-21T00:00:00Z", /^\d{4}$/, 10],
    ["four months: monthly", "2026-01-15T00:00:00Z", "2026-05-20T00:00:00Z", /^2026-0[2-5]$/, 4],
    ["forty years: every five", "2000-06-01T00:00:00Z", "2040-06-01T00:00:00Z", /^20[0-4][05]$/, 8],
  ])("%s", (_, start, end, label, count) => {
    const axis = { start: Date.parse(start), end: Date.parse(end) };
    const ticks = ticksOf(axis);
    expect(ticks.length).toBe(count);
    for (const t of ticks) {
      expect(t.label).toMatch(label);
      expect(t.at).toBeGreaterThanOrEqual(axis.start);
      expect(t.at).toBeLessThanOrEqual(axis.end);
      expect(new Date(t.at).getUTCDate()).toBe(1);
    }
  });
});
