import { describe, expect, it } from "vitest";
import { lineRanges } from "./line-ranges";

describe("lineRanges", () => {
  it.each([
    { lines: [], ranges: [] },
    { lines: [42, 43, 44, 45, 46, 47, 48, 49, 50], ranges: [[42, 50]] },
    {
      lines: [3, 4, 5, 9],
      ranges: [
        [3, 5],
        [9, 9],
      ],
    },
    {
      lines: [9, 3, 4, 4, 5],
      ranges: [
        [3, 5],
        [9, 9],
      ],
    },
    {
      lines: [1, 3, 5],
      ranges: [
        [1, 1],
        [3, 3],
        [5, 5],
      ],
    },
    { lines: [0, -1, 2.5, 7], ranges: [[7, 7]] },
  ])("$lines", ({ lines, ranges }) => {
    expect(lineRanges(lines)).toEqual(ranges);
  });
});
