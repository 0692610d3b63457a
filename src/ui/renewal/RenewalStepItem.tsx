import { useId } from "react";
import type { Window } from "../../engine/renewal/simulate";
import type { ConnectorChange } from "../../engine/whatif/diff";
import type { SimulatedStep } from "../../renew";
import type { ReportFinding } from "../../report/types";
import { CommandBlock } from "../fix/CommandBlock";
import { keyed } from "../fix/keyed";
import styles from "./Renewal.module.css";

function lasts(until: number | null): string {
  return until === null ? "still there after the last step" : `until step ${until} is done`;
}

function findingLine(w: Window<ReportFinding>): string {
  const f = w.item;
  const where = [f.server, f.connector].filter((x) => x !== null).join(", ");
  return `${f.severity === "error" ? "Error" : "Warning"} ${f.rule}${where === "" ? "" : ` on ${where}`}: ${f.title} (${lasts(w.until)})`;
}

function connectorLine(w: Window<ConnectorChange>): string {
  const c = w.item;
  return `${c.server === null ? "" : `${c.server}\\`}${c.connector} no longer offers STARTTLS (${lasts(w.until)})`;
}

/** One step: what to run and where, why, what to watch for, and what is broken until a later step mends it. */
export function RenewalStepItem({ step, last }: { readonly step: SimulatedStep; readonly last: number }) {
  const heading = useId();
  const { findings, lostStartTls } = step.breaks;
  const broken = findings.length + lostStartTls.length > 0;
  return (
    <li value={step.step} className={styles.step} aria-labelledby={heading}>
      <h4 id={heading} className={styles.stepTitle}>
        Step {step.step}: {step.title}
      </h4>
      <p className={styles.servers}>Servers: {step.servers.join(", ")}</p>
      <p className={styles.why}>{step.why}</p>
      {step.warning !== undefined && (
        <p className={styles.warning}>
          <span aria-hidden="true">⚠ </span>
          <strong>Warning:</strong> {step.warning}
        </p>
      )}
      {step.commands.length === 0 ? (
        <p className={styles.muted}>No command to run in the shell for this step.</p>
      ) : (
        keyed(step.commands, (c) => c).map(([key, command]) => <CommandBlock key={key} command={command} />)
      )}
      {broken && (
        <div className={styles.breaks}>
          <p>
            <strong>{step.step === last ? "Left broken at the end:" : "Broken after this step:"}</strong>
          </p>
          <ul>
            {lostStartTls.map((w) => (
              <li key={`c ${w.item.server} ${w.item.connector} ${w.item.direction}`}>{connectorLine(w)}</li>
            ))}
            {findings.map((w) => (
              <li key={`f ${w.item.rule} ${w.item.server} ${w.item.connector}`}>{findingLine(w)}</li>
            ))}
          </ul>
        </div>
      )}
    </li>
  );
}
