import { useId } from "react";
import type { Report, ReportSelection } from "../../report/types";
import styles from "./ConnectorVerdicts.module.css";
import { verdictText } from "./verdict-text";

function ConnectorVerdict({ selection, report }: { readonly selection: ReportSelection; readonly report: Report }) {
  const heading = useId();
  const where = selection.server === null ? "" : ` on ${selection.server}`;
  return (
    <section className={styles.connector} aria-labelledby={heading}>
      <h3 id={heading}>
        {selection.connector}
        <span className={styles.where}>
          {where} ({selection.direction})
        </span>
      </h3>
      <p className={styles.verdict}>
        {selection.connector} {verdictText(selection, report.certificates)}.
      </p>
    </section>
  );
}

/** One region per connector the engine traced; each later also holds that connector's flowchart. */
export function ConnectorVerdicts({ report }: { readonly report: Report }) {
  const heading = useId();
  if (report.selections.length === 0) return null;
  return (
    <section className={styles.section} aria-labelledby={heading}>
      <h2 id={heading}>Certificate per connector</h2>
      {report.selections.map((selection) => (
        <ConnectorVerdict
          key={`${selection.server ?? ""}\u0000${selection.connector}\u0000${selection.direction}`}
          selection={selection}
          report={report}
        />
      ))}
    </section>
  );
}
