import { memo, type Ref, useId, useState } from "react";
import type { WhatIfEdit } from "../../engine/whatif/edits";
import { formatTlsCertificateName } from "../../model/tls-certificate-name";
import type { ReportCertificate, ReportConnector } from "../../report/types";
import styles from "./WhatIf.module.css";

/** One certificate with the edits that can be tried on it. `focusRef`: it is the first of several just shown. */
export const WhatIfCertificate = memo(function WhatIfCertificate({
  cert,
  server,
  receiveConnectors,
  onEdit,
  focusRef,
}: {
  readonly cert: ReportCertificate & { readonly thumbprint: string };
  /** The certificate's server, or the server option when the paste did not say. */
  readonly server: string;
  readonly receiveConnectors: readonly ReportConnector[];
  readonly onEdit: (edit: WhatIfEdit) => void;
  readonly focusRef?: Ref<HTMLLIElement>;
}) {
  const ids = { connector: useId(), label: useId() };
  const [choosing, setChoosing] = useState(false);
  const [connector, setConnector] = useState("");
  const named =
    cert.issuer !== null && cert.subject !== null && !cert.truncated.some((t) => t === "issuer" || t === "subject");
  const targets = receiveConnectors.filter(
    (c) => c.name !== null && (c.server === null || c.server.toLowerCase() === server.toLowerCase()),
  );
  const chosen = targets.find((c) => c.name === connector) ?? targets[0];
  const smtp = cert.services.includes("SMTP");

  function applyToConnector() {
    const name = chosen?.name;
    if (!name || cert.issuer === null || cert.subject === null) return;
    onEdit({
      kind: "set-tlsname",
      connectorKind: "receive",
      server,
      connector: name,
      value: formatTlsCertificateName(cert.issuer, cert.subject),
    });
    setChoosing(false);
  }

  return (
    <li
      className={styles.cert}
      aria-labelledby={ids.label}
      ref={focusRef}
      tabIndex={focusRef === undefined ? undefined : -1}
    >
      <p id={ids.label} className={styles.certName}>
        {cert.subject ?? "(no subject)"} <span className={styles.muted}>on {server}</span>{" "}
        <code className={styles.thumb}>{cert.thumbprint}</code>
      </p>
      <div className={styles.actions}>
        <button
          type="button"
          disabled={smtp}
          onClick={() => onEdit({ kind: "enable-smtp", server, thumbprint: cert.thumbprint })}
        >
          Enable SMTP
        </button>
        <button
          type="button"
          aria-expanded={choosing}
          disabled={!named || targets.length === 0}
          onClick={() => setChoosing(!choosing)}
        >
          Use for connector…
        </button>
        <button
          type="button"
          onClick={() => onEdit({ kind: "remove-certificate", server, thumbprint: cert.thumbprint })}
        >
          Remove
        </button>
      </div>
      {choosing && chosen !== undefined && (
        <div className={styles.actions}>
          <label htmlFor={ids.connector}>Receive connector</label>
          <select id={ids.connector} value={chosen.name ?? ""} onChange={(e) => setConnector(e.target.value)}>
            {targets.map((c) => (
              <option key={`${c.server}\\${c.name}`} value={c.name ?? ""}>
                {c.name}
              </option>
            ))}
          </select>
          <button type="button" onClick={applyToConnector}>
            Set TlsCertificateName
          </button>
        </div>
      )}
    </li>
  );
});
