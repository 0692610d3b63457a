/**
 * Breaks a node label into lines of at most `maxChars` characters, on spaces where it can (SVG text does not wrap).
 * A label that needs more than `maxLines` lines ends its last line with "…"; the full label stays in the node's
 * accessible name.
 */
export function wrapLabel(label: string, maxChars: number, maxLines: number): string[] {
  const width = Math.max(1, Math.floor(maxChars));
  const lines: string[] = [];
  let line = "";
  for (const word of label.split(/\s+/).filter((w) => w !== "")) {
    for (const piece of chunks(word, width)) {
      if (line === "") line = piece;
      else if (line.length + 1 + piece.length <= width) line = `${line} ${piece}`;
      else {
        lines.push(line);
        line = piece;
      }
    }
  }
  if (line !== "") lines.push(line);
  const limit = Math.max(1, Math.floor(maxLines));
  if (lines.length <= limit) return lines;
  const kept = lines.slice(0, limit);
  const last = kept[limit - 1] ?? "";
  kept[limit - 1] = `${last.length < width ? last : last.slice(0, width - 1)}…`;
  return kept;
}

function chunks(word: string, width: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i += width) out.push(word.slice(i, i + width));
  return out;
}
