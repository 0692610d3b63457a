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
  const where = selection.server === null ? "" : ` on ${selection.server}`;
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
        {selection.connector}
        <span className={styles.where}>
          {where} ({selection.direction})
        </span>
      </h3>
      <p className={styles.verdict}>
        {selection.connector} {verdictText(selection, certificates)}.
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
