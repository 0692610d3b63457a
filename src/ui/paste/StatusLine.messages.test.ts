import { describe, expect, it } from "vitest";
import type { Report } from "../../report/types";
import { pasteSize, type StatusFacts, statusMessage } from "./StatusLine.messages";

function report(blocks: number, unrecognized: number): Report {
  return {
    schemaVersion: 1,
    asOf: "2024-01-24",
    blocks: Array.from({ length: blocks }, (_, i) => ({
      cmdlet: "Get-ExchangeCertificate" as const,
      format: "list" as const,
      startLine: i + 1,
      endLine: i + 1,
      records: 1,
      server: null,
    })),
    unrecognized: Array.from({ length: unrecognized }, (_, i) => ({ startLine: i + 1, endLine: i + 1, reason: "x" })),
    certificates: [],
    connectors: [],
    selections: [],
    findings: [],
    evidence: [],
    fixPlan: [],
  };
}

const base: StatusFacts = { loadError: null, status: "idle", error: null, report: null, slow: false, size: 0 };

describe("statusMessage", () => {
  it.each<{ facts: Partial<StatusFacts>; message: string }>([
    { facts: {}, message: "Paste output above, or try an example." },
    { facts: { status: "done", report: report(3, 1) }, message: "Read 3 blocks; 1 passage not understood." },
    { facts: { status: "done", report: report(1, 0) }, message: "Read 1 block; 0 passages not understood." },
    { facts: { status: "running", size: 4_000 }, message: "Paste output above, or try an example." },
    {
      facts: { status: "running", size: 4_000, report: report(2, 2) },
      message: "Read 2 blocks; 2 passages not understood.",
    },
    { facts: { status: "running", slow: true, size: 10_240_000 }, message: "Analysing 10.2 MB…" },
    {
      facts: { status: "running", slow: true, size: 340_200, report: report(2, 0) },
      message: "Analysing 340 KB…",
    },
    { facts: { status: "error", error: "worker stopped" }, message: "The analysis failed: worker stopped" },
    {
      facts: { loadError: "The example could not be loaded.", status: "running", slow: true },
      message: "The example could not be loaded.",
    },
  ])("says $message", ({ facts, message }) => {
    expect(statusMessage({ ...base, ...facts })).toBe(message);
  });
});

describe("pasteSize", () => {
  it.each([
    [10_240_000, "10.2 MB"],
    [1_000_000, "1.0 MB"],
    [999_499, "999 KB"],
    [20_400, "20 KB"],
    [120, "1 KB"],
  ])("%d characters are %s", (characters, text) => {
    expect(pasteSize(characters)).toBe(text);
  });
});
