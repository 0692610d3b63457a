/** Sorted, de-duplicated line numbers as runs of consecutive lines: [3, 4, 5, 9] → [[3, 5], [9, 9]]. */
export function lineRanges(lines: readonly number[]): [number, number][] {
  const sorted = [...new Set(lines)].filter((n) => Number.isInteger(n) && n > 0).sort((a, b) => a - b);
  const ranges: [number, number][] = [];
  for (const line of sorted) {
    const last = ranges[ranges.length - 1];
    if (last !== undefined && line === last[1] + 1) last[1] = line;
    else ranges.push([line, line]);
  }
  return ranges;
}
