import { lazy, Suspense } from "react";
import type { Timeline as TimelineData } from "../../engine/timeline/types";
import type { Report } from "../../report/types";

/** The timeline's drawing loads with the first report that holds a certificate, not with the page. */
const TimelineView = lazy(() => import("./TimelineView").then((m) => ({ default: m.TimelineView })));

export function Timeline({ report, timeline }: { readonly report: Report; readonly timeline: TimelineData | null }) {
  if (report.certificates.length === 0 || timeline === null) return null;
  return (
    <Suspense fallback={null}>
      <TimelineView report={report} timeline={timeline} />
    </Suspense>
  );
}
