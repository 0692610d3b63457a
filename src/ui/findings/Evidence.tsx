import { useId } from "react";
import type { ReportEvidence } from "../../report/types";
import { keyed } from "../fix/keyed";
import section from "../layout/Section.module.css";
import { LineLink } from "../lines/LineLink";
import { PAGE } from "../paging/pages";
import { ShowMore } from "../paging/ShowMore";
import { usePaging } from "../paging/use-paging";
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
  const paging = usePaging(evidence.length, PAGE.evidence);
  if (evidence.length === 0) return null;
  return (
    <section className={section.section} aria-labelledby={heading}>
      <h2 id={heading}>Evidence</h2>
      <ul className={styles.list}>
        {keyed(evidence.slice(0, paging.shown), (e) => `${e.startLine}-${e.endLine}-${e.kind}-${e.code ?? ""}`).map(
          ([key, e], i) => (
            <li
              key={key}
              className={styles.item}
              {...(i === paging.firstNew ? { ref: paging.focusRef, tabIndex: -1 } : {})}
            >
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
          ),
        )}
      </ul>
      <ShowMore paging={paging} noun={["evidence item", "evidence items"]} />
    </section>
  );
}
