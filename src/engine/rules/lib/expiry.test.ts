import { describe, expect, it } from "vitest";
import { ambiguousDate, date } from "../../../model/test-builders";
import type { DateValue } from "../../../model/values";
import { agreedExpiry, daysLeft, daysText, type ExpiryState, expiryState } from "./expiry";

const AS_OF = new Date("2026-11-24T00:00:00Z");
const at = (iso: string) => Date.parse(iso);

describe("daysLeft (whole days, truncated like TimeSpan.Days)", () => {
  it.each([
    ["2026-12-31T08:14:06Z", 37],
    ["2026-11-24T23:59:59Z", 0],
    ["2026-11-23T12:00:00Z", 0],
    ["2026-11-22T23:00:00Z", -1],
    ["2027-01-23T00:00:00Z", 60],
  ])("%s → %i", (iso, days) => {
    expect(daysLeft(at(iso), AS_OF)).toBe(days);
  });
});

describe("expiryState (HealthChecker: yellow under 60 days)", () => {
  it.each<[string, ExpiryState]>([
    ["2026-11-23T23:59:59Z", "expired"],
    ["2026-11-24T00:00:00Z", "expiring"],
    ["2027-01-22T23:59:59Z", "expiring"],
    ["2027-01-23T00:00:00Z", "valid"],
  ])("%s → %s", (iso, state) => {
    expect(expiryState(at(iso), AS_OF)).toBe(state);
  });
});

describe("agreedExpiry", () => {
  it.each<[string, DateValue | undefined, ExpiryState | undefined]>([
    ["a decided date", date("2025-03-01"), "expired"],
    ["two readings, both expired", ambiguousDate("03/04/2024", ["2024-03-04", "2024-04-03"]), "expired"],
    ["two readings, expired or expiring", ambiguousDate("12/01/2026", ["2026-01-12", "2026-12-01"]), undefined],
    ["not in the paste", undefined, undefined],
    ["not a date", { raw: "soon", iso: null, readings: [] }, undefined],
  ])("%s", (_name, value, state) => {
    expect(agreedExpiry(value, AS_OF)?.state).toBe(state);
  });

  it("names the readings in date order", () => {
    expect(daysText([at("2026-12-01T00:00:00Z"), at("2026-01-12T00:00:00Z")])).toBe("2026-01-12 or 2026-12-01");
  });
});
