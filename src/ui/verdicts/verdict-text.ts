import type { ReportCertificate, ReportSelection } from "../../report/types";

/**
 * The selection's outcome in words. It restates the report; it decides nothing. The subject comes from the
 * certificate the report lists under the same server and thumbprint, when there is one.
 */
export function verdictText(selection: ReportSelection, certificates: readonly ReportCertificate[]): string {
  if (selection.certificate === null) {
    return selection.starttls
      ? "offers STARTTLS, but the paste does not show with which certificate"
      : "offers no STARTTLS";
  }
  const thumbprint = selection.certificate;
  const certificate = certificates.find((c) => c.thumbprint === thumbprint && c.server === selection.server);
  const subject = certificate?.subject ?? null;
  const what = subject === null ? `certificate ${thumbprint}` : `${subject} (thumbprint ${thumbprint})`;
  return `presents ${what} via ${selection.via}`;
}
