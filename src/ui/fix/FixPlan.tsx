import { memo, type Ref, useId, useMemo } from "react";
import type { ReportFixStep } from "../../report/types";
import section from "../layout/Section.module.css";
import { PAGE } from "../paging/pages";
import { ShowMore } from "../paging/ShowMore";
import { usePaging } from "../paging/use-paging";
import { CommandBlock } from "./CommandBlock";
import { CopyButton } from "./CopyButton";
import styles from "./FixPlan.module.css";
import { keyed } from "./keyed";
import { planText } from "./plan-text";

/**
 * The report's ordered fix plan: why each step, its warning, its commands, and the whole plan in one copy. A long
 * plan shows its first steps, and more on request; the copy always holds every step.
 */
export function FixPlan({ plan }: { readonly plan: readonly ReportFixStep[] }) {
  const heading = useId();
  const paging = usePaging(plan.length, PAGE.fixSteps);
  const text = useMemo(() => planText(plan), [plan]);
  if (plan.length === 0) return null;
  return (
    <section className={section.section} aria-labelledby={heading}>
      <h2 id={heading}>Fix plan</h2>
      <p className={styles.intro}>
        Run the steps in this order; each command names the real server, connector and certificate.{" "}
        <CopyButton text={text} label="Copy whole plan" />
      </p>
      <ol className={styles.steps}>
        {plan.slice(0, paging.shown).map((step, i) => (
          <FixStep key={step.step} step={step} {...(i === paging.firstNew ? { focusRef: paging.focusRef } : {})} />
        ))}
      </ol>
      <ShowMore paging={paging} noun={["step", "steps"]} />
    </section>
  );
}

const FixStep = memo(function FixStep({
  step,
  focusRef,
}: {
  readonly step: ReportFixStep;
  readonly focusRef?: Ref<HTMLLIElement>;
}) {
  return (
    <li value={step.step} className={styles.step} ref={focusRef} tabIndex={focusRef === undefined ? undefined : -1}>
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
  );
});
