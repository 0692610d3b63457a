import { describe, expect, it } from "vitest";
import type { Report } from "../report/types";
import { isAnalysisRequest, respond } from "./protocol";

const empty: Report = {
  schemaVersion: 1,
  asOf: "2024-01-24",
  blocks: [],
  unrecognized: [],
  certificates: [],
  connectors: [],
  selections: [],
  findings: [],
  evidence: [],
  fixPlan: [],
};

describe("the worker protocol", () => {
  it.each([
    { value: { id: 1, text: "x", options: {} }, valid: true },
    { value: { id: 1, text: "x", options: { asOf: "2024-01-24" } }, valid: true },
    { value: { id: "1", text: "x", options: {} }, valid: false },
    { value: { id: 1, text: 2, options: {} }, valid: false },
    { value: { id: 1, text: "x", options: null }, valid: false },
    { value: { id: 1, text: "x" }, valid: false },
    { value: null, valid: false },
    { value: "text", valid: false },
  ])("isAnalysisRequest($value) is $valid", ({ value, valid }) => {
    expect(isAnalysisRequest(value)).toBe(valid);
  });

  it("passes the text and options to the analysis and returns its report under the same id", async () => {
    const seen: unknown[] = [];
    const response = await respond({ id: 7, text: "paste", options: { server: "EX1" } }, async (text, options) => {
      seen.push(text, options);
      return empty;
    });
    expect(seen).toEqual(["paste", { server: "EX1" }]);
    expect(response).toEqual({ id: 7, ok: true, report: empty });
  });

  it("turns a throwing analysis into an error reply", async () => {
    const response = await respond({ id: 3, text: "paste", options: {} }, async () => {
      throw new Error("boom");
    });
    expect(response).toEqual({ id: 3, ok: false, error: "boom" });
  });
});
