import { useDeferredValue, useEffect, useState } from "react";
import { useCertflow } from "../../state/use-certflow";
import { PROGRESS_DELAY_MS, statusMessage } from "./StatusLine.messages";
import styles from "./StatusLine.module.css";

/**
 * One polite live line: what the last analysis read, that a long one is under way, or why it failed. It follows
 * the results' deferred render, so "Read …" is said when the results below show what was read.
 */
export function StatusLine({ loadError }: { readonly loadError: string | null }) {
  const status = useDeferredValue(useCertflow((s) => s.status));
  const error = useDeferredValue(useCertflow((s) => s.error));
  const report = useDeferredValue(useCertflow((s) => s.report));
  const size = useCertflow((s) => s.text.length);
  const [slow, setSlow] = useState(false);

  useEffect(() => {
    setSlow(false);
    if (status !== "running") return;
    const timer = setTimeout(() => setSlow(true), PROGRESS_DELAY_MS);
    return () => clearTimeout(timer);
  }, [status]);

  const failed = loadError !== null || status === "error";
  return (
    <p role="status" className={failed ? `${styles.status} ${styles.failed}` : styles.status}>
      {statusMessage({ loadError, status, error, report, slow, size })}
    </p>
  );
}
