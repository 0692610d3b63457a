import type { Timeline } from "../../engine/timeline/types";
import { KIND_CLASS } from "./classes";
import { KIND_TEXT } from "./markers";
import styles from "./Timeline.module.css";

/** The chart's markers as a list, in date order, each with its sentence. */
export function TimelineChanges({ timeline }: { readonly timeline: Timeline }) {
  return (
    <div>
      <h3 className={styles.subheading}>Dates on which a verdict changes</h3>
      {timeline.events.length === 0 ? (
        <p className={styles.none}>No verdict changes with the dates in the paste.</p>
      ) : (
        <ol className={styles.changes}>
          {timeline.events.map((e) => (
            <li
              key={`${e.date}\u0000${e.kind}\u0000${e.row}\u0000${e.connector ?? ""}\u0000${e.direction ?? ""}`}
              data-kind={e.kind}
            >
              <time dateTime={e.date}>{e.date.slice(0, 10)}</time>{" "}
              <span className={`${styles.kind} ${KIND_CLASS[e.kind]}`}>{KIND_TEXT[e.kind]}</span>
              {e.past && <span className={styles.past}> (before the as-of date)</span>} {e.message}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
