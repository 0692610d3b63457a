import { type ChangeEvent, type ClipboardEvent, useEffect, useId, useRef, useState } from "react";
import { useCertflow } from "../../state/use-certflow";
import { PasteLimitNotice } from "../limits/PasteLimitNotice";
import { ShareBar } from "../share/ShareBar";
import { useFileDrop } from "../share/use-file-drop";
import { EXAMPLES } from "./examples";
import { LargePasteNote } from "./LargePasteNote";
import { isLargePaste, largePasteResult, previewOf } from "./large-paste";
import { lineRange } from "./line-range";
import styles from "./PastePanel.module.css";
import { StatusLine } from "./StatusLine";

export function PastePanel() {
  const text = useCertflow((s) => s.text);
  const asOf = useCertflow((s) => s.asOf);
  const server = useCertflow((s) => s.server);
  const setText = useCertflow((s) => s.setText);
  const setAsOf = useCertflow((s) => s.setAsOf);
  const setServer = useCertflow((s) => s.setServer);
  const selectedLines = useCertflow((s) => s.selectedLines);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const fileDrop = useFileDrop();
  const [loadError, setLoadError] = useState<string | null>(null);
  const ids = {
    heading: useId(),
    paste: useId(),
    hint: useId(),
    large: useId(),
    example: useId(),
    asOf: useId(),
    server: useId(),
  };
  const large = isLargePaste(text);

  useEffect(() => {
    const box = textarea.current;
    if (box === null || selectedLines === null) return;
    const [start, end] = lineRange(box.value, selectedLines.startLine, selectedLines.endLine);
    box.focus({ preventScroll: true });
    box.setSelectionRange(start, end);
    const lineHeight = Number.parseFloat(getComputedStyle(box).lineHeight);
    if (Number.isFinite(lineHeight)) {
      box.scrollTop = Math.max(0, (selectedLines.startLine - 1) * lineHeight - box.clientHeight / 3);
    }
    box.scrollIntoView({ block: "nearest" });
  }, [selectedLines]);

  // A paste too large for the box goes to the store directly: the browser inserting it would freeze the page.
  // The read-only preview of a large paste takes no paste (its text is not the whole paste). Reading megabytes
  // from the clipboard is a task of its own already; storing and drawing them waits for the next one.
  function pasteLarge(event: ClipboardEvent<HTMLTextAreaElement>) {
    if (large) return;
    const box = event.currentTarget;
    const result = largePasteResult(
      box.value,
      box.selectionStart,
      box.selectionEnd,
      event.clipboardData.getData("text"),
    );
    if (result === undefined) return;
    event.preventDefault();
    setTimeout(() => setText(result), 0);
  }

  async function loadExample(event: ChangeEvent<HTMLSelectElement>) {
    const example = EXAMPLES.find((candidate) => candidate.id === event.target.value);
    if (example === undefined) return;
    try {
      setText(await example.load());
      setLoadError(null);
    } catch {
      setLoadError(`The example "${example.name}" could not be loaded.`);
    }
  }

  return (
    <section className={styles.panel} aria-labelledby={ids.heading}>
      <h2 id={ids.heading} className={styles.heading}>
        Paste
      </h2>
      <div className={styles.options}>
        <div className={styles.field}>
          <label htmlFor={ids.example}>Try an example</label>
          <select id={ids.example} value="" onChange={(event) => void loadExample(event)}>
            <option value="">Choose a real paste…</option>
            {EXAMPLES.map((example) => (
              <option key={example.id} value={example.id}>
                {example.name}
              </option>
            ))}
          </select>
        </div>
        <div className={styles.field}>
          <label htmlFor={ids.asOf}>As of</label>
          <input id={ids.asOf} type="date" value={asOf} onChange={(event) => setAsOf(event.target.value)} />
        </div>
        <div className={styles.field}>
          <label htmlFor={ids.server}>Server name (for output that names none)</label>
          <input
            id={ids.server}
            type="text"
            value={server}
            spellCheck={false}
            autoComplete="off"
            onChange={(event) => setServer(event.target.value)}
          />
        </div>
      </div>
      <label htmlFor={ids.paste} className={styles.pasteLabel}>
        PowerShell output
      </label>
      <p id={ids.hint} className={styles.hint}>
        Any mix of Get-ExchangeCertificate, Get-ReceiveConnector, Get-SendConnector, Get-HybridConfiguration and
        Get-TransportService output (list, table, JSON or CSV), certificates, event log and queue errors, SMTP logs.
      </p>
      <textarea
        ref={textarea}
        id={ids.paste}
        className={styles.paste}
        aria-describedby={large ? `${ids.hint} ${ids.large}` : ids.hint}
        value={large ? previewOf(text) : text}
        readOnly={large}
        onChange={(event) => setText(event.target.value)}
        onPaste={pasteLarge}
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        autoCorrect="off"
        wrap="off"
        rows={16}
        placeholder="[PS] C:\>Get-ExchangeCertificate | Format-List"
        {...fileDrop}
      />
      {large && <LargePasteNote id={ids.large} />}
      <StatusLine loadError={loadError} />
      <PasteLimitNotice />
      <ShareBar />
    </section>
  );
}
