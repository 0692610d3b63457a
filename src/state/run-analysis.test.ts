import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { AnalyzeOptions } from "../analyze";
import type { Timeline } from "../engine/timeline/types";
import { MAX_PASTE_CHARS } from "../limits";
import type { Report } from "../report/types";
import type { AnalysisOutcome } from "../worker/bridge";
import { ANALYSIS_DELAY_MS, connectAnalysis } from "./run-analysis";
import { createCertflowStore } from "./store";

function report(asOf: string): Report {
  return {
    schemaVersion: 1,
    asOf,
    blocks: [],
    unrecognized: [],
    certificates: [],
    connectors: [],
    selections: [],
    findings: [],
    evidence: [],
    fixPlan: [],
  };
}

function timeline(asOf: string): Timeline {
  return {
    asOf: `${asOf}T00:00:00.000Z`,
    start: `${asOf}T00:00:00.000Z`,
    end: `${asOf}T00:00:00.000Z`,
    rows: [],
    events: [],
  };
}

/** An analysis that records its calls and finishes when the test says so. */
function controlledAnalysis() {
  const calls: {
    text: string;
    options: AnalyzeOptions;
    finish: (outcome: AnalysisOutcome) => void;
    fail: (e: Error) => void;
  }[] = [];
  const run = (text: string, options: AnalyzeOptions) =>
    new Promise<AnalysisOutcome>((resolve, reject) => {
      calls.push({ text, options, finish: resolve, fail: reject });
    });
  return { calls, run };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("connectAnalysis", () => {
  it("does not analyse a paste over the size limit", async () => {
    const store = createCertflowStore("2024-01-24");
    const analysis = controlledAnalysis();
    connectAnalysis(store, analysis.run);
    store.getState().setText("x".repeat(MAX_PASTE_CHARS + 1));
    await vi.advanceTimersByTimeAsync(ANALYSIS_DELAY_MS);
    expect(analysis.calls).toHaveLength(0);
    expect(store.getState().report).toBeNull();
    store.getState().setText("Get-ExchangeCertificate");
    await vi.advanceTimersByTimeAsync(ANALYSIS_DELAY_MS);
    expect(analysis.calls).toHaveLength(1);
  });

  it("waits for typing to pause, then analyses the latest text once", async () => {
    const store = createCertflowStore("2024-01-24");
    const analysis = controlledAnalysis();
    connectAnalysis(store, analysis.run);
    store.getState().setText("G");
    await vi.advanceTimersByTimeAsync(ANALYSIS_DELAY_MS - 50);
    store.getState().setText("Get");
    await vi.advanceTimersByTimeAsync(ANALYSIS_DELAY_MS - 50);
    expect(analysis.calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(50);
    expect(analysis.calls.map((c) => [c.text, c.options])).toEqual([["Get", { asOf: "2024-01-24" }]]);
    expect(store.getState().status).toBe("running");
    analysis.calls[0]?.finish({ status: "done", report: report("2024-01-24"), timeline: timeline("2024-01-24") });
    await vi.advanceTimersByTimeAsync(0);
    expect(store.getState()).toMatchObject({
      status: "done",
      report: report("2024-01-24"),
      timeline: timeline("2024-01-24"),
    });
  });

  it("passes the server and a complete as-of date, and leaves out a half-typed date", async () => {
    const store = createCertflowStore("2024-01-24");
    const analysis = controlledAnalysis();
    connectAnalysis(store, analysis.run);
    store.getState().setText("paste");
    store.getState().setServer("  EX1 ");
    await vi.advanceTimersByTimeAsync(ANALYSIS_DELAY_MS);
    store.getState().setAsOf("");
    await vi.advanceTimersByTimeAsync(ANALYSIS_DELAY_MS);
    expect(analysis.calls.map((c) => c.options)).toEqual([{ asOf: "2024-01-24", server: "EX1" }, { server: "EX1" }]);
  });

  it("analyses a paste the store already holds at once", () => {
    const store = createCertflowStore("2024-01-24");
    store.getState().setText("restored draft");
    const analysis = controlledAnalysis();
    connectAnalysis(store, analysis.run);
    expect(analysis.calls.map((c) => c.text)).toEqual(["restored draft"]);
  });

  it("clears the report when the paste is emptied, even if an older run finishes later", async () => {
    const store = createCertflowStore("2024-01-24");
    const analysis = controlledAnalysis();
    connectAnalysis(store, analysis.run);
    store.getState().setText("paste");
    await vi.advanceTimersByTimeAsync(ANALYSIS_DELAY_MS);
    store.getState().setText("   ");
    await vi.advanceTimersByTimeAsync(ANALYSIS_DELAY_MS);
    analysis.calls[0]?.finish({ status: "done", report: report("2024-01-24"), timeline: timeline("2024-01-24") });
    await vi.advanceTimersByTimeAsync(0);
    expect(store.getState()).toMatchObject({ status: "idle", report: null, timeline: null });
  });

  it("keeps the last report when a run is superseded, and reports a failure", async () => {
    const store = createCertflowStore("2024-01-24");
    const analysis = controlledAnalysis();
    connectAnalysis(store, analysis.run);
    store.getState().setText("one");
    await vi.advanceTimersByTimeAsync(ANALYSIS_DELAY_MS);
    analysis.calls[0]?.finish({ status: "done", report: report("2024-01-24"), timeline: timeline("2024-01-24") });
    store.getState().setText("two");
    await vi.advanceTimersByTimeAsync(ANALYSIS_DELAY_MS);
    analysis.calls[1]?.fail(new Error("worker stopped"));
    await vi.advanceTimersByTimeAsync(0);
    expect(store.getState()).toMatchObject({ status: "error", error: "worker stopped", report: report("2024-01-24") });
  });

  it("stops listening when disconnected", async () => {
    const store = createCertflowStore("2024-01-24");
    const analysis = controlledAnalysis();
    const disconnect = connectAnalysis(store, analysis.run);
    store.getState().setText("paste");
    disconnect();
    await vi.advanceTimersByTimeAsync(ANALYSIS_DELAY_MS * 2);
    expect(analysis.calls).toHaveLength(0);
  });
});
