import { type ChangeEvent, useContext, useEffect, useId, useState } from "react";
import { LINK_WARN_CHARS, linkAdvice, linkFit } from "../../share/budget";
import { MAX_SHARE_BYTES, makeEnvelope } from "../../share/envelope";
import { withFragment, writeShareFragment } from "../../share/hash";
import { StoreContext, useCertflow } from "../../state/use-certflow";
import buttons from "../layout/OutlineButton.module.css";
import { openFile } from "./open-file";
import { prepareShare, redactionSummary } from "./prepare";
import { redactInWorker } from "./redact-in-worker";
import styles from "./ShareBar.module.css";
import { SHARE_FILE_NAME, saveShareFile } from "./save-file";

const BUTTON = `${buttons.outline} ${styles.button}`;

interface Outcome {
  readonly tone: "ok" | "warn" | "error";
  readonly message: string;
  readonly detail?: string;
  readonly link?: string;
}

const TOO_LARGE = `This paste is too large to share (the limit is ${MAX_SHARE_BYTES / 1024 / 1024} MB).`;

function characters(n: number): string {
  return `${n.toLocaleString("en-US")} characters`;
}

/** Share, open and forget: the link, the .certflow file, redaction and the draft's Clear. */
export function ShareBar() {
  const store = useContext(StoreContext);
  const text = useCertflow((s) => s.text);
  const asOf = useCertflow((s) => s.asOf);
  const server = useCertflow((s) => s.server);
  const redact = useCertflow((s) => s.redactOnShare);
  const setRedact = useCertflow((s) => s.setRedactOnShare);
  const clearInput = useCertflow((s) => s.clearInput);
  const draftNotice = useCertflow((s) => s.draftNotice);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = { redact: useId(), link: useId(), hint: useId() };
  const empty = text.trim() === "";

  // biome-ignore lint/correctness/useExhaustiveDependencies: the input is the trigger; a reported link no longer shows what is in the box once it changes.
  useEffect(() => setOutcome(null), [text, asOf, server, redact]);

  async function run(action: () => Promise<Outcome>) {
    setBusy(true);
    try {
      setOutcome(await action());
    } catch (error) {
      setOutcome({ tone: "error", message: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  }

  const copyLink = () =>
    run(async () => {
      if (store === null) throw new Error("The share bar needs the app's store.");
      const { input, redaction } = await prepareShare(store.getState(), redactInWorker);
      // Counted in characters, each at least one byte: a paste this long cannot fit, so it is not compressed at all.
      if (input.text.length > MAX_SHARE_BYTES) return { tone: "error", message: `${TOO_LARGE} Nothing was copied.` };
      const { deflateShare } = await import("../../share/codec");
      const deflated = await deflateShare(input);
      if (deflated.bytes > MAX_SHARE_BYTES) return { tone: "error", message: `${TOO_LARGE} Nothing was copied.` };
      const detail = redaction === undefined ? undefined : redactionSummary(redaction);
      const chars = withFragment(location.href, "").length + deflated.fragmentChars;
      if (linkFit(chars) === "too-long") {
        return {
          tone: "warn",
          message: `This link would be ${characters(chars)}, ${linkAdvice(chars)}. Nothing was copied: use "Download .certflow file" and send the file instead.`,
          ...(detail === undefined ? {} : { detail }),
        };
      }
      const fragment = deflated.fragment();
      const link = withFragment(location.href, fragment);
      // A redacted link stays out of the address bar: a reload must bring back the user's own paste.
      if (input.redact !== true) writeShareFragment(fragment);
      let copied = true;
      try {
        await navigator.clipboard.writeText(link);
      } catch {
        copied = false;
      }
      const lead = copied ? "Link copied" : "This browser did not allow copying; copy the link below";
      return {
        tone: copied && link.length <= LINK_WARN_CHARS ? "ok" : "warn",
        message: `${lead} (${characters(link.length)}): ${linkAdvice(link.length)}.`,
        ...(detail === undefined ? {} : { detail }),
        link,
      };
    });

  const downloadFile = () =>
    run(async () => {
      if (store === null) throw new Error("The share bar needs the app's store.");
      const { input, redaction } = await prepareShare(store.getState(), redactInWorker);
      if (input.text.length > MAX_SHARE_BYTES) return { tone: "error", message: `${TOO_LARGE} No file was saved.` };
      const json = `${JSON.stringify(makeEnvelope(input))}\n`;
      if (json.length > MAX_SHARE_BYTES) return { tone: "error", message: `${TOO_LARGE} No file was saved.` };
      saveShareFile(json);
      return {
        tone: "ok",
        message: `Saved ${SHARE_FILE_NAME}. Whoever opens it in certflow ("Open .certflow file", or drop it on the paste box) sees the same analysis.`,
        ...(redaction === undefined ? {} : { detail: redactionSummary(redaction) }),
      };
    });

  async function openPicked(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (file !== undefined && store !== null) await openFile(file, store);
    // Choosing the same file again must open it again.
    input.value = "";
  }

  function clear() {
    clearInput();
    setOutcome(null);
  }

  return (
    <div className={styles.bar}>
      <div className={styles.actions}>
        <button type="button" className={BUTTON} onClick={() => void copyLink()} disabled={empty || busy}>
          Copy share link
        </button>
        <button type="button" className={BUTTON} onClick={() => void downloadFile()} disabled={empty || busy}>
          Download .certflow file
        </button>
        <label className={BUTTON}>
          Open .certflow file
          <input
            type="file"
            accept=".certflow,application/json"
            className="visually-hidden"
            onChange={(event) => void openPicked(event)}
          />
        </label>
        <span className={styles.option}>
          <input
            id={ids.redact}
            type="checkbox"
            checked={redact}
            onChange={(event) => setRedact(event.target.checked)}
          />
          <label htmlFor={ids.redact}>Redact names before sharing</label>
        </span>
        <button type="button" className={`${BUTTON} ${styles.clear}`} onClick={clear} aria-describedby={ids.hint}>
          Clear
        </button>
      </div>
      <p id={ids.hint} className={styles.hint}>
        The paste and options are kept on this device only, so a reload loses nothing; Clear forgets them. A share link
        carries them in its part after #, which browsers never send to any server.
      </p>
      <div aria-live="polite" className={styles.live}>
        {outcome === null ? null : (
          <div className={styles[outcome.tone]}>
            <p className={styles.message}>{outcome.message}</p>
            {outcome.detail === undefined ? null : <p className={styles.message}>{outcome.detail}</p>}
          </div>
        )}
        {draftNotice === null ? null : <p className={`${styles.message} ${styles.warn}`}>{draftNotice}</p>}
      </div>
      {outcome?.link === undefined ? null : (
        <div className={styles.linkField}>
          <label htmlFor={ids.link}>Share link</label>
          <input
            id={ids.link}
            type="text"
            readOnly
            value={outcome.link}
            onFocus={(event) => event.currentTarget.select()}
          />
        </div>
      )}
    </div>
  );
}
