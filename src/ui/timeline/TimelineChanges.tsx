import type { Timeline } from "../../engine/timeline/types";
import { PAGE } from "../paging/pages";
import { ShowMore } from "../paging/ShowMore";
import { usePaging } from "../paging/use-paging";
import { KIND_CLASS } from "./classes";
import { KIND_TEXT } from "./markers";
import styles from "./Timeline.module.css";

/** The chart's markers as a list, in date order, each with its sentence; a long list its first dates, and more on request. */
export function TimelineChanges({ timeline }: { readonly timeline: Timeline }) {
  const paging = usePaging(timeline.events.length, PAGE.timelineEvents);
  return (
    <div>
      <h3 className={styles.subheading}>Dates on which a verdict changes</h3>
      {timeline.events.length === 0 ? (
        <p className={styles.none}>No verdict changes with the dates in the paste.</p>
      ) : (
        <ol className={styles.changes}>
          {timeline.events.slice(0, paging.shown).map((e, i) => (
            <li
              key={`${e.date}\u0000${e.kind}\u0000${e.row}\u0000${e.connector ?? ""}\u0000${e.direction ?? ""}`}
              data-kind={e.kind}
              {...(i === paging.firstNew ? { ref: paging.focusRef, tabIndex: -1 } : {})}
            >
              <time dateTime={e.date}>{e.date.slice(0, 10)}</time>{" "}
              <span className={`${styles.kind} ${KIND_CLASS[e.kind]}`}>{KIND_TEXT[e.kind]}</span>
              {e.past && <span className={styles.past}> (before the as-of date)</span>} {e.message}
            </li>
          ))}
        </ol>
      )}
      <ShowMore paging={paging} noun={["change", "changes"]} />
    </div>
  );
}
