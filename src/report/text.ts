import { outline } from "./outline";
import type { Report } from "./types";

/** Plain text for a terminal: sections, aligned columns. */
export function renderText(report: Report): string {
  const out: string[] = ["certflow report", ""];
  for (const s of outline(report)) {
    out.push(s.title, "-".repeat(s.title.length));
    for (const l of s.lines ?? []) out.push(l);
    const table = s.table;
    if (table) {
      const widths = table.head.map((h, i) => Math.max(h.length, ...table.rows.map((r) => (r[i] ?? "").length)));
      const fmt = (cells: readonly string[]) =>
        cells
          .map((c, i) => c.padEnd(widths[i] ?? 0))
          .join("  ")
          .trimEnd();
      out.push(fmt(table.head), fmt(widths.map((w) => "-".repeat(w))));
      for (const r of table.rows) out.push(fmt(r));
    }
    out.push("");
  }
  return `${out.join("\n")}\n`;
}
