import { describe, expect, it, vi } from "vitest";
import {
  createAnalysisBridge,
  createRedactionBridge,
  createRenewalBridge,
  createWhatIfBridge,
  type WorkerLike,
} from "./bridge";
import type { AnalysisResponse } from "./protocol";
import type { AnalysisResult } from "./result";
import { sliceResult } from "./slices";
import { TEXT_PART_CHARS } from "./text-parts";

/** A result with a few list items, so that small slices cut it into several messages. */
function result(asOf: string): AnalysisResult {
  return {
    report: {
      schemaVersion: 1,
      asOf,
      blocks: [
        { cmdlet: "Get-ExchangeCertificate", format: "list", startLine: 1, endLine: 9, records: 1, server: "EX1" },
      ],
      unrecognized: [{ startLine: 10, endLine: 10, reason: "not output certflow reads" }],
      certificates: [],
      connectors: [],
      selections: [],
      findings: [],
      evidence: [],
      fixPlan: [
        { step: 1, why: "The certificate has expired.", commands: ["Get-ExchangeCertificate"] },
        { step: 2, why: "Bind the new one.", commands: ["Enable-ExchangeCertificate -Services SMTP"] },
      ],
    },
    timeline: {
      asOf: `${asOf}T00:00:00.000Z`,
      start: "2020-01-01T00:00:00.000Z",
      end: "2030-01-01T00:00:00.000Z",
      rows: [],
      events: [],
    },
  };
}

/** The messages a worker sends for one result, cut into slices of about 60 characters. */
function answer(id: number, asOf: string): AnalysisResponse[] {
  const { slices, head } = sliceResult(result(asOf), 60);
  return [
    ...slices.map((slice): AnalysisResponse => ({ id, kind: "slice", slice })),
    { id, kind: "end", head, slices: slices.length },
  ];
}

const done = (asOf: string) => ({ status: "done", ...result(asOf) });

/** A worker whose replies the test sends by hand, in any order, even after it was terminated. */
function fakeWorker() {
  const sent: unknown[] = [];
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
    reply: (...messages: (AnalysisResponse | unknown)[]) => {
      for (const data of messages) {
        for (const listener of listeners.message) listener({ data } as MessageEvent<unknown>);
      }
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
    pool.at(0).reply(...answer(1, "2024-01-24"));
    await expect(result).resolves.toEqual(done("2024-01-24"));
  });

  it("keeps its worker between runs that finished", async () => {
    const pool = workers();
    const bridge = createAnalysisBridge(pool.spawn);
    const first = bridge.analyze("one", {});
    pool.at(0).reply(...answer(1, "2024-01-01"));
    await first;
    const second = bridge.analyze("two", {});
    pool.at(0).reply(...answer(2, "2024-01-02"));
    await expect(second).resolves.toEqual(done("2024-01-02"));
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

    pool.at(0).reply(...answer(1, "2000-01-01"));
    pool.at(0).reply(...answer(2, "2000-01-02"));
    pool.at(1).reply(...answer(2, "2024-01-24"));
    await expect(newer).resolves.toEqual(done("2024-01-24"));
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
    expect(pool.at(1).sent).toEqual([{ id: 2, text: "edited paste", options: {} }]);
    pool.at(1).reply(...answer(2, "2024-01-24"));
    await expect(next).resolves.toEqual(done("2024-01-24"));
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
    pool.at(0).reply({ id: 1, kind: "error", error: "reader exploded" });
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
    pool.at(1).reply(...answer(2, "2024-01-24"));
    await expect(retry).resolves.toEqual(done("2024-01-24"));
  });

  it("ignores errors of a worker it already replaced", async () => {
    const pool = workers();
    const bridge = createAnalysisBridge(pool.spawn);
    void bridge.analyze("first", {});
    const newer = bridge.analyze("second", {});
    pool.at(0).crash("terminated worker complains");
    pool.at(1).reply(...answer(2, "2024-01-24"));
    await expect(newer).resolves.toEqual(done("2024-01-24"));
  });

  it("ignores messages that are not replies", async () => {
    const pool = workers();
    const bridge = createAnalysisBridge(pool.spawn);
    const result = bridge.analyze("paste", {});
    pool.at(0).reply("hello");
    pool.at(0).reply({ id: "1", kind: "end" });
    pool.at(0).reply({ id: 1, ok: true });
    pool.at(0).reply(...answer(1, "2024-01-24"));
    await expect(result).resolves.toEqual(done("2024-01-24"));
  });

  it("puts together a reply sent in slices, and ignores slices of a cancelled run in the same worker", async () => {
    const pool = workers();
    const bridge = createAnalysisBridge(pool.spawn);
    const [first, ...rest] = answer(1, "2024-01-24");
    const result = bridge.analyze("paste", {});
    expect(rest.length).toBeGreaterThan(2);
    pool.at(0).reply(first, ...answer(7, "2000-01-01").slice(0, 2), ...rest);
    await expect(result).resolves.toEqual(done("2024-01-24"));
  });

  it("rejects a reply whose slices did not all arrive", async () => {
    const pool = workers();
    const bridge = createAnalysisBridge(pool.spawn);
    const result = bridge.analyze("paste", {});
    pool.at(0).reply(...answer(1, "2024-01-24").slice(1));
    await expect(result).rejects.toThrow("arrived incomplete");
  });

  it("rejects a damaged slice, and ignores the rest of that reply", async () => {
    const pool = workers();
    const bridge = createAnalysisBridge(pool.spawn);
    const result = bridge.analyze("paste", {});
    pool
      .at(0)
      .reply({ id: 1, kind: "slice", slice: { list: "report.blocks", json: "{}" } }, ...answer(1, "2024-01-24"));
    await expect(result).rejects.toThrow("damaged slice");
  });

  it("computes what-ifs in a worker of their own kind, and a newer one cancels the older", async () => {
    const pool = workers();
    const bridge = createWhatIfBridge(pool.spawn);
    const edits = [{ kind: "enable-smtp", server: "EX01", thumbprint: "AB" }] as const;
    const older = bridge.whatIf("paste", {}, edits);
    const newer = bridge.whatIf("paste", { server: "EX01" }, edits);
    await expect(older).resolves.toEqual({ status: "superseded" });
    expect(pool.at(1).sent).toEqual([{ id: 2, whatIf: true, text: "paste", options: { server: "EX01" }, edits }]);
    const view = {
      diff: { connectors: [], appeared: [], vanished: [] },
      unmatched: [],
      commands: ["Enable-ExchangeCertificate"],
    };
    pool.at(1).reply({ id: 2, kind: "slice" }, { id: 2, kind: "what-if", view });
    await expect(newer).resolves.toEqual({ status: "done", view });

    const failing = bridge.whatIf("paste", {}, edits);
    pool.at(1).reply({ id: 3, kind: "error", error: "no such certificate" });
    await expect(failing).rejects.toThrow("no such certificate");
  });

  it("plans renewals in a worker of their own kind, and a newer one cancels the older", async () => {
    const pool = workers();
    const bridge = createRenewalBridge(pool.spawn);
    const request = {
      old: "AB",
      successor: {
        subject: "CN=mail.contoso.com",
        issuer: "CN=R11",
        domains: ["mail.contoso.com"],
        notBefore: "2026-10-30",
        notAfter: "2027-01-28",
        selfSigned: false,
      },
    };
    const older = bridge.plan("paste", {}, request);
    const newer = bridge.plan("paste", { asOf: "2026-11-02" }, request);
    await expect(older).resolves.toEqual({ status: "superseded" });
    expect(pool.at(0).terminated).toBe(true);
    expect(pool.at(1).sent).toEqual([
      { id: 2, renewal: true, text: "paste", options: { asOf: "2026-11-02" }, request },
    ]);
    const view = { ok: false, reason: "the certificate AB is not in the paste" };
    pool.at(1).reply({ id: 2, kind: "what-if", view: {} }, { id: 2, kind: "renewal", view });
    await expect(newer).resolves.toEqual({ status: "done", view });

    const failing = bridge.plan("paste", {}, request);
    pool.at(1).reply({ id: 3, kind: "error", error: "planner exploded" });
    await expect(failing).rejects.toThrow("planner exploded");
  });

  it("redacts in a worker of its own kind, and a newer redaction cancels the older", async () => {
    const pool = workers();
    const bridge = createRedactionBridge(pool.spawn);
    const older = bridge.redact({ text: "paste" });
    const newer = bridge.redact({ text: "paste", server: "EX01" });
    await expect(older).resolves.toEqual({ status: "superseded" });
    expect(pool.at(0).terminated).toBe(true);
    expect(pool.at(1).sent).toEqual([{ id: 2, redact: true, text: "paste", server: "EX01" }]);
    const redaction = {
      text: "redacted",
      server: "SERVER1",
      replaced: { names: 0, servers: 1, hex: 0, addresses: 0, subjects: 0 },
      certificatesKept: 0,
    };
    pool.at(1).reply({ id: 2, kind: "what-if", view: {} }, { id: 2, kind: "redaction", redaction });
    await expect(newer).resolves.toEqual({ status: "done", redaction });

    const failing = bridge.redact({ text: "paste" });
    pool.at(1).reply({ id: 3, kind: "error", error: "redactor exploded" });
    await expect(failing).rejects.toThrow("redactor exploded");
  });

  it("sends a large paste in parts, and stops sending when a newer run cancels it", async () => {
    vi.useFakeTimers();
    try {
      const pool = workers();
      const bridge = createAnalysisBridge(pool.spawn);
      const large = "x".repeat(TEXT_PART_CHARS * 2 + 5);
      void bridge.analyze(large, {});
      await vi.advanceTimersByTimeAsync(0);
      expect(pool.at(0).sent).toEqual([
        { id: 1, textPart: "x".repeat(TEXT_PART_CHARS) },
        { id: 1, textPart: "x".repeat(TEXT_PART_CHARS) },
      ]);
      void bridge.analyze("edited", {});
      await vi.runAllTimersAsync();
      expect(pool.at(0).sent).toHaveLength(2);
      expect(pool.at(0).terminated).toBe(true);
      expect(pool.at(1).sent).toEqual([{ id: 2, text: "edited", options: {} }]);
    } finally {
      vi.useRealTimers();
    }
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
