import type { FlowGraph } from "../../flow/graph";
import { edgeKey, graphFor, type LitPath, litPath } from "../../flow/path";
import type { ReportSelection } from "../../report/types";

export type ReportStep = ReportSelection["steps"][number];

/** What the trace says about one node of the graph. `taken`: on the lit path; `skipped`: in the trace, skipped. */
export type NodeState =
  | { readonly status: "taken"; readonly step: ReportStep }
  | { readonly status: "skipped"; readonly step: ReportStep }
  | { readonly status: "not-reached" };

/** A report names the direction; the graph is chosen by the connector kind it implies. */
export function graphOf(selection: Pick<ReportSelection, "direction">): FlowGraph {
  return graphFor({ connectorKind: selection.direction === "inbound" ? "receive" : "send" });
}

export function litPathOf(selection: ReportSelection): LitPath {
  return litPath(graphOf(selection), selection);
}

export function nodeState(selection: ReportSelection, id: string): NodeState {
  const step = selection.steps.find((s) => s.id === id);
  if (step === undefined) return { status: "not-reached" };
  return step.outcome === "skipped" ? { status: "skipped", step } : { status: "taken", step };
}

export function isLitEdge(path: LitPath, from: string, to: string): boolean {
  return path.edges.has(edgeKey(from, to));
}

/** "kept 2 · dropped 1" */
export function countsText(step: ReportStep): string {
  return `kept ${step.kept.length} · dropped ${step.dropped.length}`;
}

/** The visible status line of a node: its answer (or "reached" for an outcome) and its candidate counts. */
export function nodeStatusText(state: NodeState, kind: "question" | "outcome"): string {
  if (state.status === "not-reached") return "not reached";
  if (state.status === "skipped") return "skipped";
  const answer = kind === "outcome" ? "reached" : state.step.outcome;
  return `${answer} · ${countsText(state.step)}`;
}

/**
 * The node's accessible name: its visible text (label and status line) first, so speech and sight agree, then
 * whether the path Exchange takes runs through it.
 */
export function nodeAccessibleName(label: string, state: NodeState, kind: "question" | "outcome"): string {
  const visible = `${label} ${nodeStatusText(state, kind)}`;
  return state.status === "taken" ? `${visible}, on the path taken` : visible;
}
