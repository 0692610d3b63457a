import type { ParseResult } from "./types";

/**
 * For tests: how many times each non-blank line is accounted for — by a
 * block's span or by a whole-line "not understood" entry (those win over a
 * block, since a reader may report a line inside its block it could not read).
 */
export function lineAccounting(text: string, result: ParseResult): Map<number, number> {
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  const counts = new Map<number, number>();
  const unread = new Set<number>();
  for (const u of result.unrecognized) {
    if (u.fragment !== undefined) continue;
    for (let n = u.startLine; n <= u.endLine; n++) unread.add(n);
  }
  lines.forEach((t, i) => {
    const no = i + 1;
    if (t.trim() === "") return;
    const inBlocks = result.blocks.filter((b) => b.startLine <= no && no <= b.endLine).length;
    counts.set(no, unread.has(no) ? 1 : inBlocks);
  });
  return counts;
}
