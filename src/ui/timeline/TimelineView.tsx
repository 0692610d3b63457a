import { useId } from "react";
import type { Timeline } from "../../engine/timeline/types";
import type { Report } from "../../report/types";
import section from "../layout/Section.module.css";
import { PAGE } from "../paging/pages";
import { ShowMore } from "../paging/ShowMore";
import { usePaging } from "../paging/use-paging";
import styles from "./Timeline.module.css";
import { TimelineChanges } from "./TimelineChanges";
import { TimelineChart } from "./TimelineChart";
import { TimelineTable } from "./TimelineTable";

/**
 * Every certificate's validity per server on one time axis, with the dates on which a verdict changes. The
 * timeline is built from the report by the pure `buildTimeline`, in the analysis worker; this only draws it, once
 * as a chart and once as a table and a list that say the same. The chart and the table show the same first rows,
 * and more on request.
 */
export function TimelineView({ report, timeline }: { readonly report: Report; readonly timeline: Timeline }) {
  const heading = useId();
  const rows = usePaging(timeline.rows.length, PAGE.timelineRows);
  if (timeline.rows.length === 0) return null;
  return (
    <section className={section.section} aria-labelledby={heading}>
      <h2 id={heading}>Certificate timeline</h2>
      <p className={styles.intro}>
        When each certificate is valid on each server, the as-of date <time dateTime={report.asOf}>{report.asOf}</time>,
        and the dates on which what a connector presents changes.
      </p>
      <TimelineChart timeline={timeline} shown={rows.shown} />
      <TimelineTable timeline={timeline} paging={rows} />
      <ShowMore paging={rows} noun={["timeline row", "timeline rows"]} />
      <TimelineChanges timeline={timeline} />
    </section>
  );
}
