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

/** A worker whose replies the test sends by hand, in any order, even after it was terminated. */
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

/** Every worker the bridge spawned, oldest first. */
function workers() {
  const spawned: ReturnType<typeof fakeWorker>[] = [];
  const spawn = () => {
    const fake = fakeWorker();
    spawned.push(fake);
    return fake.worker;
  };
  const at = (index: number) => {
    const fake = spawned[index];
    if (fake === undefined) throw new Error(`no worker #${index} was spawned`);
    return fake;
  };
  return { spawned, spawn, at };
}

describe("the analysis bridge", () => {
  it("sends the text and options and resolves with the worker's report", async () => {
    const pool = workers();
    const bridge = createAnalysisBridge(pool.spawn);
    const result = bridge.analyze("paste", { asOf: "2024-01-24", server: "EX1" });
    expect(pool.at(0).sent).toEqual([{ id: 1, text: "paste", options: { asOf: "2024-01-24", server: "EX1" } }]);
    pool.at(0).reply({ id: 1, ok: true, report: report("2024-01-24") });
    await expect(result).resolves.toEqual({ status: "done", report: report("2024-01-24") });
  });

  it("keeps its worker between runs that finished", async () => {
    const pool = workers();
    const bridge = createAnalysisBridge(pool.spawn);
    const first = bridge.analyze("one", {});
    pool.at(0).reply({ id: 1, ok: true, report: report("2024-01-01") });
    await first;
    const second = bridge.analyze("two", {});
    pool.at(0).reply({ id: 2, ok: true, report: report("2024-01-02") });
    await expect(second).resolves.toEqual({ status: "done", report: report("2024-01-02") });
    expect(pool.spawned).toHaveLength(1);
    expect(pool.at(0).terminated).toBe(false);
  });

  it("cancels a run still in progress when a newer one starts: its worker stops and its late reply never lands", async () => {
    const pool = workers();
    const bridge = createAnalysisBridge(pool.spawn);
    const older = bridge.analyze("first", {});
    const newer = bridge.analyze("second", {});
    await expect(older).resolves.toEqual({ status: "superseded" });
    expect(pool.at(0).terminated).toBe(true);
    expect(pool.at(1).sent).toEqual([{ id: 2, text: "second", options: {} }]);

    pool.at(0).reply({ id: 1, ok: true, report: report("2000-01-01") });
    pool.at(0).reply({ id: 2, ok: true, report: report("2000-01-02") });
    pool.at(1).reply({ id: 2, ok: true, report: report("2024-01-24") });
    await expect(newer).resolves.toEqual({ status: "done", report: report("2024-01-24") });
  });

  it("cancels on request, with a fresh worker ready for the next run", async () => {
    const pool = workers();
    const bridge = createAnalysisBridge(pool.spawn);
    const running = bridge.analyze("large paste", {});
    bridge.cancel();
    await expect(running).resolves.toEqual({ status: "superseded" });
    expect(pool.at(0).terminated).toBe(true);
    expect(pool.spawned).toHaveLength(2);

    const next = bridge.analyze("edited paste", {});
    expect(pool.at(1).sent.map((r) => r.text)).toEqual(["edited paste"]);
    pool.at(1).reply({ id: 2, ok: true, report: report("2024-01-24") });
    await expect(next).resolves.toEqual({ status: "done", report: report("2024-01-24") });
  });

  it("leaves an idle worker alone when there is nothing to cancel", () => {
    const pool = workers();
    const bridge = createAnalysisBridge(pool.spawn);
    bridge.cancel();
    expect(pool.spawned).toHaveLength(1);
    expect(pool.at(0).terminated).toBe(false);
  });

  it("rejects with the worker's error message", async () => {
    const pool = workers();
    const bridge = createAnalysisBridge(pool.spawn);
    const result = bridge.analyze("paste", {});
    pool.at(0).reply({ id: 1, ok: false, error: "reader exploded" });
    await expect(result).rejects.toThrow("reader exploded");
  });

  it("rejects the pending request when the worker itself fails, and runs the next one in a new worker", async () => {
    const pool = workers();
    const bridge = createAnalysisBridge(pool.spawn);
    const result = bridge.analyze("paste", {});
    pool.at(0).crash("worker script failed to load");
    await expect(result).rejects.toThrow("worker script failed to load");
    expect(pool.at(0).terminated).toBe(true);

    const retry = bridge.analyze("paste", {});
    pool.at(1).reply({ id: 2, ok: true, report: report("2024-01-24") });
    await expect(retry).resolves.toEqual({ status: "done", report: report("2024-01-24") });
  });

  it("ignores errors of a worker it already replaced", async () => {
    const pool = workers();
    const bridge = createAnalysisBridge(pool.spawn);
    void bridge.analyze("first", {});
    const newer = bridge.analyze("second", {});
    pool.at(0).crash("terminated worker complains");
    pool.at(1).reply({ id: 2, ok: true, report: report("2024-01-24") });
    await expect(newer).resolves.toEqual({ status: "done", report: report("2024-01-24") });
  });

  it("ignores messages that are not replies", async () => {
    const pool = workers();
    const bridge = createAnalysisBridge(pool.spawn);
    const result = bridge.analyze("paste", {});
    pool.at(0).reply("hello");
    pool.at(0).reply({ id: "1", ok: true });
    pool.at(0).reply({ id: 1, ok: true, report: report("2024-01-24") });
    await expect(result).resolves.toEqual({ status: "done", report: report("2024-01-24") });
  });

  it("stops the worker on dispose and settles what was pending", async () => {
    const pool = workers();
    const bridge = createAnalysisBridge(pool.spawn);
    const result = bridge.analyze("paste", {});
    bridge.dispose();
    await expect(result).resolves.toEqual({ status: "superseded" });
    expect(pool.at(0).terminated).toBe(true);
    expect(pool.spawned).toHaveLength(1);
  });
});
