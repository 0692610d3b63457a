import { memo, type Ref, useId } from "react";
import type { ReportCertificate, ReportSelection } from "../../report/types";
import { ConnectorFlow } from "../flowchart/ConnectorFlow";
import styles from "./ConnectorVerdict.module.css";
import { verdictNotes } from "./verdict-notes";
import { verdictText } from "./verdict-text";

/**
 * One connector's region: which certificate it presents (or that it offers no STARTTLS), and why, as a chart.
 * `focusRef`: the region is the first of several just shown.
 */
export const ConnectorVerdict = memo(function ConnectorVerdict({
  selection,
  certificates,
  focusRef,
}: {
  readonly selection: ReportSelection;
  readonly certificates: readonly ReportCertificate[];
  readonly focusRef?: Ref<HTMLElement>;
}) {
  const heading = useId();
  const notes = verdictNotes(selection);
  return (
    <section
      className={styles.connector}
      aria-labelledby={heading}
      data-connector={selection.connector}
      ref={focusRef}
      tabIndex={focusRef === undefined ? undefined : -1}
    >
      <h3 id={heading}>
        <bdi>{selection.connector}</bdi>
        <span className={styles.where}>
          {selection.server !== null && (
            <>
              {" "}
              on <bdi>{selection.server}</bdi>
            </>
          )}{" "}
          ({selection.direction})
        </span>
      </h3>
      <p className={styles.verdict}>
        <bdi>{selection.connector}</bdi> {verdictText(selection, certificates)}.
      </p>
      {notes.map((note) => (
        <p key={note} className={styles.note}>
          <span aria-hidden="true">⚠ </span>
          <strong>Note:</strong> {note}
        </p>
      ))}
      <ConnectorFlow selection={selection} certificates={certificates} />
    </section>
  );
});
