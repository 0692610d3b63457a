import type { Selection } from "../engine/select/types";
import { edgeKey, graphFor, litPath } from "./path";

/**
 * Test support for the path tests: where a trace fails to be a path through
 * its graph. Every lit node must be a graph node, and consecutive lit nodes
 * must be joined by an edge whose label is the first one's answer (or "").
 */
export function pathProblems(selection: Selection): string[] {
  const graph = graphFor(selection);
  const problems: string[] = [];
  const lit = selection.steps.filter((s) => s.outcome !== "skipped");
  const path = litPath(graph, selection);
  const ids = new Set(graph.nodes.map((n) => n.id));
  if ([...path.nodes].join(" ") !== lit.map((s) => s.id).join(" ")) problems.push("lit nodes differ from the trace");
  for (const step of lit)
    if (!ids.has(step.id as (typeof graph.nodes)[number]["id"])) problems.push(`${step.id} is not in the graph`);
  lit.forEach((from, i) => {
    const to = lit[i + 1];
    if (to === undefined) return;
    const edge = graph.edges.find((e) => e.from === from.id && e.to === to.id);
    if (edge === undefined) problems.push(`no edge ${from.id} → ${to.id}`);
    else if (edge.label !== "" && edge.label !== from.outcome)
      problems.push(`edge ${from.id} → ${to.id} is "${edge.label}", step said ${from.outcome}`);
    else if (!path.edges.has(edgeKey(from.id, to.id))) problems.push(`edge ${from.id} → ${to.id} not lit`);
  });
  if (path.edges.size !== Math.max(0, lit.length - 1))
    problems.push(`${path.edges.size} lit edges for ${lit.length} lit nodes`);
  return problems;
}
