import { useId, useMemo } from "react";
import { buildTimeline } from "../../engine/timeline/timeline";
import type { Report } from "../../report/types";
import styles from "./Timeline.module.css";
import { TimelineChanges } from "./TimelineChanges";
import { TimelineChart } from "./TimelineChart";
import { TimelineTable } from "./TimelineTable";

/**
 * Every certificate's validity per server on one time axis, with the dates on which a verdict changes. The
 * timeline is computed from the report by the pure `buildTimeline`; this only draws it, once as a chart and once
 * as a table and a list that say the same.
 */
export function TimelineView({ report }: { readonly report: Report }) {
  const heading = useId();
  const timeline = useMemo(() => buildTimeline(report), [report]);
  if (timeline.rows.length === 0) return null;
  return (
    <section className={styles.section} aria-labelledby={heading}>
      <h2 id={heading}>Certificate timeline</h2>
      <p className={styles.intro}>
        When each certificate is valid on each server, the as-of date <time dateTime={report.asOf}>{report.asOf}</time>,
        and the dates on which what a connector presents changes.
      </p>
      <TimelineChart timeline={timeline} />
      <TimelineTable timeline={timeline} />
      <TimelineChanges timeline={timeline} />
    </section>
  );
}
