import { useId } from "react";
import type { ReportFinding } from "../../report/types";
import type { RenewalView } from "../../worker/renewal-protocol";
import { CommandBlock } from "../fix/CommandBlock";
import { CopyButton } from "../fix/CopyButton";
import { WhatIfDiffView } from "../whatif/WhatIfDiffView";
import styles from "./Renewal.module.css";
import { RenewalStepItem } from "./RenewalStepItem";
import { renewalScript } from "./script";

function findingText(f: ReportFinding): string {
  const where = [f.server, f.connector].filter((x) => x !== null).join(", ");
  return `${f.rule} (${f.severity})${where === "" ? "" : ` on ${where}`}: ${f.message}`;
}

/** The ordered plan, what breaks between its steps, and the simulated end state. */
export function RenewalPlanView({ result }: { readonly result: Extract<RenewalView, { ok: true }> }) {
  const ids = { steps: useId(), end: useId() };
  const { plan, steps, endFindings, endDiff } = result;
  const errors = endFindings.filter((f) => f.severity === "error");
  return (
    <div>
      <p className={styles.summary}>
        Replacing {plan.old.label} on {plan.old.servers.join(" and ")} with {plan.successor.label}: {steps.length}{" "}
        steps.
      </p>
      <h3>Before you start</h3>
      <p>
        The first lines define what only you have: fill in the path of the successor's .pfx file
        {plan.successor.thumbprintKnown ? "" : " and its thumbprint"} where the line says{" "}
        <code>&lt;fill in: …&gt;</code>; the password line asks for the password when it runs, so it is never written
        down. Every step uses these variables, so run them in the same shell.
      </p>
      <CommandBlock command={plan.setup.join("\n")} />
      <h3 id={ids.steps}>Steps</h3>
      <div className={styles.actions}>
        <CopyButton text={renewalScript(plan)} label="Copy all commands" />
      </div>
      <ol className={styles.steps} aria-labelledby={ids.steps}>
        {steps.map((step) => (
          <RenewalStepItem key={step.step} step={step} last={steps.length} />
        ))}
      </ol>
      {plan.notes.length > 0 && (
        <>
          <h3>Notes</h3>
          <ul className={styles.notes}>
            {plan.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </>
      )}
      <h3 id={ids.end}>Simulated end state</h3>
      <p className={errors.length === 0 ? styles.ok : styles.alert}>
        {errors.length === 0
          ? "After the last step certflow finds no error."
          : `After the last step certflow still finds ${errors.length === 1 ? "1 error" : `${errors.length} errors`}.`}
      </p>
      <h4>Findings after the last step</h4>
      {endFindings.length === 0 ? (
        <p className={styles.muted}>None.</p>
      ) : (
        <ul className={styles.notes}>
          {endFindings.map((f) => (
            <li key={`${f.rule} ${f.server} ${f.connector} ${f.thumbprint}`}>{findingText(f)}</li>
          ))}
        </ul>
      )}
      <WhatIfDiffView diff={endDiff} />
      {result.unmatched.map((u) => (
        <p key={u.index} className={styles.alert}>
          The simulation could not apply one change: {u.reason}.
        </p>
      ))}
    </div>
  );
}
