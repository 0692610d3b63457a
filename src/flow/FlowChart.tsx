import { useId, useMemo, useRef, useState } from "react";
import type { ReportSelection } from "../report/types";
import { ChartEdge } from "../ui/flowchart/ChartEdge";
import { ChartNode, type NodeMove } from "../ui/flowchart/ChartNode";
import { layoutChart } from "../ui/flowchart/layout";
import { graphOf, isLitEdge, litPathOf, nodeState } from "../ui/flowchart/trace";
import styles from "./FlowChart.module.css";

/**
 * The whole decision graph of one connector's certificate choice as SVG, with the path its trace takes lit.
 * Nodes are buttons: one is in the Tab order, the arrow keys move between them, Enter or Space selects one.
 */
export function FlowChart({
  selection,
  selectedId,
  onSelect,
  detailsId,
}: {
  readonly selection: ReportSelection;
  readonly selectedId: string | null;
  readonly onSelect: (id: string) => void;
  readonly detailsId: string;
}) {
  const hint = useId();
  const graph = graphOf(selection);
  const layout = useMemo(() => layoutChart(graph), [graph]);
  const path = litPathOf(selection);
  const order: readonly string[] = useMemo(
    () => [...layout.nodes].sort((a, b) => a.node.row - b.node.row || a.node.col - b.node.col).map((n) => n.node.id),
    [layout],
  );
  const [focusId, setFocusId] = useState<string | null>(null);
  const nodes = useRef(new Map<string, SVGGElement>());
  const tabbable = focusId ?? selectedId ?? order.find((id) => path.nodes.has(id)) ?? order[0];

  function move(from: string, to: NodeMove) {
    const at = order.indexOf(from);
    const index = { next: at + 1, previous: at - 1, first: 0, last: order.length - 1 }[to];
    const id = order[Math.min(order.length - 1, Math.max(0, index))];
    if (id === undefined) return;
    setFocusId(id);
    nodes.current.get(id)?.focus();
  }

  const edges = layout.edges.map((routed) => ({ routed, lit: isLitEdge(path, routed.edge.from, routed.edge.to) }));
  return (
    <figure className={styles.figure} data-lit-path={[...path.nodes].join(" ")}>
      <figcaption className={styles.caption}>Certificate selection for {selection.connector}</figcaption>
      <p id={hint} className={styles.hint}>
        Bold, solid steps are the path Exchange takes; dashed ones it does not reach. Select a step to see the
        certificates it kept and dropped (arrow keys move between steps).
      </p>
      <div className={styles.scroll}>
        <svg
          className={styles.chart}
          viewBox={`0 0 ${layout.width} ${layout.height}`}
          width={layout.width}
          height={layout.height}
          aria-describedby={hint}
        >
          <title>
            Decision graph: {path.nodes.size} of {layout.nodes.length} steps taken
          </title>
          <g>
            {[...edges.filter((e) => !e.lit), ...edges.filter((e) => e.lit)].map(({ routed, lit }) => (
              <ChartEdge key={`${routed.edge.from}->${routed.edge.to}`} routed={routed} lit={lit} />
            ))}
          </g>
          {layout.nodes.map((placed) => {
            const id = placed.node.id;
            return (
              <ChartNode
                key={id}
                placed={placed}
                state={nodeState(selection, id)}
                selected={id === selectedId}
                tabbable={id === tabbable}
                controls={detailsId}
                onSelect={() => {
                  setFocusId(id);
                  onSelect(id);
                }}
                onMove={(to) => move(id, to)}
                nodeRef={(element) => {
                  if (element === null) nodes.current.delete(id);
                  else nodes.current.set(id, element);
                }}
              />
            );
          })}
        </svg>
      </div>
    </figure>
  );
}
