import { useId } from "react";
import type { CertificateDraft } from "./certificate-draft";
import styles from "./WhatIf.module.css";

/**
 * A certificate that is not in the paste: its PEM pasted, or described field by field. `legend` names the
 * group for screen readers ("Successor", "New certificate").
 */
export function CertificateSource({
  legend,
  draft,
  onChange,
}: {
  readonly legend: string;
  readonly draft: CertificateDraft;
  readonly onChange: (draft: CertificateDraft) => void;
}) {
  const id = useId();
  const set = (change: Partial<CertificateDraft>) => onChange({ ...draft, ...change });
  return (
    <fieldset className={styles.fieldset}>
      <legend>{legend}</legend>
      <div className={styles.choices}>
        <label>
          <input
            type="radio"
            name={`${id}-mode`}
            checked={draft.mode === "pem"}
            onChange={() => set({ mode: "pem" })}
          />{" "}
          Paste its PEM
        </label>
        <label>
          <input
            type="radio"
            name={`${id}-mode`}
            checked={draft.mode === "form"}
            onChange={() => set({ mode: "form" })}
          />{" "}
          Describe it
        </label>
      </div>
      {draft.mode === "pem" ? (
        <div className={styles.field}>
          <label htmlFor={`${id}-pem`}>Certificate (PEM or base64)</label>
          <textarea
            id={`${id}-pem`}
            className={styles.pem}
            rows={6}
            spellCheck={false}
            value={draft.pem}
            placeholder="-----BEGIN CERTIFICATE-----"
            onChange={(e) => set({ pem: e.target.value })}
          />
        </div>
      ) : (
        <div className={styles.grid}>
          <Field id={`${id}-subject`} label="Subject" value={draft.subject} onChange={(subject) => set({ subject })} />
          <Field
            id={`${id}-issuer`}
            label="Issuer"
            value={draft.selfSigned ? draft.subject : draft.issuer}
            disabled={draft.selfSigned}
            onChange={(issuer) => set({ issuer })}
          />
          <Field
            id={`${id}-domains`}
            label="Names (SAN), separated by commas"
            value={draft.domains}
            onChange={(domains) => set({ domains })}
          />
          <Field
            id={`${id}-from`}
            label="Valid from"
            type="date"
            value={draft.notBefore}
            onChange={(notBefore) => set({ notBefore })}
          />
          <Field
            id={`${id}-to`}
            label="Expires"
            type="date"
            value={draft.notAfter}
            onChange={(notAfter) => set({ notAfter })}
          />
          <Field
            id={`${id}-thumb`}
            label="Thumbprint (optional)"
            value={draft.thumbprint}
            onChange={(thumbprint) => set({ thumbprint })}
          />
          <label className={styles.check}>
            <input type="checkbox" checked={draft.selfSigned} onChange={(e) => set({ selfSigned: e.target.checked })} />{" "}
            Self-signed
          </label>
        </div>
      )}
    </fieldset>
  );
}

function Field({
  id,
  label,
  value,
  onChange,
  type = "text",
  disabled = false,
}: {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly type?: "text" | "date";
  readonly disabled?: boolean;
}) {
  return (
    <div className={styles.field}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={type}
        value={value}
        disabled={disabled}
        spellCheck={false}
        autoComplete="off"
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}
