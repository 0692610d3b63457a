import type { ReportCertificate } from "../../report/types";

export interface Candidate {
  /** The thumbprint, or `#n` for a certificate pasted without one. */
  readonly key: string;
  /** The subject the report lists for that certificate on the connector's server; null when it lists none. */
  readonly subject: string | null;
}

/** Names a trace's candidate by the certificate the report lists on the same server with that thumbprint. */
export function candidate(key: string, server: string | null, certificates: readonly ReportCertificate[]): Candidate {
  const certificate = certificates.find((c) => c.thumbprint === key && c.server === server);
  return { key, subject: certificate?.subject ?? null };
}
