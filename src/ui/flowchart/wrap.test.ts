import { describe, expect, it } from "vitest";
import { receiveGraph, sendGraph } from "../../flow/graph";
import { wrapLabel } from "./wrap";

describe("wrapLabel", () => {
  it.each([
    { label: "Status Valid?", max: 28, lines: 3, out: ["Status Valid?"] },
    {
      label: "X-ANONYMOUSTLS with the internal transport certificate?",
      max: 28,
      lines: 3,
      out: ["X-ANONYMOUSTLS with the", "internal transport", "certificate?"],
    },
    { label: "  spaced   out  ", max: 28, lines: 3, out: ["spaced out"] },
    { label: "abcdefghij", max: 4, lines: 5, out: ["abcd", "efgh", "ij"] },
    { label: "one two three four", max: 5, lines: 2, out: ["one", "two…"] },
    { label: "aaaaa bbbbb ccccc", max: 5, lines: 2, out: ["aaaaa", "bbbb…"] },
    { label: "", max: 10, lines: 2, out: [] },
  ])("$label at $max × $lines", ({ label, max, lines, out }) => {
    expect(wrapLabel(label, max, lines)).toEqual(out);
  });

  it("keeps every word of every graph label, within the width, in at most three lines", () => {
    for (const node of [...receiveGraph.nodes, ...sendGraph.nodes]) {
      const lines = wrapLabel(node.label, 28, 3);
      expect(lines.length).toBeLessThanOrEqual(3);
      for (const line of lines) expect(line.length).toBeLessThanOrEqual(28);
      expect(lines.join(" ")).toBe(node.label);
    }
  });
});
