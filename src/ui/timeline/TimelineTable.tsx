import type { Timeline, ValidityState } from "../../engine/timeline/types";
import tables from "../layout/DataTable.module.css";
import type { Paging } from "../paging/use-paging";
import { STATE_CLASS } from "./classes";
import styles from "./Timeline.module.css";

const STATE_TEXT: Readonly<Record<ValidityState, string>> = {
  valid: "valid",
  expired: "expired",
  "not-yet-valid": "not valid yet",
  undated: "dates not readable",
};

const day = (iso: string | null) => (iso === null ? "—" : iso.slice(0, 10));

/** The chart's rows as a table: what a screen reader reads, and what can be copied. The same first rows as the chart. */
export function TimelineTable({ timeline, paging }: { readonly timeline: Timeline; readonly paging: Paging }) {
  const asOf = timeline.asOf.slice(0, 10);
  return (
    <div className={tables.scroll}>
      <table className={`${tables.table} ${styles.table}`}>
        <caption>Validity of each certificate on each server</caption>
        <thead>
          <tr>
            <th scope="col">Server</th>
            <th scope="col">Certificate</th>
            <th scope="col">Valid from</th>
            <th scope="col">Valid until</th>
            <th scope="col">On {asOf}</th>
            <th scope="col">Used by</th>
          </tr>
        </thead>
        <tbody>
          {timeline.rows.slice(0, paging.shown).map((r, i) => (
            <tr key={r.key} {...(i === paging.firstNew ? { ref: paging.focusRef, tabIndex: -1 } : {})}>
              <td>
                <bdi>{r.server ?? "(no server)"}</bdi>
              </td>
              <th scope="row">
                <bdi>{r.name}</bdi>
                {r.thumbprint !== null && <code className={styles.thumbprint}>{r.thumbprint}</code>}
              </th>
              <td>
                <time dateTime={r.notBefore ?? undefined}>{day(r.notBefore)}</time>
              </td>
              <td>
                <time dateTime={r.notAfter ?? undefined}>{day(r.notAfter)}</time>
              </td>
              <td className={STATE_CLASS[r.state]}>{STATE_TEXT[r.state]}</td>
              <td>{usedBy(r.presentedBy, r.internalTransport)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function usedBy(connectors: readonly string[], internal: boolean): string {
  const uses = [...connectors, ...(internal ? ["internal transport certificate (X-ANONYMOUSTLS)"] : [])];
  return uses.length === 0 ? "—" : uses.join("; ");
}
