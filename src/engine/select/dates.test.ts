import { describe, expect, it } from "vitest";
import { ambiguousDate, date } from "../../model/test-builders";
import type { DateValue } from "../../model/values";
import { ambiguityNote, compareDates, dateText, isBefore, type Order } from "./dates";

const jan = date("2024-01-01");
const feb = date("2024-02-01");
const janOrFeb = ambiguousDate("01/02/2024", ["2024-01-02", "2024-02-01"]);
const unreadable: DateValue = { raw: "gestern", iso: null, readings: [] };

describe("compareDates", () => {
  it.each<[string, DateValue | undefined, DateValue | undefined, Order]>([
    ["later", feb, jan, "later"],
    ["earlier", jan, feb, "earlier"],
    ["same", jan, date("2024-01-01"), "same"],
    ["ambiguous but every reading later", janOrFeb, date("2023-12-31"), "later"],
    ["ambiguous and readings disagree", janOrFeb, date("2024-01-15"), "unknown"],
    ["missing", undefined, jan, "unknown"],
    ["unreadable", unreadable, jan, "unknown"],
  ])("%s", (_name, a, b, expected) => {
    expect(compareDates(a, b)).toBe(expected);
  });
});

describe("isBefore", () => {
  const asOf = new Date("2024-01-15T00:00:00Z");
  it.each<[string, DateValue | undefined, "yes" | "no" | "unknown"]>([
    ["before", jan, "yes"],
    ["after", feb, "no"],
    ["on the day (midnight) is not before", date("2024-01-15"), "no"],
    ["readings on both sides", janOrFeb, "unknown"],
    ["missing", undefined, "unknown"],
  ])("%s", (_name, value, expected) => {
    expect(isBefore(value, asOf)).toBe(expected);
  });
});

describe("dateText / ambiguityNote", () => {
  it.each<[DateValue | undefined, string]>([
    [jan, "2024-01-01"],
    [janOrFeb, "01/02/2024 (2024-01-02 or 2024-02-01)"],
    [undefined, "not in the paste"],
    [unreadable, '"gestern" (not readable as a date)'],
  ])("%j → %s", (value, text) => {
    expect(dateText(value)).toBe(text);
  });

  it("names both readings of an ambiguous date, and nothing for a clear one", () => {
    expect(ambiguityNote("NotAfter", janOrFeb)).toMatch(
      /NotAfter "01\/02\/2024" can be read as 2024-01-02 or 2024-02-01/,
    );
    expect(ambiguityNote("NotAfter", jan)).toBeUndefined();
    expect(ambiguityNote("NotAfter", undefined)).toBeUndefined();
  });
});
