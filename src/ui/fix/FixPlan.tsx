import { useId } from "react";
import type { ReportFixStep } from "../../report/types";
import { CommandBlock } from "./CommandBlock";
import { CopyButton } from "./CopyButton";
import styles from "./FixPlan.module.css";
import { keyed } from "./keyed";
import { planText } from "./plan-text";

/** The report's ordered fix plan: why each step, its warning, its commands, and the whole plan in one copy. */
export function FixPlan({ plan }: { readonly plan: readonly ReportFixStep[] }) {
  const heading = useId();
  if (plan.length === 0) return null;
  return (
    <section className={styles.section} aria-labelledby={heading}>
      <h2 id={heading}>Fix plan</h2>
      <p className={styles.intro}>
        Run the steps in this order; each command names the real server, connector and certificate.{" "}
        <CopyButton text={planText(plan)} label="Copy whole plan" />
      </p>
      <ol className={styles.steps}>
        {plan.map((step) => (
          <li key={step.step} value={step.step} className={styles.step}>
            <p className={styles.why}>{step.why}</p>
            {step.warning !== undefined && (
              <p className={styles.warning}>
                <span aria-hidden="true">⚠ </span>
                <strong>Warning:</strong> {step.warning}
              </p>
            )}
            {keyed(step.commands, (c) => c).map(([key, command]) => (
              <CommandBlock key={key} command={command} />
            ))}
          </li>
        ))}
      </ol>
    </section>
  );
}
