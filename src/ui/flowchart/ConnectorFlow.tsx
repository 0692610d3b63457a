import { useId, useState } from "react";
import { FlowChart } from "../../flow/FlowChart";
import { FlowSteps } from "../../flow/FlowSteps";
import type { ReportCertificate, ReportSelection } from "../../report/types";
import styles from "./ConnectorFlow.module.css";
import { StepDetails } from "./StepDetails";

/** One connector's flowchart, the details of the step selected in it, and the same trace as a list. */
export function ConnectorFlow({
  selection,
  certificates,
}: {
  readonly selection: ReportSelection;
  readonly certificates: readonly ReportCertificate[];
}) {
  const details = useId();
  const [selected, setSelected] = useState<string | null>(null);
  return (
    <div className={styles.flow}>
      <FlowChart selection={selection} selectedId={selected} onSelect={setSelected} detailsId={details} />
      <StepDetails id={details} selection={selection} certificates={certificates} nodeId={selected} />
      <details className={styles.list}>
        <summary>Steps as a list</summary>
        <FlowSteps selection={selection} certificates={certificates} />
      </details>
    </div>
  );
}
