import { useId } from "react";
import type { Report } from "../../report/types";
import { BlocksTable } from "./BlocksTable";
import { CertificatesTable } from "./CertificatesTable";
import { ConnectorsTable } from "./ConnectorsTable";
import { byServer } from "./group";
import styles from "./Inventory.module.css";

/** What the paste holds, as read: certificates per server, connectors and the blocks they came from. */
export function Inventory({ report }: { readonly report: Report }) {
  const heading = useId();
  return (
    <section className={styles.section} aria-labelledby={heading}>
      <h2 id={heading}>Inventory</h2>
      {report.certificates.length === 0 ? (
        <p className={styles.empty}>No certificates in the paste.</p>
      ) : (
        byServer(report.certificates).map(([server, certificates]) => (
          <CertificatesTable key={server ?? ""} server={server} certificates={certificates} />
        ))
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
