import { outline } from "./outline";
import type { Report } from "./types";

/** Markdown for tickets and wikis; pasted text is escaped so it cannot become markup. */
export function renderMarkdown(report: Report): string {
  const out: string[] = ["# certflow report", ""];
  for (const s of outline(report)) {
    out.push(`## ${s.title}`, "");
    for (const l of s.lines ?? []) out.push(`- ${escapeMarkdown(l)}`);
    if (s.table) {
      out.push(`| ${s.table.head.join(" | ")} |`, `| ${s.table.head.map(() => "---").join(" | ")} |`);
      for (const r of s.table.rows) out.push(`| ${r.map(escapeMarkdown).join(" | ")} |`);
    }
    out.push("");
  }
  return `${out.join("\n")}\n`;
}

/** Backslash-escapes Markdown syntax and HTML-significant characters. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+!|<>~]/g, (c) => `\\${c}`).replace(/\r?\n/g, " ");
}
