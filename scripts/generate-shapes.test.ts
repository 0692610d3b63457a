import { describe, expect, it } from "vitest";
import { analyze } from "../src/analyze";
import { SHAPES } from "./generate-shapes";

const shape = (name: string) => {
  const found = SHAPES.find((s) => s.name === name);
  if (found === undefined) throw new Error(`no shape ${name}`);
  return found;
};

describe("SHAPES", () => {
  it("logs: a server per 40 sessions, each session one UnknownCredentials entry, an event 12014 per 10 sessions", async () => {
    const report = await analyze(shape("logs").text(80), { asOf: "2026-01-15" });
    expect(report.unrecognized).toEqual([]);
    expect(new Set(report.certificates.map((c) => c.server)).size).toBe(2);
    expect(report.evidence.filter((e) => e.code === "UnknownCredentials")).toHaveLength(80);
    expect(report.evidence.filter((e) => e.code === "12014")).toHaveLength(8);
    expect(report.findings.some((f) => f.rule === "CERT_NOT_SMTP")).toBe(true);
  });

  it("crowded_server: the given number of certificates on EX01, with its ten receive connectors", async () => {
    const report = await analyze(shape("crowded_server").text(30), { asOf: "2026-01-15" });
    expect(report.unrecognized).toEqual([]);
    expect(report.certificates).toHaveLength(30);
    expect(report.connectors).toHaveLength(10);
  });

  it("evidence: a server per 4 copies, and each copy brings the same evidence entries", async () => {
    const [four, eight] = await Promise.all(
      [4, 8].map((n) => analyze(shape("evidence").text(n), { asOf: "2026-01-15" })),
    );
    expect(new Set(four?.certificates.map((c) => c.server)).size).toBe(1);
    expect(new Set(eight?.certificates.map((c) => c.server)).size).toBe(2);
    expect(four?.unrecognized).toEqual([]);
    expect([...new Set(four?.evidence.map((e) => e.code))]).toEqual(
      expect.arrayContaining(["12014", "450 4.4.317", "451 5.7.3", "454 4.7.5", "UnknownCredentials", "36871"]),
    );
    expect(eight?.evidence.length).toBe(2 * (four?.evidence.length ?? 0));
  });

  it("is empty, or only the fixed part, at size 0", async () => {
    expect(shape("logs").text(0)).toBe("");
    expect(shape("evidence").text(0)).toBe("");
    const report = await analyze(shape("crowded_server").text(0), { asOf: "2026-01-15" });
    expect(report.certificates).toEqual([]);
    expect(report.connectors).toHaveLength(10);
  });
});
