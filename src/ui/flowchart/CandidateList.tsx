import type { ReportCertificate } from "../../report/types";
import { keyed } from "../fix/keyed";
import styles from "./CandidateList.module.css";
import { candidate } from "./candidates";

interface Entry {
  readonly thumbprint: string;
  readonly reason?: string;
}

/** Certificates a step kept or dropped: subject and thumbprint, and the reason when it dropped them. */
export function CandidateList({
  title,
  entries,
  server,
  certificates,
}: {
  readonly title: string;
  readonly entries: readonly Entry[];
  readonly server: string | null;
  readonly certificates: readonly ReportCertificate[];
}) {
  return (
    <div className={styles.group}>
      <p className={styles.title}>
        {title} ({entries.length})
      </p>
      {entries.length === 0 ? (
        <p className={styles.none}>none</p>
      ) : (
        <ul className={styles.list}>
          {keyed(entries, (e) => `${e.thumbprint}\u0000${e.reason ?? ""}`).map(([itemKey, entry]) => {
            const { key, subject } = candidate(entry.thumbprint, server, certificates);
            return (
              <li key={itemKey}>
                <span className={styles.subject}>{subject ?? "subject not in the paste"}</span>{" "}
                <code className={styles.thumbprint}>{key}</code>
                {entry.reason !== undefined && <span className={styles.reason}>: {entry.reason}</span>}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
