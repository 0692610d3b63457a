import { useDeferredValue } from "react";
import { useCertflow } from "../../state/use-certflow";
import { Evidence } from "../findings/Evidence";
import { Findings } from "../findings/Findings";
import { FixPlan } from "../fix/FixPlan";
import { Inventory } from "../inventory/Inventory";
import { hasLongLists } from "../paging/pages";
import { Renewal } from "../renewal/Renewal";
import { ReportDownload } from "../report-download/ReportDownload";
import { Timeline } from "../timeline/Timeline";
import { NotUnderstood } from "../unrecognized/NotUnderstood";
import { ConnectorVerdicts } from "../verdicts/ConnectorVerdicts";
import { WhatIf } from "../whatif/WhatIf";
import styles from "./Results.module.css";

/**
 * Everything below the paste box, rendered from the last report only. A new report is drawn as a deferred,
 * interruptible render: the page keeps answering keys and clicks while it builds, and shows the previous
 * report until the new one is ready. An organisation's report (`data-long-lists`) lays out only what is near the
 * screen; a server's is laid out whole, so its rendered text (a copy of the page, `innerText`) is all there.
 */
export function Results() {
  const report = useDeferredValue(useCertflow((s) => s.report));
  const timeline = useDeferredValue(useCertflow((s) => s.timeline));
  const running = useCertflow((s) => s.status === "running");
  if (report === null) return null;
  return (
    <div className={styles.results} aria-busy={running} data-long-lists={hasLongLists(report) || undefined}>
      <ReportDownload report={report} />
      <Findings findings={report.findings} />
      <FixPlan plan={report.fixPlan} />
      <ConnectorVerdicts report={report} />
      <Timeline report={report} timeline={timeline} />
      <Evidence evidence={report.evidence} />
      <Inventory report={report} />
      <NotUnderstood items={report.unrecognized} />
      <WhatIf report={report} />
      <Renewal report={report} />
    </div>
  );
}
