import { type FormEvent, useId, useState } from "react";
import type { WhatIfEdit } from "../../engine/whatif/edits";
import type { ExchangeService } from "../../model/values";
import { CertificateSource } from "./CertificateSource";
import { type CertificateDraft, emptyDraft, readDraft } from "./certificate-draft";
import styles from "./WhatIf.module.css";

const SERVICES: readonly ExchangeService[] = ["SMTP", "IIS", "IMAP", "POP"];

/** Try a certificate that is not installed yet: pasted as PEM or described, on one server, for some services. */
export function WhatIfAddCertificate({
  servers,
  onEdit,
}: {
  readonly servers: readonly string[];
  readonly onEdit: (edit: WhatIfEdit) => void;
}) {
  const ids = { server: useId(), error: useId() };
  const [server, setServer] = useState("");
  const [draft, setDraft] = useState<CertificateDraft>(emptyDraft);
  const [services, setServices] = useState<readonly ExchangeService[]>(["SMTP"]);
  const [message, setMessage] = useState<{ readonly tone: "error" | "note"; readonly text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const on = servers.includes(server) ? server : servers[0];
  if (on === undefined) return null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (on === undefined) return;
    setBusy(true);
    const read = await readDraft(draft);
    setBusy(false);
    if (!read.ok) {
      setMessage({ tone: "error", text: read.message });
      return;
    }
    setMessage(read.note === undefined ? null : { tone: "note", text: read.note });
    onEdit({ kind: "add-certificate", server: on, services, ...read.description });
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <div className={styles.actions}>
        <label htmlFor={ids.server}>Install on server</label>
        <select id={ids.server} value={on} onChange={(e) => setServer(e.target.value)}>
          {servers.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </div>
      <CertificateSource legend="New certificate" draft={draft} onChange={setDraft} />
      <fieldset className={styles.fieldset}>
        <legend>Enabled for</legend>
        <div className={styles.choices}>
          {SERVICES.map((s) => (
            <label key={s}>
              <input
                type="checkbox"
                checked={services.includes(s)}
                onChange={(e) => setServices(e.target.checked ? [...services, s] : services.filter((x) => x !== s))}
              />{" "}
              {s}
            </label>
          ))}
        </div>
      </fieldset>
      <div className={styles.actions}>
        <button type="submit" disabled={busy} aria-describedby={message === null ? undefined : ids.error}>
          Add certificate
        </button>
      </div>
      {message !== null && (
        <p
          id={ids.error}
          role={message.tone === "error" ? "alert" : "status"}
          className={message.tone === "error" ? styles.error : styles.muted}
        >
          {message.tone === "error" ? "Not added: " : ""}
          {message.text}
        </p>
      )}
    </form>
  );
}
