import { useId } from "react";
import type { ReportUnrecognized } from "../../report/types";
import section from "../layout/Section.module.css";
import { LineLink } from "../lines/LineLink";
import { PAGE } from "../paging/pages";
import { ShowMore } from "../paging/ShowMore";
import { usePaging } from "../paging/use-paging";
import styles from "./NotUnderstood.module.css";

/** Every passage certflow could not read, so nothing pasted is ignored without saying so. */
export function NotUnderstood({ items }: { readonly items: readonly ReportUnrecognized[] }) {
  const heading = useId();
  const paging = usePaging(items.length, PAGE.unrecognized);
  return (
    <section className={section.section} aria-labelledby={heading}>
      <h2 id={heading}>Not understood</h2>
      {items.length === 0 ? (
        <p className={styles.empty}>Every line of the paste was read.</p>
      ) : (
        <>
          <ul className={styles.list}>
            {items.slice(0, paging.shown).map((item, i) => (
              <li
                key={`${item.startLine}-${item.endLine}-${item.fragment ?? ""}`}
                className={styles.item}
                {...(i === paging.firstNew ? { ref: paging.focusRef, tabIndex: -1 } : {})}
              >
                <LineLink start={item.startLine} end={item.endLine} />
                <span className={styles.reason}>{item.reason}</span>
                {item.fragment !== undefined && <code className={styles.fragment}>{item.fragment}</code>}
              </li>
            ))}
          </ul>
          <ShowMore paging={paging} noun={["passage", "passages"]} />
        </>
      )}
    </section>
  );
}
