import { useId, useMemo } from "react";
import type { Timeline, TimelineRow } from "../../engine/timeline/types";
import { KIND_CLASS, STATE_CLASS } from "./classes";
import { KIND_TEXT, markersOf } from "./markers";
import { type Axis, axisOf, ticksOf, xOf } from "./scale";
import styles from "./Timeline.module.css";

const WIDTH = 960;
const LEFT = 280;
const RIGHT = 944;
const TOP = 48;
const ROW = 26;
const BAR = 12;
const LABEL_CHARS = 40;

const rowY = (index: number) => TOP + index * ROW;

/**
 * The timeline as a picture: one row per certificate per server, its validity as a bar, the as-of date and the
 * changes as marks. It draws the first `shown` rows, as the table below lists them; the title counts them all.
 */
export function TimelineChart({ timeline, shown }: { readonly timeline: Timeline; readonly shown: number }) {
  const title = useId();
  const axis = axisOf(timeline.start, timeline.end);
  const x = (iso: string) => xOf(Date.parse(iso), axis, LEFT, RIGHT);
  const rows = timeline.rows.slice(0, shown);
  const height = rowY(rows.length) + 8;
  const rowIndex = new Map(rows.map((r, i) => [r.key, i]));
  const servers = useMemo(() => new Set(timeline.rows.map((r) => r.server)).size, [timeline]);
  const markers = useMemo(() => markersOf(timeline.events), [timeline]);
  const drawn = rows.length < timeline.rows.length ? ` The first ${rows.length} are drawn.` : "";
  const asOf = x(timeline.asOf);
  return (
    <div className={styles.chart}>
      <svg className={styles.svg} viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby={title}>
        <title id={title}>
          {`Validity of ${timeline.rows.length} certificates on ${servers} ${servers === 1 ? "server" : "servers"} from ${timeline.start.slice(0, 4)} to ${timeline.end.slice(0, 4)}, with ${timeline.events.length} dates on which a verdict changes.${drawn} The table and the list below say the same.`}
        </title>
        <Grid axis={axis} height={height} />
        {rows.map((r, i) => (
          <Row key={r.key} row={r} index={i} x={x} separated={i > 0 && rows[i - 1]?.server !== r.server} />
        ))}
        <line className={styles.asOf} x1={asOf} x2={asOf} y1={TOP - 14} y2={height} />
        <text className={styles.asOfLabel} x={asOf} y={TOP - 18} textAnchor="middle">
          {`as-of date ${timeline.asOf.slice(0, 10)}`}
        </text>
        {markers.map((m) => {
          const index = rowIndex.get(m.row);
          if (index === undefined) return null;
          const cx = x(m.date);
          const cy = rowY(index) + ROW / 2;
          return (
            <path
              key={`${m.row}\u0000${m.date}`}
              className={`${styles.marker} ${KIND_CLASS[m.kind]}`}
              d={`M ${cx} ${cy - 7} L ${cx + 7} ${cy} L ${cx} ${cy + 7} L ${cx - 7} ${cy} Z`}
              data-kind={m.kind}
              data-date={m.date.slice(0, 10)}
            >
              <title>{m.events.map((e) => `${KIND_TEXT[e.kind]}: ${e.message}`).join("\n")}</title>
            </path>
          );
        })}
      </svg>
    </div>
  );
}

function Grid({ axis, height }: { readonly axis: Axis; readonly height: number }) {
  return (
    <g>
      {ticksOf(axis).map((t) => {
        const at = xOf(t.at, axis, LEFT, RIGHT);
        return (
          <g key={t.at}>
            <line className={styles.grid} x1={at} x2={at} y1={TOP - 4} y2={height} />
            <text className={styles.tick} x={at} y={14} textAnchor="middle">
              {t.label}
            </text>
          </g>
        );
      })}
    </g>
  );
}

function Row({
  row,
  index,
  x,
  separated,
}: {
  readonly row: TimelineRow;
  readonly index: number;
  readonly x: (iso: string) => number;
  readonly separated: boolean;
}) {
  const top = rowY(index);
  const label = `${row.server ?? "(no server)"} · ${row.name}`;
  const short = label.length > LABEL_CHARS ? `${label.slice(0, LABEL_CHARS - 1)}…` : label;
  return (
    <g data-row={row.key}>
      {separated && <line className={styles.separator} x1={0} x2={WIDTH} y1={top} y2={top} />}
      <text className={styles.rowLabel} x={4} y={top + ROW / 2 + 4}>
        {short}
        <title>{`${label}${row.thumbprint ? ` (${row.thumbprint})` : ""}`}</title>
      </text>
      {row.notBefore !== null && row.notAfter !== null ? (
        <rect
          className={`${styles.bar} ${STATE_CLASS[row.state]}`}
          x={x(row.notBefore)}
          y={top + (ROW - BAR) / 2}
          width={Math.max(2, x(row.notAfter) - x(row.notBefore))}
          height={BAR}
          rx={3}
        />
      ) : (
        <text className={styles.undated} x={LEFT + 4} y={top + ROW / 2 + 4}>
          dates not readable in the paste
        </text>
      )}
    </g>
  );
}
