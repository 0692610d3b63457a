import type { CertificateDescription } from "../whatif/edits";

/**
 * What the admin asks the planner: the certificate being replaced, by its
 * thumbprint (one .pfx imported on several servers has the same thumbprint on
 * each), and its successor, decoded from PEM or described. Plain data, so it
 * can travel in share links next to the what-if edits.
 */
export interface RenewalRequest {
  readonly old: string;
  readonly successor: CertificateDescription;
}
