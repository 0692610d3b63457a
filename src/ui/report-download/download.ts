import { jsonParts } from "../../report/json-parts";
import { markdownParts } from "../../report/markdown";
import type { Report } from "../../report/types";

export type ReportFormat = "markdown" | "json";

interface Download {
  readonly label: string;
  /** Fixed: nothing pasted ever names a file. */
  readonly fileName: string;
  readonly type: string;
  readonly parts: (report: Report) => Iterable<string>;
}

/** The report files, written in parts: the same text as the CLI's Markdown and JSON output. */
export const DOWNLOADS: Readonly<Record<ReportFormat, Download>> = {
  markdown: {
    label: "Markdown",
    fileName: "certflow-report.md",
    type: "text/markdown;charset=utf-8",
    parts: markdownParts,
  },
  json: {
    label: "JSON",
    fileName: "certflow-report.json",
    type: "application/json;charset=utf-8",
    *parts(report) {
      yield* jsonParts(report);
      yield "\n";
    },
  },
};
