import { type FormEvent, useId, useState } from "react";
import type { WhatIfEdit } from "../../engine/whatif/edits";
import type { ReportConnector } from "../../report/types";
import styles from "./WhatIf.module.css";

/** Try another FQDN on a receive connector: without a TlsCertificateName, Exchange looks its certificate up by it. */
export function WhatIfFqdn({
  connectors,
  onEdit,
}: {
  readonly connectors: readonly ReportConnector[];
  readonly onEdit: (edit: WhatIfEdit) => void;
}) {
  const ids = { connector: useId(), fqdn: useId(), error: useId() };
  const receive = connectors.filter(
    (c): c is ReportConnector & { readonly server: string; readonly name: string } =>
      c.direction === "receive" && c.name !== null && c.server !== null,
  );
  const [chosenKey, setChosenKey] = useState("");
  const [fqdn, setFqdn] = useState("");
  const [error, setError] = useState<string | null>(null);
  const chosen = receive.find((c) => `${c.server}\\${c.name}` === chosenKey) ?? receive[0];
  if (chosen === undefined) return null;

  function submit(event: FormEvent) {
    event.preventDefault();
    const value = fqdn.trim();
    if (chosen === undefined) return;
    if (!/^[A-Za-z0-9*]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*\.?$/.test(value)) {
      setError("Type a host name such as mail.contoso.com.");
      return;
    }
    setError(null);
    onEdit({ kind: "set-fqdn", server: chosen.server, connector: chosen.name, value });
    setFqdn("");
  }

  return (
    <form className={styles.actions} onSubmit={submit} noValidate>
      <label htmlFor={ids.connector}>Receive connector</label>
      <select
        id={ids.connector}
        value={`${chosen.server}\\${chosen.name}`}
        onChange={(e) => setChosenKey(e.target.value)}
      >
        {receive.map((c) => (
          <option key={`${c.server}\\${c.name}`} value={`${c.server}\\${c.name}`}>
            {`${c.server}\\${c.name}`} (now {c.fqdn ?? "not in the paste"})
          </option>
        ))}
      </select>
      <label htmlFor={ids.fqdn}>New FQDN</label>
      <input
        id={ids.fqdn}
        value={fqdn}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={error !== null}
        aria-describedby={error === null ? undefined : ids.error}
        onChange={(e) => setFqdn(e.target.value)}
      />
      <button type="submit">Set FQDN</button>
      {error !== null && (
        <p id={ids.error} role="alert" className={styles.error}>
          {error}
        </p>
      )}
    </form>
  );
}
