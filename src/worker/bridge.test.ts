import { describe, expect, it } from "vitest";
import type { Report } from "../report/types";
import { createAnalysisBridge, type WorkerLike } from "./bridge";
import type { AnalysisRequest, AnalysisResponse } from "./protocol";

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

/** A worker whose replies the test sends by hand, in any order. */
function fakeWorker() {
  const sent: AnalysisRequest[] = [];
  const listeners: { message: ((event: MessageEvent<unknown>) => void)[]; error: ((event: ErrorEvent) => void)[] } = {
    message: [],
    error: [],
  };
  let terminated = false;
  const worker: WorkerLike = {
    postMessage: (message) => void sent.push(message),
    addEventListener: (type: "message" | "error", listener: never) => void listeners[type].push(listener),
    terminate: () => {
      terminated = true;
    },
  };
  return {
    worker,
    sent,
    reply: (data: AnalysisResponse | unknown) => {
      for (const listener of listeners.message) listener({ data } as MessageEvent<unknown>);
    },
    crash: (message: string) => {
      for (const listener of listeners.error) listener({ message, preventDefault: () => undefined } as ErrorEvent);
    },
    get terminated() {
      return terminated;
    },
  };
}

describe("the analysis bridge", () => {
  it("sends the text and options and resolves with the worker's report", async () => {
    const fake = fakeWorker();
    const bridge = createAnalysisBridge(() => fake.worker);
    const result = bridge.analyze("paste", { asOf: "2024-01-24", server: "EX1" });
    expect(fake.sent).toEqual([{ id: 1, text: "paste", options: { asOf: "2024-01-24", server: "EX1" } }]);
    fake.reply({ id: 1, ok: true, report: report("2024-01-24") });
    await expect(result).resolves.toEqual({ status: "done", report: report("2024-01-24") });
  });

  it("marks an older request superseded and ignores its late reply", async () => {
    const fake = fakeWorker();
    const bridge = createAnalysisBridge(() => fake.worker);
    const older = bridge.analyze("first", {});
    const newer = bridge.analyze("second", {});
    await expect(older).resolves.toEqual({ status: "superseded" });
    fake.reply({ id: 1, ok: true, report: report("2000-01-01") });
    fake.reply({ id: 2, ok: true, report: report("2024-01-24") });
    await expect(newer).resolves.toEqual({ status: "done", report: report("2024-01-24") });
  });

  it("rejects with the worker's error message", async () => {
    const fake = fakeWorker();
    const bridge = createAnalysisBridge(() => fake.worker);
    const result = bridge.analyze("paste", {});
    fake.reply({ id: 1, ok: false, error: "reader exploded" });
    await expect(result).rejects.toThrow("reader exploded");
  });

  it("rejects the pending request when the worker itself fails", async () => {
    const fake = fakeWorker();
    const bridge = createAnalysisBridge(() => fake.worker);
    const result = bridge.analyze("paste", {});
    fake.crash("worker script failed to load");
    await expect(result).rejects.toThrow("worker script failed to load");
  });

  it("ignores messages that are not replies", async () => {
    const fake = fakeWorker();
    const bridge = createAnalysisBridge(() => fake.worker);
    const result = bridge.analyze("paste", {});
    fake.reply("hello");
    fake.reply({ id: "1", ok: true });
    fake.reply({ id: 1, ok: true, report: report("2024-01-24") });
    await expect(result).resolves.toEqual({ status: "done", report: report("2024-01-24") });
  });

  it("stops the worker on dispose and settles what was pending", async () => {
    const fake = fakeWorker();
    const bridge = createAnalysisBridge(() => fake.worker);
    const result = bridge.analyze("paste", {});
    bridge.dispose();
    await expect(result).resolves.toEqual({ status: "superseded" });
    expect(fake.terminated).toBe(true);
  });
});
