import type { ReportCertificate, ReportSelection } from "../../report/types";
import { CandidateList } from "./CandidateList";
import styles from "./StepDetails.module.css";
import { graphOf, nodeState } from "./trace";

const ANSWER = { yes: "yes", no: "no", skipped: "skipped" } as const;

/** The selected node of a flowchart in words: its question, answer, explanation and candidates with reasons. */
export function StepDetails({
  id,
  selection,
  certificates,
  nodeId,
}: {
  readonly id: string;
  readonly selection: ReportSelection;
  readonly certificates: readonly ReportCertificate[];
  readonly nodeId: string | null;
}) {
  const node = graphOf(selection).nodes.find((n) => n.id === nodeId);
  return (
    <div id={id} className={styles.panel} aria-live="polite">
      {node === undefined ? (
        <p className={styles.empty}>Select a step in the chart to see the certificates it kept and dropped, and why.</p>
      ) : (
        <Details selection={selection} certificates={certificates} nodeId={node.id} label={node.label} />
      )}
    </div>
  );
}

function Details({
  selection,
  certificates,
  nodeId,
  label,
}: {
  readonly selection: ReportSelection;
  readonly certificates: readonly ReportCertificate[];
  readonly nodeId: string;
  readonly label: string;
}) {
  const state = nodeState(selection, nodeId);
  if (state.status === "not-reached") {
    return (
      <>
        <h4 className={styles.heading}>{label}</h4>
        <p className={styles.empty}>Exchange does not reach this step for {selection.connector}.</p>
      </>
    );
  }
  const { step } = state;
  return (
    <>
      <h4 className={styles.heading}>{step.question}</h4>
      <p className={styles.answer}>
        Answer: <strong>{ANSWER[step.outcome]}</strong>
        {state.status === "taken" ? " (on the path taken)" : ""}
      </p>
      <p className={styles.detail}>{step.detail}</p>
      {step.caveat !== undefined && (
        <p className={styles.caveat}>
          <strong>Caveat:</strong> {step.caveat}
        </p>
      )}
      <CandidateList
        title="Kept"
        entries={step.kept.map((thumbprint) => ({ thumbprint }))}
        server={selection.server}
        certificates={certificates}
      />
      <CandidateList title="Dropped" entries={step.dropped} server={selection.server} certificates={certificates} />
    </>
  );
}
