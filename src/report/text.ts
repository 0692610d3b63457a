import { outline } from "./outline";
import type { Report } from "./types";

/** Plain text for a terminal: sections, aligned columns. */
export function renderText(report: Report): string {
  const out: string[] = ["certflow report", ""];
  for (const s of outline(report)) {
    out.push(s.title, "-".repeat(s.title.length));
    for (const l of s.lines ?? []) out.push(l);
    if (s.table) {
      const { head } = s.table;
      const rows = [...s.table.rows];
      const widths = head.map((h, i) => rows.reduce((w, r) => Math.max(w, (r[i] ?? "").length), h.length));
      const fmt = (cells: readonly string[]) =>
        cells
          .map((c, i) => c.padEnd(widths[i] ?? 0))
          .join("  ")
          .trimEnd();
      out.push(fmt(head), fmt(widths.map((w) => "-".repeat(w))));
      for (const r of rows) out.push(fmt(r));
    }
    out.push("");
  }
  return `${out.join("\n")}\n`;
}
