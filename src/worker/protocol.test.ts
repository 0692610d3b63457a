import { describe, expect, it } from "vitest";
import type { Report } from "../report/types";
import { type AnalysisResponse, isAnalysisRequest, isAnalysisResponse, respond } from "./protocol";
import type { AnalysisResult } from "./result";
import { assembleResult } from "./slices";

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

const result: AnalysisResult = {
  report: { ...empty, unrecognized: [{ startLine: 1, endLine: 1, reason: "not output certflow reads" }] },
  timeline: {
    asOf: "2024-01-24T00:00:00.000Z",
    start: "2024-01-24T00:00:00.000Z",
    end: "2024-01-24T00:00:00.000Z",
    rows: [],
    events: [],
  },
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

  it("passes the text and options to the analysis and posts its result in slices under the same id", async () => {
    const seen: unknown[] = [];
    const posted: AnalysisResponse[] = [];
    await respond(
      { id: 7, text: "paste", options: { server: "EX1" } },
      async (text, options) => {
        seen.push(text, options);
        return result;
      },
      (response) => posted.push(response),
    );
    expect(seen).toEqual(["paste", { server: "EX1" }]);
    expect(posted.map((p) => [p.id, p.kind])).toEqual([
      [7, "slice"],
      [7, "end"],
    ]);
    const assembler = assembleResult();
    for (const p of posted) if (p.kind === "slice") assembler.add(p.slice);
    const end = posted.at(-1);
    expect(end?.kind === "end" && assembler.finish(end.head, end.slices)).toEqual(result);
  });

  it("turns a throwing analysis into an error reply", async () => {
    const posted: AnalysisResponse[] = [];
    await respond(
      { id: 3, text: "paste", options: {} },
      async () => {
        throw new Error("boom");
      },
      (response) => posted.push(response),
    );
    expect(posted).toEqual([{ id: 3, kind: "error", error: "boom" }]);
  });

  it.each([
    { value: { id: 1, kind: "slice", slice: { list: "report.findings", json: "[]" } }, valid: true },
    { value: { id: 1, kind: "error", error: "boom" }, valid: true },
    { value: { id: 1, ok: true, report: {} }, valid: false },
    { value: { id: "1", kind: "end" }, valid: false },
    { value: null, valid: false },
  ])("isAnalysisResponse($value) is $valid", ({ value, valid }) => {
    expect(isAnalysisResponse(value)).toBe(valid);
  });
});
