import { type SyntheticEvent, useId, useState } from "react";
import { CopyButton } from "../fix/CopyButton";
import styles from "./WhatToPaste.module.css";

/** The same file the site serves beside index.html, for the download link. */
const SCRIPT_FILE = "./Get-CertflowInput.ps1";

type ScriptText =
  | { readonly state: "closed" | "loading" | "failed" }
  | { readonly state: "ready"; readonly text: string };

/**
 * "What do I paste?": the read-only collector script, shown whole so it can be read before it is run, with a
 * Copy button and a download of the same file. The text is bundled from public/ but loads only when the section
 * is opened. docs/collector.md describes what the script prints.
 */
export function WhatToPaste() {
  const heading = useId();
  const [script, setScript] = useState<ScriptText>({ state: "closed" });

  function load(event: SyntheticEvent<HTMLDetailsElement>) {
    if (!event.currentTarget.open || script.state === "ready" || script.state === "loading") return;
    setScript({ state: "loading" });
    import("../../../public/Get-CertflowInput.ps1?raw").then(
      (module) => setScript({ state: "ready", text: module.default }),
      () => setScript({ state: "failed" }),
    );
  }

  return (
    <section className={styles.section} aria-labelledby={heading}>
      <details className={styles.details} onToggle={load}>
        <summary className={styles.summary}>
          <h2 id={heading} className={styles.heading}>
            What to paste
          </h2>
        </summary>
        <p>
          Run <code>Get-CertflowInput.ps1</code> in the Exchange Management Shell of a Mailbox server and paste what it
          prints, or run it with <code>-ToClipboard</code> and paste the clipboard. It gathers everything certflow reads
          for every Exchange server: certificates, receive and send connectors, the internal transport certificate, the
          hybrid configuration and the server versions.
        </p>
        <p>
          It only reads: it runs <code>Get-</code> cmdlets and formats what they return, and changes nothing on any
          server. Edge Transport servers keep their certificates to themselves, so run it on each Edge as well and paste
          that text after the first.
        </p>
        <p className={styles.actions}>
          <a href={SCRIPT_FILE} download="Get-CertflowInput.ps1">
            Download Get-CertflowInput.ps1
          </a>
          {script.state === "ready" && <CopyButton text={script.text} label="Copy the script" />}
        </p>
        {script.state === "ready" && (
          <pre className={styles.script}>
            <code>{script.text}</code>
          </pre>
        )}
        {script.state === "loading" && <p className={styles.note}>Loading the script…</p>}
        {script.state === "failed" && (
          <p className={styles.note}>The script could not be shown here; the download link above has the same file.</p>
        )}
      </details>
    </section>
  );
}
