import { useSyncExternalStore } from "react";
import styles from "./OfflineLinks.module.css";

/** Where a new version of the app announces itself (the service worker registration). */
export interface UpdateSource {
  subscribe(listener: () => void): () => void;
  isReady(): boolean;
  apply(): void;
}

/** The single-file download for air-gapped machines, and the prompt to load a new version. */
export function OfflineLinks({ updates }: { readonly updates: UpdateSource }) {
  const updateReady = useSyncExternalStore(updates.subscribe, updates.isReady);
  return (
    <>
      <p className={styles.line}>
        <a href="./certflow.html" download="certflow.html">
          Download certflow.html for offline use
        </a>
        : one file that works opened from disk, on a machine without a network.
      </p>
      {updateReady ? (
        <p className={styles.line}>
          A new version of certflow is ready.{" "}
          <button type="button" className={styles.update} onClick={updates.apply}>
            Reload to update
          </button>
        </p>
      ) : null}
    </>
  );
}
