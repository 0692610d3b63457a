/**
 * Character offsets [start, end) of lines `startLine`..`endLine` (1-based, inclusive) in text as a textarea holds
 * it (LF line breaks), without the final line break. Line numbers past the end clamp to the text's end.
 */
export function lineRange(text: string, startLine: number, endLine: number): readonly [number, number] {
  const first = Math.max(1, Math.floor(startLine));
  const last = Math.max(first, Math.floor(endLine));
  let start = text.length;
  let end = text.length;
  let line = 1;
  let lineStart = 0;
  while (true) {
    const breakAt = text.indexOf("\n", lineStart);
    const lineEnd = breakAt === -1 ? text.length : breakAt;
    if (line === first) start = lineStart;
    if (line === last) {
      end = lineEnd;
      break;
    }
    if (breakAt === -1) break;
    lineStart = breakAt + 1;
    line++;
  }
  return [Math.min(start, end), end];
}
