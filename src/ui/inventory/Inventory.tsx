import { useId, useMemo } from "react";
import type { Report } from "../../report/types";
import section from "../layout/Section.module.css";
import { PAGE } from "../paging/pages";
import { ShowMore } from "../paging/ShowMore";
import { usePaging } from "../paging/use-paging";
import { BlocksTable } from "./BlocksTable";
import { CertificatesTable } from "./CertificatesTable";
import { ConnectorsTable } from "./ConnectorsTable";
import { byServer } from "./group";
import styles from "./Inventory.module.css";

/**
 * What the paste holds, as read: certificates per server, connectors and the blocks they came from. Each long
 * list shows its first rows (the certificates across their servers' tables), and more on request.
 */
export function Inventory({ report }: { readonly report: Report }) {
  const heading = useId();
  const ordered = useMemo(() => byServer(report.certificates).flatMap(([, list]) => list), [report.certificates]);
  const certificates = usePaging(ordered.length, PAGE.certificates);
  const visible = useMemo(() => byServer(ordered.slice(0, certificates.shown)), [ordered, certificates.shown]);
  const firstNew = certificates.firstNew === null ? undefined : ordered[certificates.firstNew];
  return (
    <section className={section.section} aria-labelledby={heading}>
      <h2 id={heading}>Inventory</h2>
      {report.certificates.length === 0 ? (
        <p className={styles.empty}>No certificates in the paste.</p>
      ) : (
        <>
          {visible.map(([server, list]) => (
            <CertificatesTable
              key={server ?? ""}
              server={server}
              certificates={list}
              {...(firstNew === undefined ? {} : { firstNew, focusRef: certificates.focusRef })}
            />
          ))}
          <ShowMore paging={certificates} noun={["certificate", "certificates"]} />
        </>
      )}
      {report.connectors.length === 0 ? (
        <p className={styles.empty}>No connectors in the paste.</p>
      ) : (
        <ConnectorsTable connectors={report.connectors} />
      )}
      {report.blocks.length > 0 && <BlocksTable blocks={report.blocks} />}
    </section>
  );
}
