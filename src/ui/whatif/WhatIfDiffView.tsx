import { useMemo } from "react";
import type { WhatIfDiff } from "../../engine/whatif/diff";
import type { ReportFinding } from "../../report/types";
import { PAGE } from "../paging/pages";
import { ShowMore } from "../paging/ShowMore";
import { usePaging } from "../paging/use-paging";
import styles from "./WhatIf.module.css";

function FindingList({ title, findings }: { readonly title: string; readonly findings: readonly ReportFinding[] }) {
  return (
    <>
      <h3>{title}</h3>
      {findings.length === 0 ? (
        <p className={styles.muted}>None.</p>
      ) : (
        <ul>
          {findings.map((f) => (
            <li key={`${f.rule} ${f.server} ${f.connector}`}>
              <code>{f.rule}</code> ({f.severity}){f.server === null ? "" : ` on ${f.server}`}
              {f.connector === null ? "" : `, ${f.connector}`}: {f.title}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/**
 * Before → after per connector, the ones that would change first (an organisation's table is long, and shows its
 * first rows), then the findings that would vanish and appear.
 */
export function WhatIfDiffView({ diff }: { readonly diff: WhatIfDiff }) {
  const rows = useMemo(
    () => [...diff.connectors.filter((c) => c.changed), ...diff.connectors.filter((c) => !c.changed)],
    [diff.connectors],
  );
  const paging = usePaging(rows.length, PAGE.whatIfConnectors);
  return (
    <div>
      <h3>What each connector would present</h3>
      <table className={styles.table}>
        <thead>
          <tr>
            <th scope="col">Connector</th>
            <th scope="col">Before</th>
            <th scope="col">After</th>
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, paging.shown).map((c, i) => (
            <tr
              key={`${c.server} ${c.connector} ${c.direction}`}
              className={c.changed ? styles.changed : undefined}
              {...(i === paging.firstNew ? { ref: paging.focusRef, tabIndex: -1 } : {})}
            >
              <th scope="row">
                {c.server === null ? "" : `${c.server}\\`}
                {c.connector} <span className={styles.muted}>({c.direction})</span>
              </th>
              <td>{c.before ?? "(not in the paste)"}</td>
              <td>
                {c.changed ? "→ " : ""}
                {c.after ?? "(not in the paste)"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ShowMore paging={paging} noun={["connector compared", "connectors compared"]} />
      <FindingList title="Findings that would vanish" findings={diff.vanished} />
      <FindingList title="Findings that would appear" findings={diff.appeared} />
    </div>
  );
}
