import { useId } from "react";
import type { ReportFinding } from "../../report/types";
import { LineLink } from "../lines/LineLink";
import styles from "./Findings.module.css";

function Finding({ finding }: { readonly finding: ReportFinding }) {
  const first = finding.lines[0];
  const last = finding.lines[finding.lines.length - 1];
  return (
    <li className={`${styles.finding} ${styles[finding.severity]}`}>
      <p className={styles.head}>
        <span className={styles.severity}>{finding.severity}</span> <code className={styles.rule}>{finding.rule}</code>
        {first !== undefined && last !== undefined && (
          <>
            {" "}
            <LineLink start={first} end={last} />
          </>
        )}
      </p>
      <p className={styles.message}>{finding.message}</p>
    </li>
  );
}

// A rule fires once per affected object, so rule + object identifies a finding.
function findingKey(finding: ReportFinding): string {
  return [finding.rule, finding.server, finding.connector, finding.thumbprint, finding.lines.join(",")].join("\u0000");
}

/** The region outside checks look for by name: every finding, each with its rule id. */
export function Findings({ findings }: { readonly findings: readonly ReportFinding[] }) {
  const heading = useId();
  return (
    <section className={styles.section} aria-labelledby={heading}>
      <h2 id={heading}>Findings</h2>
      {findings.length === 0 ? (
        <p className={styles.empty}>No findings.</p>
      ) : (
        <ul className={styles.list}>
          {findings.map((finding) => (
            <Finding key={findingKey(finding)} finding={finding} />
          ))}
        </ul>
      )}
    </section>
  );
}
