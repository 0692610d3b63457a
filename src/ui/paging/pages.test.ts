import { describe, expect, it } from "vitest";
import { counted, hasLongLists, moreLabel, nextLimit, PAGE } from "./pages";

const FINDINGS = ["finding", "findings"] as const;

describe("paging", () => {
  it("adds one page at a time up to what was asked for, and never past the end", () => {
    expect(nextLimit(30, 30, 100, 60)).toBe(60);
    expect(nextLimit(30, 30, 100, 100)).toBe(60);
    expect(nextLimit(90, 30, 100, 100)).toBe(100);
    expect(nextLimit(30, 30, 45, 60)).toBe(45);
    expect(nextLimit(30, 30, 100, 40)).toBe(40);
  });

  it("names counts the way English writes them", () => {
    expect(counted(1, FINDINGS)).toBe("1 finding");
    expect(counted(3195, FINDINGS)).toBe("3,195 findings");
    expect(moreLabel(30, FINDINGS)).toBe("Show 30 more findings");
    expect(moreLabel(1, FINDINGS)).toBe("Show 1 more finding");
  });
});

describe("hasLongLists", () => {
  const none = {
    findings: [],
    fixPlan: [],
    selections: [],
    certificates: [],
    connectors: [],
    blocks: [],
    unrecognized: [],
    evidence: [],
  };

  it("is true once one list is longer than its first page", () => {
    expect(hasLongLists(none)).toBe(false);
    const fits = Array.from({ length: PAGE.connectors }, () => ({}) as never);
    expect(hasLongLists({ ...none, selections: fits })).toBe(false);
    expect(hasLongLists({ ...none, selections: [...fits, {} as never] })).toBe(true);
    expect(hasLongLists({ ...none, blocks: Array.from({ length: PAGE.blocks + 1 }, () => ({}) as never) })).toBe(true);
  });
});
