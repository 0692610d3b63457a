import { describe, expect, it } from "vitest";
import { type FlowGraph, receiveGraph, sendGraph } from "../../flow/graph";
import { arrowHead, type Box, crossesBox, layoutChart, type Point } from "./layout";

const onBorder = (p: Point, b: Box) =>
  ((p.x === b.x || p.x === b.x + b.w) && p.y >= b.y && p.y <= b.y + b.h) ||
  ((p.y === b.y || p.y === b.y + b.h) && p.x >= b.x && p.x <= b.x + b.w);

describe.each([
  ["receiveGraph", receiveGraph],
  ["sendGraph", sendGraph],
] as const)("layoutChart(%s)", (_name, graph: FlowGraph) => {
  const layout = layoutChart(graph);
  const boxOf = (id: string) => layout.nodes.find((n) => n.node.id === id)?.box;

  it("places every node once, inside the drawing, with no two boxes overlapping", () => {
    expect(layout.nodes.map((n) => n.node.id)).toEqual(graph.nodes.map((n) => n.id));
    for (const [i, a] of layout.nodes.entries()) {
      expect(a.box.x).toBeGreaterThanOrEqual(0);
      expect(a.box.y).toBeGreaterThanOrEqual(0);
      expect(a.box.x + a.box.w).toBeLessThanOrEqual(layout.width);
      expect(a.box.y + a.box.h).toBeLessThanOrEqual(layout.height);
      for (const b of layout.nodes.slice(i + 1)) {
        const corner = { x: b.box.x + 1, y: b.box.y + 1 };
        const far = { x: b.box.x + b.box.w - 1, y: b.box.y + b.box.h - 1 };
        expect(crossesBox(corner, far, a.box), `${a.node.id} overlaps ${b.node.id}`).toBe(false);
      }
    }
  });

  it("routes every edge from its source's border to its target's border in horizontal and vertical runs", () => {
    expect(layout.edges.map((e) => e.edge)).toEqual(graph.edges);
    for (const { edge, points } of layout.edges) {
      const first = points[0];
      const last = points[points.length - 1];
      const source = boxOf(edge.from);
      const target = boxOf(edge.to);
      if (!first || !last || !source || !target) throw new Error(`${edge.from} → ${edge.to} is not drawn`);
      expect(onBorder(first, source), `${edge.from} → ${edge.to} starts on its source`).toBe(true);
      expect(onBorder(last, target), `${edge.from} → ${edge.to} ends on its target`).toBe(true);
      points.slice(1).forEach((p, i) => {
        const q = points[i] ?? p;
        expect(p.x === q.x || p.y === q.y, `${edge.from} → ${edge.to} segment ${i} is orthogonal`).toBe(true);
        expect(p.x !== q.x || p.y !== q.y).toBe(true);
      });
    }
  });

  it("never draws an edge through a box, its own source and target included", () => {
    for (const { edge, points } of layout.edges) {
      points.slice(1).forEach((p, i) => {
        const q = points[i] ?? p;
        for (const n of layout.nodes)
          expect(crossesBox(q, p, n.box), `${edge.from} → ${edge.to} runs through ${n.node.id}`).toBe(false);
      });
    }
  });

  it("starts the edges leaving one node apart, and labels every answer", () => {
    for (const node of graph.nodes) {
      const starts = layout.edges
        .filter((e) => e.edge.from === node.id)
        .map((e) => JSON.stringify(e.points.slice(0, 2)));
      expect(new Set(starts).size, node.id).toBe(starts.length);
    }
    for (const { edge, label } of layout.edges) expect(label === null).toBe(edge.label === "");
  });
});

describe("layoutChart", () => {
  it("draws a step that follows directly below as one straight line", () => {
    const edge = layoutChart(receiveGraph).edges.find((e) => e.edge.from === "auth-tls" && e.edge.to === "tlsname-set");
    expect(edge?.points).toHaveLength(2);
    expect(edge?.points[0]?.x).toBe(edge?.points[1]?.x);
  });
});

describe("crossesBox", () => {
  const box = { x: 10, y: 10, w: 20, h: 10 };
  it.each([
    { a: { x: 0, y: 15 }, b: { x: 40, y: 15 }, crosses: true },
    { a: { x: 20, y: 0 }, b: { x: 20, y: 10 }, crosses: false },
    { a: { x: 10, y: 0 }, b: { x: 10, y: 30 }, crosses: false },
    { a: { x: 20, y: 12 }, b: { x: 20, y: 14 }, crosses: true },
    { a: { x: 31, y: 0 }, b: { x: 31, y: 30 }, crosses: false },
  ])("$a → $b: $crosses", ({ a, b, crosses }) => {
    expect(crossesBox(a, b, box)).toBe(crosses);
  });
});

describe("arrowHead", () => {
  it("puts the tip on the end point and the base behind it", () => {
    const [tip, left, right] = arrowHead({ x: 0, y: 0 }, { x: 0, y: 20 }, 6);
    expect(tip).toEqual({ x: 0, y: 20 });
    expect(left?.y).toBeCloseTo(14);
    expect(right?.y).toBeCloseTo(14);
    expect(Math.abs((left?.x ?? 0) - (right?.x ?? 0))).toBeCloseTo(7.2);
  });
});
