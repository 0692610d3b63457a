import { outline } from "./outline";
import type { Report } from "./types";

/** Markdown for tickets and wikis; pasted text is escaped so it cannot become markup. */
export function renderMarkdown(report: Report): string {
  let out = "";
  for (const part of markdownParts(report)) out += part;
  return out;
}

/** The Markdown report line by line (each part ends with its newline), for writing it in slices. */
export function* markdownParts(report: Report): Generator<string> {
  yield "# certflow report\n\n";
  for (const s of outline(report)) {
    yield `## ${s.title}\n\n`;
    for (const l of s.lines ?? []) yield `- ${escapeMarkdown(l)}\n`;
    if (s.table) {
      yield `| ${s.table.head.join(" | ")} |\n| ${s.table.head.map(() => "---").join(" | ")} |\n`;
      for (const r of s.table.rows) yield `| ${r.map(escapeMarkdown).join(" | ")} |\n`;
    }
    yield "\n";
  }
}

const MARKDOWN_SYNTAX = /[\\`*_{}[\]()#+!|<>~]/g;
const LINE_BREAK = /\r?\n/g;

/** Backslash-escapes Markdown syntax and HTML-significant characters. */
export function escapeMarkdown(text: string): string {
  return text.replace(MARKDOWN_SYNTAX, "\\$&").replace(LINE_BREAK, " ");
}
