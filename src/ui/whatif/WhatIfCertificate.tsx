import { memo, type Ref, useId, useState } from "react";
import type { WhatIfEdit } from "../../engine/whatif/edits";
import { formatTlsCertificateName } from "../../model/tls-certificate-name";
import type { ReportCertificate, ReportConnector } from "../../report/types";
import styles from "./WhatIf.module.css";

/** What a certificate's TlsCertificateName can be written to: a connector, or the hybrid configuration. */
interface Target {
  readonly key: string;
  readonly label: string;
  readonly edit: (value: string) => WhatIfEdit;
}

function sameName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

function targetsFor(
  server: string,
  connectors: readonly ReportConnector[],
  hybridConfigured: boolean,
): readonly Target[] {
  const targets: Target[] = [];
  for (const c of connectors) {
    const name = c.name;
    if (name === null) continue;
    if (c.direction === "receive" && (c.server === null || sameName(c.server, server))) {
      targets.push({
        key: `receive:${name}`,
        label: name,
        edit: (value) => ({ kind: "set-tlsname", connectorKind: "receive", server, connector: name, value }),
      });
    }
    // A send connector runs on each of its source servers (the report joins them with ", ").
    if (c.direction === "send" && (c.server === null || c.server.split(", ").some((s) => sameName(s, server)))) {
      targets.push({
        key: `send:${name}`,
        label: `${name} (send connector)`,
        edit: (value) => ({ kind: "set-tlsname", connectorKind: "send", connector: name, value }),
      });
    }
  }
  if (hybridConfigured) {
    targets.push({
      key: "hybrid",
      label: "Hybrid configuration",
      edit: (value) => ({ kind: "set-hybrid-tlsname", value }),
    });
  }
  return targets;
}

/** One certificate with the edits that can be tried on it. `focusRef`: it is the first of several just shown. */
export const WhatIfCertificate = memo(function WhatIfCertificate({
  cert,
  server,
  connectors,
  hybridConfigured,
  onEdit,
  focusRef,
}: {
  readonly cert: ReportCertificate & { readonly thumbprint: string };
  /** The certificate's server, or the server option when the paste did not say. */
  readonly server: string;
  readonly connectors: readonly ReportConnector[];
  /** The paste holds Get-HybridConfiguration output, so its TlsCertificateName can be set too. */
  readonly hybridConfigured: boolean;
  readonly onEdit: (edit: WhatIfEdit) => void;
  readonly focusRef?: Ref<HTMLLIElement>;
}) {
  const ids = { target: useId(), label: useId() };
  const [choosing, setChoosing] = useState(false);
  const [targetKey, setTargetKey] = useState("");
  const named =
    cert.issuer !== null && cert.subject !== null && !cert.truncated.some((t) => t === "issuer" || t === "subject");
  const targets = targetsFor(server, connectors, hybridConfigured);
  const chosen = targets.find((t) => t.key === targetKey) ?? targets[0];
  const smtp = cert.services.includes("SMTP");

  function apply() {
    if (chosen === undefined || cert.issuer === null || cert.subject === null) return;
    onEdit(chosen.edit(formatTlsCertificateName(cert.issuer, cert.subject)));
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
          <label htmlFor={ids.target}>Receive connector, send connector or hybrid configuration</label>
          <select id={ids.target} value={chosen.key} onChange={(e) => setTargetKey(e.target.value)}>
            {targets.map((t) => (
              <option key={t.key} value={t.key}>
                {t.label}
              </option>
            ))}
          </select>
          <button type="button" onClick={apply}>
            Set TlsCertificateName
          </button>
        </div>
      )}
    </li>
  );
});
