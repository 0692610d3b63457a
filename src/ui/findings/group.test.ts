import { describe, expect, it } from "vitest";
import type { ReportFinding } from "../../report/types";
import { firstFindings, groupFindings, inGroupOrder } from "./group";

type F = Pick<ReportFinding, "rule" | "severity" | "server" | "connector">;
const f = (rule: string, severity: F["severity"], server: string | null, connector: string | null): F => ({
  rule,
  severity,
  server,
  connector,
});

describe("groupFindings", () => {
  it("groups by severity, then server, then connector, unnamed last, report order within", () => {
    const findings = [
      f("A", "info", "EX1", null),
      f("B", "error", "EX2", "Default Frontend EX2"),
      f("C", "error", null, null),
      f("D", "error", "EX1", "Default Frontend EX1"),
      f("E", "error", "EX1", null),
      f("F", "error", "EX1", "Client Frontend EX1"),
      f("G", "error", "EX1", "Default Frontend EX1"),
    ];
    const rules = groupFindings(findings).map((s) => ({
      severity: s.severity,
      count: s.count,
      servers: s.servers.map((g) => ({
        server: g.server,
        connectors: g.connectors.map((c) => [c.connector, c.findings.map((x) => x.rule).join("")]),
      })),
    }));
    expect(rules).toEqual([
      {
        severity: "error",
        count: 6,
        servers: [
          {
            server: "EX1",
            connectors: [
              ["Client Frontend EX1", "F"],
              ["Default Frontend EX1", "DG"],
              [null, "E"],
            ],
          },
          { server: "EX2", connectors: [["Default Frontend EX2", "B"]] },
          { server: null, connectors: [[null, "C"]] },
        ],
      },
      { severity: "info", count: 1, servers: [{ server: "EX1", connectors: [[null, "A"]] }] },
    ]);
  });

  it("keeps every finding exactly once", () => {
    const findings = ["error", "warning", "info", "warning"].map((s, i) =>
      f(`R${i}`, s as F["severity"], i % 2 ? "EX1" : null, i % 3 ? "C" : null),
    );
    const flat = inGroupOrder(groupFindings(findings));
    expect([...flat].sort((a, b) => a.rule.localeCompare(b.rule))).toEqual(findings);
  });

  it("groups the first findings of the grouped order into the same groups, in the same order", () => {
    const findings = Array.from({ length: 40 }, (_, i) =>
      f(
        `R${i}`,
        (["error", "warning", "info"] as const)[i % 3] ?? "info",
        i % 4 ? `EX${i % 5}` : null,
        i % 3 ? "C" : null,
      ),
    );
    const ordered = inGroupOrder(groupFindings(findings));
    expect(ordered.map((x) => x.rule).slice(0, 4)).toEqual(["R15", "R30", "R6", "R21"]);
    for (const n of [0, 1, 7, 20, 40]) {
      expect(inGroupOrder(groupFindings(ordered.slice(0, n)))).toEqual(ordered.slice(0, n));
    }
  });

  it("cuts the groups to their first findings in group order, keeping each severity's whole count", () => {
    const findings = Array.from({ length: 40 }, (_, i) =>
      f(
        `R${i}`,
        (["error", "warning", "info"] as const)[i % 3] ?? "info",
        i % 4 ? `EX${i % 5}` : null,
        i % 3 ? "C" : null,
      ),
    );
    const groups = groupFindings(findings);
    const ordered = inGroupOrder(groups);
    for (const n of [0, 1, 7, 14, 20, 40, 99]) {
      const first = firstFindings(groups, n);
      expect(inGroupOrder(first)).toEqual(ordered.slice(0, n));
      expect(first.map((g) => g.count)).toEqual(groups.slice(0, first.length).map((g) => g.count));
      for (const g of first)
        for (const s of g.servers) expect(s.connectors.every((c) => c.findings.length > 0)).toBe(true);
    }
  });

  it("is empty without findings", () => {
    expect(groupFindings([])).toEqual([]);
  });
});
