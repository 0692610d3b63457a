import { useCertflow } from "../../state/use-certflow";
import { Findings } from "../findings/Findings";
import { Inventory } from "../inventory/Inventory";
import { NotUnderstood } from "../unrecognized/NotUnderstood";
import { ConnectorVerdicts } from "../verdicts/ConnectorVerdicts";
import styles from "./Results.module.css";

/** Everything below the paste box, rendered from the last report only. */
export function Results() {
  const report = useCertflow((s) => s.report);
  const running = useCertflow((s) => s.status === "running");
  if (report === null) return null;
  return (
    <div className={styles.results} aria-busy={running}>
      <Findings findings={report.findings} />
      <ConnectorVerdicts report={report} />
      <Inventory report={report} />
      <NotUnderstood items={report.unrecognized} />
    </div>
  );
}
