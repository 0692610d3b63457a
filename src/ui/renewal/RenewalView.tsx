import { type FormEvent, useId, useMemo, useState } from "react";
import type { RenewalRequest } from "../../engine/renewal/request";
import type { Report } from "../../report/types";
import { useCertflow } from "../../state/use-certflow";
import section from "../layout/Section.module.css";
import { CertificateSource } from "../whatif/CertificateSource";
import { type CertificateDraft, emptyDraft, readDraft } from "../whatif/certificate-draft";
import { type Replaceable, replaceableCertificates } from "./old-certificates";
import styles from "./Renewal.module.css";
import { RenewalPlanView } from "./RenewalPlanView";
import { useRenewal } from "./use-renewal";

/** A successor form filled from the certificate it replaces: a renewal usually keeps the subject and the names. */
function draftFor(old: Replaceable | undefined, request: RenewalRequest | null): CertificateDraft {
  if (request !== null && old?.thumbprint === request.old.toUpperCase()) return emptyDraft(request.successor);
  const c = old?.certificate;
  return emptyDraft({
    ...(c?.subject ? { subject: c.subject } : {}),
    ...(c?.issuer ? { issuer: c.issuer } : {}),
    domains: c?.domains ?? [],
  });
}

/** Choose the certificate being replaced and its successor; certflow plans the renewal and simulates it. */
export function RenewalView({ report }: { readonly report: Report }) {
  const ids = { heading: useId(), old: useId(), message: useId() };
  const text = useCertflow((s) => s.text);
  const asOf = useCertflow((s) => s.asOf);
  const server = useCertflow((s) => s.server);
  const request = useCertflow((s) => s.renewal);
  const setRenewal = useCertflow((s) => s.setRenewal);
  const clearRenewal = useCertflow((s) => s.clearRenewal);
  const state = useRenewal(text, asOf, server, request);
  const choices = useMemo(() => replaceableCertificates(report), [report]);
  const [oldKey, setOldKey] = useState(request?.old.toUpperCase() ?? "");
  const old = choices.find((c) => c.thumbprint === oldKey) ?? choices[0];
  const [draft, setDraft] = useState<CertificateDraft>(() => draftFor(old, request));
  const [message, setMessage] = useState<{ readonly tone: "error" | "note"; readonly text: string } | null>(null);
  const [reading, setReading] = useState(false);

  function chooseOld(thumbprint: string) {
    const next = choices.find((c) => c.thumbprint === thumbprint);
    // The form follows the choice until the admin has typed in it.
    if (JSON.stringify(draft) === JSON.stringify(draftFor(old, null))) setDraft(draftFor(next, null));
    setOldKey(thumbprint);
  }

  async function plan(event: FormEvent) {
    event.preventDefault();
    if (old === undefined) return;
    setReading(true);
    const read = await readDraft(draft);
    setReading(false);
    if (!read.ok) {
      setMessage({ tone: "error", text: read.message });
      return;
    }
    setMessage(read.note === undefined ? null : { tone: "note", text: read.note });
    setRenewal({ old: old.thumbprint, successor: read.description });
  }

  return (
    <section className={`${section.section} ${styles.section}`} aria-labelledby={ids.heading}>
      <h2 id={ids.heading}>Renewal planner</h2>
      <p className={styles.intro}>
        Choose the certificate you are replacing and describe or paste its successor: certflow lists, in order, what to
        run on every server and connector that depends on it, and simulates the paste after each step.
      </p>
      <form onSubmit={(e) => void plan(e)} noValidate>
        <div className={styles.field}>
          <label htmlFor={ids.old}>Certificate being replaced</label>
          <select id={ids.old} value={old?.thumbprint ?? ""} onChange={(e) => chooseOld(e.target.value)}>
            {choices.map((c) => (
              <option key={c.thumbprint} value={c.thumbprint}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
        <CertificateSource legend="Successor" draft={draft} onChange={setDraft} />
        <div className={styles.actions}>
          <button type="submit" disabled={reading} aria-describedby={message === null ? undefined : ids.message}>
            Plan the renewal
          </button>
          {request !== null && (
            <button type="button" onClick={clearRenewal}>
              Clear the plan
            </button>
          )}
        </div>
        {message !== null && (
          <p
            id={ids.message}
            role={message.tone === "error" ? "alert" : "status"}
            className={message.tone === "error" ? styles.alert : styles.muted}
          >
            {message.tone === "error" ? "Not planned: " : ""}
            {message.text}
          </p>
        )}
      </form>
      <div aria-live="polite">
        {state.status === "running" && <p className={styles.muted}>Planning and simulating…</p>}
        {state.status === "error" && <p role="alert">The renewal could not be planned: {state.message}</p>}
      </div>
      {state.status === "done" &&
        (state.result.ok ? (
          <RenewalPlanView result={state.result} />
        ) : (
          <p role="alert" className={styles.alert}>
            certflow cannot plan this renewal: {state.result.reason}.
          </p>
        ))}
    </section>
  );
}
