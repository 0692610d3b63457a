import { describe, expect, it } from "vitest";
import type { ReportFinding } from "../../report/types";
import { findingsSummary } from "./summary";

type F = Pick<ReportFinding, "severity" | "server">;
const f = (severity: F["severity"], server: string | null): F => ({ severity, server });

describe("findingsSummary", () => {
  it.each([
    { findings: [], text: "No findings" },
    { findings: [f("error", "EX1"), f("warning", "EX2"), f("error", "EX2")], text: "2 errors, 1 warning on 2 servers" },
    { findings: [f("error", "EX1")], text: "1 error on 1 server" },
    { findings: [f("warning", "EX1"), f("warning", "EX1")], text: "2 warnings on 1 server" },
    { findings: [f("info", null), f("info", null), f("warning", null)], text: "1 warning, 2 info" },
    { findings: [f("info", "EX1"), f("error", null)], text: "1 error, 1 info on 1 server" },
  ])("$text", ({ findings, text }) => {
    expect(findingsSummary(findings)).toBe(text);
  });
});
