import { useCertflow } from "../../state/use-certflow";
import styles from "./ShareNotice.module.css";

/** What happened to a link or file that was opened: an alert when it could not be, a note when it was redacted. */
export function ShareNotice() {
  const notice = useCertflow((s) => s.shareNotice);
  const setNotice = useCertflow((s) => s.setShareNotice);
  if (notice === null) return null;
  return (
    <div role={notice.tone === "error" ? "alert" : "note"} className={`${styles.notice} ${styles[notice.tone]}`}>
      <p className={styles.message}>{notice.message}</p>
      <button type="button" className={styles.dismiss} onClick={() => setNotice(null)}>
        Dismiss
      </button>
    </div>
  );
}
