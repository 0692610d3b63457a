import type { ReportCertificate, ReportSelection } from "../report/types";
import { CandidateList } from "../ui/flowchart/CandidateList";
import styles from "./FlowSteps.module.css";

const ANSWER = { yes: "Yes", no: "No", skipped: "Skipped" } as const;

/** The trace as an ordered list, in the order Exchange asks: the chart's text alternative, and what prints. */
export function FlowSteps({
  selection,
  certificates,
}: {
  readonly selection: ReportSelection;
  readonly certificates: readonly ReportCertificate[];
}) {
  return (
    <ol className={styles.steps}>
      {selection.steps.map((step) => (
        <li key={step.id} className={styles.step} data-step-id={step.id} data-outcome={step.outcome}>
          <p className={styles.question}>
            {step.question} <span className={styles.answer}>{ANSWER[step.outcome]}.</span>
          </p>
          <p className={styles.detail}>{step.detail}</p>
          {step.caveat !== undefined && (
            <p className={styles.caveat}>
              <strong>Caveat:</strong> {step.caveat}
            </p>
          )}
          {step.kept.length + step.dropped.length > 0 && (
            <>
              <CandidateList
                title="Kept"
                entries={step.kept.map((thumbprint) => ({ thumbprint }))}
                server={selection.server}
                certificates={certificates}
              />
              <CandidateList
                title="Dropped"
                entries={step.dropped}
                server={selection.server}
                certificates={certificates}
              />
            </>
          )}
        </li>
      ))}
    </ol>
  );
}
