import { useId } from "react";
import type { ReportUnrecognized } from "../../report/types";
import { LineLink } from "../lines/LineLink";
import styles from "./NotUnderstood.module.css";

/** Every passage certflow could not read, so nothing pasted is ignored without saying so. */
export function NotUnderstood({ items }: { readonly items: readonly ReportUnrecognized[] }) {
  const heading = useId();
  return (
    <section className={styles.section} aria-labelledby={heading}>
      <h2 id={heading}>Not understood</h2>
      {items.length === 0 ? (
        <p className={styles.empty}>Every line of the paste was read.</p>
      ) : (
        <ul className={styles.list}>
          {items.map((item) => (
            <li key={`${item.startLine}-${item.endLine}-${item.fragment ?? ""}`} className={styles.item}>
              <LineLink start={item.startLine} end={item.endLine} />
              <span className={styles.reason}>{item.reason}</span>
              {item.fragment !== undefined && <code className={styles.fragment}>{item.fragment}</code>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
