import { useEffect, useRef, useState } from "react";
import type { Report } from "../../report/types";
import { blobInSlices } from "../files/blob-in-slices";
import { saveBlob } from "../files/save-blob";
import { DOWNLOADS, type ReportFormat } from "./download";
import styles from "./ReportDownload.module.css";

const FORMATS: readonly ReportFormat[] = ["markdown", "json"];

/**
 * "Download report" as Markdown (for tickets) or as the versioned JSON report, written in the page a slice at a
 * time: the report of a large paste runs to tens of megabytes, and the page stays responsive while it is written.
 */
export function ReportDownload({ report }: { readonly report: Report }) {
  const [writing, setWriting] = useState<ReportFormat | undefined>(undefined);
  const current = useRef<AbortController | undefined>(undefined);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the report is the trigger; a new one (or leaving the page) stops writing the old one, whose file would no longer match the page.
  useEffect(() => () => current.current?.abort(), [report]);

  async function save(format: ReportFormat) {
    if (writing !== undefined) return;
    const { fileName, type, parts } = DOWNLOADS[format];
    const controller = new AbortController();
    current.current = controller;
    setWriting(format);
    try {
      const blob = await blobInSlices(parts(report), type, { signal: controller.signal });
      if (blob !== undefined) saveBlob(fileName, blob);
    } finally {
      if (current.current === controller) {
        current.current = undefined;
        setWriting(undefined);
      }
    }
  }

  return (
    <div className={styles.bar}>
      {FORMATS.map((format) => (
        <button
          key={format}
          type="button"
          className={styles.button}
          // Not `disabled`: the button keeps keyboard focus while its file is written.
          aria-disabled={writing !== undefined}
          aria-busy={writing === format}
          onClick={() => void save(format)}
        >
          {writing === format
            ? `Writing report (${DOWNLOADS[format].label})…`
            : `Download report (${DOWNLOADS[format].label})`}
        </button>
      ))}
    </div>
  );
}
