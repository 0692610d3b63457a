import { renderMarkdown } from "../../report/markdown";
import type { Report } from "../../report/types";
import { downloadText, JSON_FILE, MARKDOWN_FILE } from "./download";
import styles from "./ReportDownload.module.css";

/** "Download report" as Markdown (for tickets) or as the versioned JSON report, built in the page. */
export function ReportDownload({ report }: { readonly report: Report }) {
  return (
    <div className={styles.bar}>
      <button
        type="button"
        className={styles.button}
        onClick={() => downloadText(MARKDOWN_FILE, "text/markdown;charset=utf-8", renderMarkdown(report))}
      >
        Download report (Markdown)
      </button>
      <button
        type="button"
        className={styles.button}
        onClick={() =>
          downloadText(JSON_FILE, "application/json;charset=utf-8", `${JSON.stringify(report, null, 2)}\n`)
        }
      >
        Download report (JSON)
      </button>
    </div>
  );
}
