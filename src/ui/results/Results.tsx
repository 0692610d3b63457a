import { useCertflow } from "../../state/use-certflow";
import { Evidence } from "../findings/Evidence";
import { Findings } from "../findings/Findings";
import { FixPlan } from "../fix/FixPlan";
import { Inventory } from "../inventory/Inventory";
import { Renewal } from "../renewal/Renewal";
import { ReportDownload } from "../report-download/ReportDownload";
import { Timeline } from "../timeline/Timeline";
import { NotUnderstood } from "../unrecognized/NotUnderstood";
import { ConnectorVerdicts } from "../verdicts/ConnectorVerdicts";
import { WhatIf } from "../whatif/WhatIf";
import styles from "./Results.module.css";

/** Everything below the paste box, rendered from the last report only. */
export function Results() {
  const report = useCertflow((s) => s.report);
  const running = useCertflow((s) => s.status === "running");
  if (report === null) return null;
  return (
    <div className={styles.results} aria-busy={running}>
      <ReportDownload report={report} />
      <Findings findings={report.findings} />
      <FixPlan plan={report.fixPlan} />
      <ConnectorVerdicts report={report} />
      <Timeline report={report} />
      <Evidence evidence={report.evidence} />
      <Inventory report={report} />
      <NotUnderstood items={report.unrecognized} />
      <WhatIf report={report} />
      <Renewal report={report} />
    </div>
  );
}
