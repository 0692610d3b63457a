import { describe, expect, it } from "vitest";
import { receiveGraph, sendGraph } from "../../flow/graph";
import type { ReportSelection } from "../../report/types";
import {
  countsText,
  graphOf,
  isLitEdge,
  litPathOf,
  nodeAccessibleName,
  nodeState,
  nodeStatusText,
  type ReportStep,
} from "./trace";

const step = (id: string, outcome: ReportStep["outcome"], kept: string[] = [], dropped: string[] = []): ReportStep => ({
  id,
  question: `${id}?`,
  outcome,
  detail: "",
  kept,
  dropped: dropped.map((thumbprint) => ({ thumbprint, reason: "no" })),
});

const stale: ReportSelection = {
  server: "EX01",
  connector: "Default Frontend EX01",
  direction: "inbound",
  fqdn: "EX01.contoso.local",
  certificate: null,
  starttls: false,
  via: "None",
  steps: [
    step("anonymous-tls", "yes", ["AA"]),
    step("auth-tls", "yes"),
    step("tlsname-set", "yes"),
    step("tlsname-syntax", "yes"),
    step("tlsname-cut", "skipped"),
    step("tlsname-match", "no", [], ["AA", "BB", "CC"]),
    step("result-none", "no"),
  ],
};

describe("graphOf", () => {
  it.each([
    { direction: "inbound" as const, graph: receiveGraph },
    { direction: "outbound" as const, graph: sendGraph },
  ])("$direction", ({ direction, graph }) => {
    expect(graphOf({ direction })).toBe(graph);
  });
});

describe("litPathOf", () => {
  it("lights the steps taken and the edges between them, not the skipped step", () => {
    const path = litPathOf(stale);
    expect([...path.nodes]).toEqual([
      "anonymous-tls",
      "auth-tls",
      "tlsname-set",
      "tlsname-syntax",
      "tlsname-match",
      "result-none",
    ]);
    expect(isLitEdge(path, "tlsname-match", "result-none")).toBe(true);
    expect(isLitEdge(path, "tlsname-match", "tlsname-status")).toBe(false);
    expect(isLitEdge(path, "tlsname-syntax", "tlsname-cut")).toBe(false);
  });
});

describe("node texts", () => {
  it.each([
    {
      id: "tlsname-match",
      kind: "question" as const,
      status: "no · kept 0 · dropped 3",
      name: "Match? no · kept 0 · dropped 3, on the path taken",
    },
    {
      id: "result-none",
      kind: "outcome" as const,
      status: "reached · kept 0 · dropped 0",
      name: "Match? reached · kept 0 · dropped 0, on the path taken",
    },
    { id: "tlsname-cut", kind: "question" as const, status: "skipped", name: "Match? skipped" },
    { id: "fqdn-match", kind: "question" as const, status: "not reached", name: "Match? not reached" },
  ])("$id", ({ id, kind, status, name }) => {
    const state = nodeState(stale, id);
    expect(nodeStatusText(state, kind)).toBe(status);
    expect(nodeAccessibleName("Match?", state, kind)).toBe(name);
  });

  it("counts kept and dropped candidates", () => {
    expect(countsText(step("x", "yes", ["A", "B"], ["C"]))).toBe("kept 2 · dropped 1");
  });
});
