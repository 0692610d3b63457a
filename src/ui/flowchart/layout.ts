import type { FlowEdge, FlowGraph, FlowNode } from "../../flow/graph";

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export interface PlacedNode {
  readonly node: FlowNode;
  readonly box: Box;
}

export interface EdgeLabel {
  readonly at: Point;
  readonly anchor: "start" | "end";
}

export interface RoutedEdge {
  readonly edge: FlowEdge;
  /** An orthogonal polyline from the source box's border to the target box's border. */
  readonly points: readonly Point[];
  /** Where the answer that leads along this edge is written; null for an unlabelled edge. */
  readonly label: EdgeLabel | null;
}

export interface ChartLayout {
  readonly width: number;
  readonly height: number;
  readonly nodes: readonly PlacedNode[];
  readonly edges: readonly RoutedEdge[];
}

/** Grid cell and node sizes in SVG user units; the gaps between boxes carry the edges. */
export const GRID = { colWidth: 250, rowHeight: 106, nodeWidth: 214, nodeHeight: 66, margin: 16 } as const;

const H_GAP = GRID.colWidth - GRID.nodeWidth;
const V_GAP = GRID.rowHeight - GRID.nodeHeight;

function boxAt(node: FlowNode): Box {
  return {
    x: GRID.margin + node.col * GRID.colWidth + H_GAP / 2,
    y: GRID.margin + node.row * GRID.rowHeight + V_GAP / 2,
    w: GRID.nodeWidth,
    h: GRID.nodeHeight,
  };
}

const right = (b: Box) => b.x + b.w;
const bottom = (b: Box) => b.y + b.h;
const centreX = (b: Box) => b.x + b.w / 2;
const centreY = (b: Box) => b.y + b.h / 2;

/** Does the segment a–b run through the inside of `box` (touching its border does not count)? */
export function crossesBox(a: Point, b: Point, box: Box): boolean {
  const [x1, x2] = a.x <= b.x ? [a.x, b.x] : [b.x, a.x];
  const [y1, y2] = a.y <= b.y ? [a.y, b.y] : [b.y, a.y];
  return x1 < right(box) && x2 > box.x && y1 < bottom(box) && y2 > box.y;
}

/**
 * Places every node on its grid cell and routes every edge through the gaps between cells: straight down within
 * a column when nothing is in the way, otherwise out of the source (its bottom, or its side when a straight edge
 * already leaves from the bottom), along the gap below the source's row, and into the target from above or, when
 * that is blocked, from the side. Each edge leaving one node gets its own lane, so their answers stay apart.
 */
export function layoutChart(graph: FlowGraph): ChartLayout {
  const nodes = graph.nodes.map((node) => ({ node, box: boxAt(node) }));
  const boxes = new Map(nodes.map((n) => [n.node.id, n.box]));
  const blocked = (a: Point, b: Point, except: readonly Box[]) =>
    nodes.some((n) => !except.includes(n.box) && crossesBox(a, b, n.box));

  const straight = new Set<FlowEdge>();
  for (const edge of graph.edges) {
    const s = boxes.get(edge.from);
    const t = boxes.get(edge.to);
    if (s === undefined || t === undefined || s.x !== t.x || t.y <= s.y) continue;
    const from = { x: centreX(s), y: bottom(s) };
    const to = { x: centreX(t), y: t.y };
    const alreadyStraight = graph.edges.some((e) => e.from === edge.from && straight.has(e));
    if (!alreadyStraight && !blocked(from, to, [s, t])) straight.add(edge);
  }

  const routed = new Map<FlowEdge, RoutedEdge>();
  for (const source of nodes) {
    const s = source.box;
    const outgoing = graph.edges.filter((e) => e.from === source.node.id);
    const others = outgoing
      .filter((e) => !straight.has(e))
      .map((edge) => ({ edge, t: boxes.get(edge.to) }))
      .filter((o): o is { edge: FlowEdge; t: Box } => o.t !== undefined)
      .sort((a, b) => a.t.x - b.t.x || a.t.y - b.t.y);
    for (const edge of outgoing.filter((e) => straight.has(e))) {
      const t = boxes.get(edge.to);
      if (t === undefined) continue;
      const x = centreX(s);
      const label: EdgeLabel | null =
        edge.label === "" ? null : { at: { x: x + 5, y: bottom(s) + 13 }, anchor: "start" };
      routed.set(edge, {
        edge,
        points: [
          { x, y: bottom(s) },
          { x, y: t.y },
        ],
        label,
      });
    }
    const sideExit = others.length < outgoing.length;
    others.forEach(({ edge, t }, i) => {
      const lane = (i + 1) / (others.length + 1);
      const gapY = bottom(s) + V_GAP * lane;
      const start: Point[] = [];
      let label: EdgeLabel | null = null;
      if (sideExit) {
        const toRight = centreX(t) >= centreX(s);
        const exitY = s.y + s.h * lane;
        const sideX = toRight ? right(s) : s.x;
        const laneX = toRight ? right(s) + H_GAP * lane : s.x - H_GAP * lane;
        start.push({ x: sideX, y: exitY }, { x: laneX, y: exitY }, { x: laneX, y: gapY });
        label = { at: { x: sideX + (toRight ? 3 : -3), y: exitY - 4 }, anchor: toRight ? "start" : "end" };
      } else {
        const portX = s.x + s.w * lane;
        start.push({ x: portX, y: bottom(s) }, { x: portX, y: gapY });
        const toRight = centreX(t) >= portX;
        label = { at: { x: portX + (toRight ? 5 : -5), y: gapY - 4 }, anchor: toRight ? "start" : "end" };
      }
      const turn = start[start.length - 1] ?? { x: centreX(s), y: gapY };
      const fromAbove = t.y > gapY && !blocked({ x: centreX(t), y: gapY }, { x: centreX(t), y: t.y }, [t]);
      let end: Point[];
      if (fromAbove)
        end = [
          { x: centreX(t), y: gapY },
          { x: centreX(t), y: t.y },
        ];
      else {
        const fromLeft = centreX(t) > turn.x || (centreX(t) === centreX(s) && turn.x > centreX(s));
        const busX = fromLeft ? t.x - H_GAP / 2 : right(t) + H_GAP / 2;
        end = [
          { x: busX, y: gapY },
          { x: busX, y: centreY(t) },
          { x: fromLeft ? t.x : right(t), y: centreY(t) },
        ];
      }
      routed.set(edge, { edge, points: simplify([...start, ...end]), label: edge.label === "" ? null : label });
    });
  }

  const cols = Math.max(0, ...graph.nodes.map((n) => n.col)) + 1;
  const rows = Math.max(0, ...graph.nodes.map((n) => n.row)) + 1;
  return {
    width: GRID.margin * 2 + cols * GRID.colWidth,
    height: GRID.margin * 2 + rows * GRID.rowHeight,
    nodes,
    edges: graph.edges.flatMap((e) => {
      const r = routed.get(e);
      return r === undefined ? [] : [r];
    }),
  };
}

/** Drops repeated points and the middle of three points on one line. */
function simplify(points: readonly Point[]): Point[] {
  const out: Point[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (last !== undefined && last.x === p.x && last.y === p.y) continue;
    const before = out[out.length - 2];
    if (before !== undefined && last !== undefined) {
      const sameLine = (before.x === last.x && last.x === p.x) || (before.y === last.y && last.y === p.y);
      if (sameLine) out.pop();
    }
    out.push(p);
  }
  return out;
}

/** The three corners of an arrowhead pointing from `from` to `to`, its tip at `to`. */
export function arrowHead(from: Point, to: Point, size = 7): readonly Point[] {
  const length = Math.hypot(to.x - from.x, to.y - from.y) || 1;
  const ux = (to.x - from.x) / length;
  const uy = (to.y - from.y) / length;
  const bx = to.x - ux * size;
  const by = to.y - uy * size;
  const half = size * 0.6;
  return [to, { x: bx - uy * half, y: by + ux * half }, { x: bx + uy * half, y: by - ux * half }];
}
