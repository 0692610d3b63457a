import { describe, expect, it } from "vitest";
import { STEP } from "../engine/select/step-ids";
import { type FlowGraph, receiveGraph, sendGraph } from "./graph";

const ALL_STEPS = Object.values(STEP);

describe.each([
  ["receiveGraph", receiveGraph, ALL_STEPS.filter((id) => id !== STEP.sendStarttls), STEP.anonymousTls],
  [
    "sendGraph",
    sendGraph,
    ALL_STEPS.filter((id) => id !== STEP.anonymousTls && id !== STEP.authTls),
    STEP.sendStarttls,
  ],
] as const)("%s", (_name, graph: FlowGraph, expectedIds, start) => {
  it("has exactly the step ids of its direction, once each", () => {
    expect(graph.nodes.map((n) => n.id).sort()).toEqual([...expectedIds].sort());
  });

  it("puts no two nodes in the same grid cell", () => {
    const cells = graph.nodes.map((n) => `${n.col},${n.row}`);
    expect(new Set(cells).size).toBe(cells.length);
  });

  it("joins existing nodes, at most once per pair", () => {
    const ids = new Set(graph.nodes.map((n) => n.id));
    for (const e of graph.edges) {
      expect(ids.has(e.from)).toBe(true);
      expect(ids.has(e.to)).toBe(true);
    }
    const pairs = graph.edges.map((e) => `${e.from}->${e.to}`);
    expect(new Set(pairs).size).toBe(pairs.length);
  });

  it("leaves every question and ends only in the two outcomes", () => {
    for (const node of graph.nodes) {
      const out = graph.edges.filter((e) => e.from === node.id);
      if (node.kind === "outcome") expect(out).toEqual([]);
      else expect(out.length).toBeGreaterThan(0);
    }
    expect(
      graph.nodes
        .filter((n) => n.kind === "outcome")
        .map((n) => n.id)
        .sort(),
    ).toEqual([STEP.resultNone, STEP.resultStarttls]);
  });

  it("labels a question's edges either all '' or yes/no", () => {
    for (const node of graph.nodes) {
      const labels = new Set(graph.edges.filter((e) => e.from === node.id).map((e) => e.label));
      if (labels.has("")) expect([...labels]).toEqual([""]);
    }
  });

  it("reaches every node from the first question", () => {
    const seen = new Set<string>([start]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const e of graph.edges) {
        if (seen.has(e.from) && !seen.has(e.to)) {
          seen.add(e.to);
          grew = true;
        }
      }
    }
    expect(seen.size).toBe(graph.nodes.length);
  });
});
