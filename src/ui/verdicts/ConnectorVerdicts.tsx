import { useId } from "react";
import type { Report } from "../../report/types";
import section from "../layout/Section.module.css";
import { PAGE } from "../paging/pages";
import { ShowMore } from "../paging/ShowMore";
import { usePaging } from "../paging/use-paging";
import { ConnectorVerdict } from "./ConnectorVerdict";
import styles from "./ConnectorVerdicts.module.css";

/**
 * One region per connector the engine traced, each with its verdict and its flowchart. An organisation's
 * thousands of connectors show the first ones, and more on request.
 */
export function ConnectorVerdicts({ report }: { readonly report: Report }) {
  const heading = useId();
  const paging = usePaging(report.selections.length, PAGE.connectors);
  if (report.selections.length === 0) return null;
  return (
    <section className={section.section} aria-labelledby={heading}>
      <h2 id={heading}>Certificate per connector</h2>
      <p className={styles.asOf}>
        As of <time dateTime={report.asOf}>{report.asOf}</time>: change the date above to see the choice on another day.
      </p>
      {report.selections.slice(0, paging.shown).map((selection, i) => (
        <ConnectorVerdict
          key={`${selection.server ?? ""}\u0000${selection.connector}\u0000${selection.direction}`}
          selection={selection}
          certificates={report.certificates}
          {...(i === paging.firstNew ? { focusRef: paging.focusRef } : {})}
        />
      ))}
      <ShowMore paging={paging} noun={["connector", "connectors"]} />
    </section>
  );
}
