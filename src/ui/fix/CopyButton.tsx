import { useEffect, useRef, useState } from "react";
import buttons from "../layout/OutlineButton.module.css";
import styles from "./CopyButton.module.css";

type CopyState = "idle" | "copied" | "failed";

const FEEDBACK_MS = 2500;

/** Copies fixed text to the clipboard and says, in a polite live message beside it, whether that worked. */
export function CopyButton({
  text,
  label = "Copy",
  describedBy,
}: {
  readonly text: string;
  readonly label?: string;
  /** Id of what is copied, so each of many "Copy" buttons says which text it copies. */
  readonly describedBy?: string;
}) {
  const [state, setState] = useState<CopyState>("idle");
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  async function copy() {
    clearTimeout(timer.current);
    try {
      // Missing outside a secure context, and refused when the page may not write the clipboard.
      if (navigator.clipboard === undefined) throw new Error("no clipboard");
      await navigator.clipboard.writeText(text);
      setState("copied");
    } catch {
      setState("failed");
    }
    timer.current = setTimeout(() => setState("idle"), FEEDBACK_MS);
  }

  return (
    <span className={styles.copy}>
      <button
        type="button"
        className={`${buttons.outline} ${buttons.small}`}
        aria-describedby={describedBy}
        onClick={() => void copy()}
      >
        {label}
      </button>
      <span className={state === "failed" ? `${styles.feedback} ${styles.failed}` : styles.feedback} aria-live="polite">
        {state === "copied" && "Copied"}
        {state === "failed" && "Could not copy: select the text and copy it by hand."}
      </span>
    </span>
  );
}
