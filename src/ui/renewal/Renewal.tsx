import { lazy, Suspense } from "react";
import { isThumbprint } from "../../model/thumbprint";
import type { Report } from "../../report/types";

/** The planner's form and view load with the first report that holds a whole thumbprint, not with the page. */
const RenewalView = lazy(() => import("./RenewalView").then((m) => ({ default: m.RenewalView })));

export function Renewal({ report }: { readonly report: Report }) {
  if (!report.certificates.some((c) => c.thumbprint !== null && isThumbprint(c.thumbprint))) return null;
  return (
    <Suspense fallback={null}>
      <RenewalView report={report} />
    </Suspense>
  );
}
