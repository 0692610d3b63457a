import type { SourceSpan } from "./source";

/**
 * Something pasted that shows what happened rather than how things are
 * configured: an event, an NDR or queue error, a STARTTLS transcript, a
 * protocol log, a wizard or cmdlet error. Parsers fill `facts` with what they
 * could read; rules explain it and link it to findings.
 */
export type EvidenceKind =
  | "event"
  | "ndr"
  | "queue"
  | "transcript"
  | "smtp-log"
  | "hcw-error"
  | "cmdlet-error"
  | "chain-test"
  | "healthchecker";

export interface EvidenceFacts {
  /** Connector named in the text (event 12014, protocol log connector-id …). */
  readonly connector?: string;
  readonly server?: string;
  /** The name Exchange looked for (12014 "domain name"), may be an `<I>…<S>…` value. */
  readonly lookedFor?: string;
  readonly fqdn?: string;
  /** `true` when the EHLO list shows STARTTLS, `false` when an EHLO list is shown without it. */
  readonly starttlsOffered?: boolean;
  readonly anonymousTlsOffered?: boolean;
  readonly port?: number;
  readonly presentedSubject?: string;
  readonly presentedIssuer?: string;
  readonly presentedThumbprint?: string;
  readonly expectedSubject?: string;
  readonly presentedDomains?: readonly string[];
  readonly chainStatus?: readonly string[];
  readonly tlsError?: string;
  readonly attribute?: string;
  readonly length?: number;
  readonly verifyError?: string;
  readonly eventSource?: string;
  /** Text fields the paste lost (placeholders stripped, masked values). */
  readonly missing?: readonly string[];
}

export interface Evidence {
  readonly kind: "evidence";
  readonly type: EvidenceKind;
  /** Event id ("12014"), SMTP code ("451 5.7.3"), error name ("UnknownCredentials") … */
  readonly code: string | undefined;
  /** The key line(s) as pasted, for display. */
  readonly text: string;
  readonly facts: EvidenceFacts;
  readonly source: SourceSpan;
}
