import { exceedsPasteLimit, pasteTooLargeMessage } from "../../limits";
import { useCertflow } from "../../state/use-certflow";
import styles from "./PasteLimitNotice.module.css";

/** Says why a paste over the size limit shows no results; the paste stays in the box, untouched. */
export function PasteLimitNotice() {
  const size = useCertflow((s) => s.text.length);
  if (!exceedsPasteLimit(size)) return null;
  return (
    <p role="alert" className={styles.notice}>
      {pasteTooLargeMessage(size)}
    </p>
  );
}
