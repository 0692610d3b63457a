import type { KeyboardEvent, Ref } from "react";
import styles from "./ChartNode.module.css";
import type { PlacedNode } from "./layout";
import { type NodeState, nodeAccessibleName, nodeStatusText } from "./trace";
import { wrapLabel } from "./wrap";

const LINE_HEIGHT = 14;
const MAX_CHARS = 28;
const MAX_LINES = 3;

export type NodeMove = "next" | "previous" | "first" | "last";

const MOVES: Readonly<Record<string, NodeMove>> = {
  ArrowDown: "next",
  ArrowRight: "next",
  ArrowUp: "previous",
  ArrowLeft: "previous",
  Home: "first",
  End: "last",
};

/**
 * One node of the flowchart as an SVG button: its label, its answer and how many candidates it kept and dropped.
 * On the lit path it is drawn solid and bold and says "taken" in its name; off the path it is dashed and muted.
 */
export function ChartNode({
  placed,
  state,
  selected,
  tabbable,
  controls,
  onSelect,
  onMove,
  nodeRef,
}: {
  readonly placed: PlacedNode;
  readonly state: NodeState;
  readonly selected: boolean;
  readonly tabbable: boolean;
  /** Id of the details panel the node fills. */
  readonly controls: string;
  readonly onSelect: () => void;
  readonly onMove: (move: NodeMove) => void;
  readonly nodeRef: Ref<SVGGElement>;
}) {
  const { node, box } = placed;
  const lines = wrapLabel(node.label, MAX_CHARS, MAX_LINES);
  const textHeight = (lines.length + 1) * LINE_HEIGHT;
  const top = box.y + (box.h - textHeight) / 2 + LINE_HEIGHT - 3;
  const centre = box.x + box.w / 2;
  const classes = [styles.node, styles[state.status], selected ? styles.selected : ""];
  if (state.status === "taken" && node.kind === "outcome") classes.push(styles[node.id] ?? "");

  function onKeyDown(event: KeyboardEvent<SVGGElement>) {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      onSelect();
      return;
    }
    const move = MOVES[event.key];
    if (move !== undefined) {
      event.preventDefault();
      onMove(move);
    }
  }

  return (
    // biome-ignore lint/a11y/useSemanticElements: an SVG node cannot be a <button>; role, tabIndex and keys make it one
    <g
      ref={nodeRef}
      role="button"
      tabIndex={tabbable ? 0 : -1}
      aria-label={nodeAccessibleName(node.label, state, node.kind)}
      aria-pressed={selected}
      aria-controls={controls}
      className={classes.filter(Boolean).join(" ")}
      data-step-id={node.id}
      data-lit={state.status === "taken"}
      data-outcome={state.status === "not-reached" ? "not-reached" : state.step.outcome}
      onClick={onSelect}
      onKeyDown={onKeyDown}
    >
      <rect
        className={styles.box}
        x={box.x}
        y={box.y}
        width={box.w}
        height={box.h}
        rx={node.kind === "outcome" ? 18 : 6}
      />
      <text className={styles.label} x={centre} y={top} textAnchor="middle">
        {lines.map((line, i) => (
          // The trailing space keeps words apart where the text is read as a whole (accessible name checks, copy).
          <tspan key={line} x={centre} dy={i === 0 ? 0 : LINE_HEIGHT}>
            {`${line} `}
          </tspan>
        ))}
      </text>
      <text className={styles.status} x={centre} y={top + lines.length * LINE_HEIGHT} textAnchor="middle">
        {nodeStatusText(state, node.kind)}
      </text>
    </g>
  );
}
