import type { Selection } from "../engine/select/types";
import { type FlowGraph, receiveGraph, sendGraph } from "./graph";

export interface LitPath {
  readonly nodes: Set<string>;
  /** Keys made by `edgeKey`. */
  readonly edges: Set<string>;
}

export function edgeKey(from: string, to: string): string {
  return `${from}->${to}`;
}

export function graphFor(selection: Pick<Selection, "connectorKind">): FlowGraph {
  return selection.connectorKind === "receive" ? receiveGraph : sendGraph;
}

/**
 * The path a trace takes: every step that was not skipped, and between two
 * consecutive ones the graph edge whose label is the first step's answer (or
 * that any answer follows).
 */
export function litPath(graph: FlowGraph, selection: Pick<Selection, "steps">): LitPath {
  const lit = selection.steps.filter((s) => s.outcome !== "skipped");
  const nodes = new Set(lit.map((s) => s.id));
  const edges = new Set<string>();
  lit.forEach((from, i) => {
    const to = lit[i + 1];
    if (to === undefined) return;
    const joined = graph.edges.some(
      (e) => e.from === from.id && e.to === to.id && (e.label === "" || e.label === from.outcome),
    );
    if (joined) edges.add(edgeKey(from.id, to.id));
  });
  return { nodes, edges };
}
