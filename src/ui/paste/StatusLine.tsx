import { useCertflow } from "../../state/use-certflow";
import styles from "./StatusLine.module.css";

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** One polite live line: what the analysis is doing, or why it failed. */
export function StatusLine({ loadError }: { readonly loadError: string | null }) {
  const status = useCertflow((s) => s.status);
  const error = useCertflow((s) => s.error);
  const report = useCertflow((s) => s.report);

  let message = "Paste output above, or try an example.";
  if (loadError !== null) message = loadError;
  else if (status === "running") message = "Analysing…";
  else if (status === "error") message = `The analysis failed: ${error ?? "unknown error"}`;
  else if (status === "done" && report !== null) {
    message = `Read ${plural(report.blocks.length, "block", "blocks")}; ${plural(
      report.unrecognized.length,
      "passage",
      "passages",
    )} not understood.`;
  }
  const failed = loadError !== null || status === "error";

  return (
    <p role="status" className={failed ? `${styles.status} ${styles.failed}` : styles.status}>
      {message}
    </p>
  );
}
