import { lazy, Suspense } from "react";
import type { Report } from "../../report/types";

/** The timeline and the engine steps it reuses load with the first report that holds a certificate, not with the page. */
const TimelineView = lazy(() => import("./TimelineView").then((m) => ({ default: m.TimelineView })));

export function Timeline({ report }: { readonly report: Report }) {
  if (report.certificates.length === 0) return null;
  return (
    <Suspense fallback={null}>
      <TimelineView report={report} />
    </Suspense>
  );
}
