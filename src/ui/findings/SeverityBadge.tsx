import type { Severity } from "../../report/types";
import styles from "./SeverityBadge.module.css";

const LOOK: Readonly<Record<Severity, { readonly icon: string; readonly text: string }>> = {
  error: { icon: "✖", text: "Error" },
  warning: { icon: "▲", text: "Warning" },
  info: { icon: "ℹ", text: "Info" },
};

/** A severity as an icon and a word (or the given text), so colour is never the only signal. */
export function SeverityBadge({ severity, text }: { readonly severity: Severity; readonly text?: string }) {
  const look = LOOK[severity];
  return (
    <span className={`${styles.badge} ${styles[severity] ?? ""}`}>
      <span aria-hidden="true">{look.icon}</span> {text ?? look.text}
    </span>
  );
}
