import { useId } from "react";
import type { ReportEvidence } from "../../report/types";
import { keyed } from "../fix/keyed";
import { LineLink } from "../lines/LineLink";
import styles from "./Evidence.module.css";

const KIND: Readonly<Record<string, string>> = {
  event: "Event log entry",
  ndr: "Non-delivery report",
  queue: "Queue error",
  transcript: "STARTTLS transcript",
  "smtp-log": "SMTP protocol log",
  "hcw-error": "Hybrid wizard error",
  "cmdlet-error": "Cmdlet error",
  "chain-test": "Certificate chain test",
  healthchecker: "HealthChecker result",
};

/** What the paste shows happening (events, NDRs, transcripts …), with the lines and the findings that explain it. */
export function Evidence({ evidence }: { readonly evidence: readonly ReportEvidence[] }) {
  const heading = useId();
  if (evidence.length === 0) return null;
  return (
    <section className={styles.section} aria-labelledby={heading}>
      <h2 id={heading}>Evidence</h2>
      <ul className={styles.list}>
        {keyed(evidence, (e) => `${e.startLine}-${e.endLine}-${e.kind}-${e.code ?? ""}`).map(([key, e]) => (
          <li key={key} className={styles.item}>
            <p className={styles.head}>
              <span className={styles.kind}>{KIND[e.kind] ?? e.kind}</span>
              {e.code !== null && <code className={styles.code}>{e.code}</code>}
              <LineLink start={e.startLine} end={e.endLine} />
            </p>
            <p className={styles.meaning}>{e.meaning}</p>
            {e.next !== null && <p className={styles.next}>Paste next: {e.next}</p>}
            <p className={styles.explained}>
              {e.explainedBy.length === 0 ? (
                "No finding in this report explains it."
              ) : (
                <>
                  Explained by{" "}
                  {e.explainedBy.map((rule, i) => (
                    <span key={rule}>
                      {i > 0 && ", "}
                      <code>{rule}</code>
                    </span>
                  ))}
                </>
              )}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
