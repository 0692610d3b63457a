import styles from "./ChartEdge.module.css";
import { arrowHead, type RoutedEdge } from "./layout";

/** One edge of the flowchart; `lit` when the trace follows it. Decorative: the nodes carry the meaning. */
export function ChartEdge({ routed, lit }: { readonly routed: RoutedEdge; readonly lit: boolean }) {
  const { points, label, edge } = routed;
  const last = points[points.length - 1];
  const before = points[points.length - 2];
  const head = last !== undefined && before !== undefined ? arrowHead(before, last) : [];
  return (
    <g className={lit ? styles.lit : undefined} data-edge={`${edge.from}->${edge.to}`} data-lit={lit}>
      <polyline className={styles.line} points={points.map((p) => `${p.x},${p.y}`).join(" ")} />
      <polygon className={styles.head} points={head.map((p) => `${p.x},${p.y}`).join(" ")} />
      {label !== null && (
        // biome-ignore lint/a11y/noAriaHiddenOnFocusable: SVG text is not focusable; the nodes' names carry the answers
        <text aria-hidden="true" className={styles.label} x={label.at.x} y={label.at.y} textAnchor={label.anchor}>
          {edge.label}
        </text>
      )}
    </g>
  );
}
