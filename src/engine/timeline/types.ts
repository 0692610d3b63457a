/** Where a certificate stands on the as-of date; "undated" when the paste gives no readable NotAfter or NotBefore. */
export type ValidityState = "valid" | "expired" | "not-yet-valid" | "undated";

/** One certificate on one server: a row of the timeline. */
export interface TimelineRow {
  /** Server and candidate key (thumbprint, or `#n` for a certificate pasted without one). */
  readonly key: string;
  readonly server: string | null;
  readonly thumbprint: string | null;
  /** Subject CN, else the subject, else the candidate key. */
  readonly name: string;
  /** ISO 8601 instants as the report holds them. */
  readonly notBefore: string | null;
  readonly notAfter: string | null;
  readonly state: ValidityState;
  /** Connectors that present it on the as-of date. */
  readonly presentedBy: readonly string[];
  /** It is its server's internal transport certificate (X-ANONYMOUSTLS). */
  readonly internalTransport: boolean;
  readonly lines: readonly [number, number];
}

/**
 * - `presents-expired`: a connector's certificate expires and Exchange keeps presenting it;
 * - `switches`: it expires and Exchange then prefers another certificate;
 * - `internal-expired`: a server's internal transport certificate expires;
 * - `becomes-valid`: a certificate's NotBefore is after the as-of date.
 */
export type TimelineEventKind = "presents-expired" | "switches" | "internal-expired" | "becomes-valid";

/** A date on which what certflow says about a connector or a server changes. */
export interface TimelineEvent {
  /** ISO 8601 instant: the NotAfter or NotBefore that causes the change. */
  readonly date: string;
  readonly kind: TimelineEventKind;
  /** The date is before the as-of date: the change has already happened. */
  readonly past: boolean;
  readonly server: string | null;
  readonly connector: string | null;
  readonly direction: "inbound" | "outbound" | null;
  /** Row of the certificate whose date it is. */
  readonly row: string;
  /** For `switches`: row of the certificate presented from then on. */
  readonly next: string | null;
  /** Windows event Exchange logs from then on, if any. */
  readonly eventId: 12015 | 12016 | null;
  readonly message: string;
}

export interface Timeline {
  /** The as-of date as an instant (midnight UTC). */
  readonly asOf: string;
  /** The axis: earliest NotBefore to latest NotAfter, the as-of date included. */
  readonly start: string;
  readonly end: string;
  /** Grouped by server in the report's order, each server's certificates by NotAfter. */
  readonly rows: readonly TimelineRow[];
  /** By date. */
  readonly events: readonly TimelineEvent[];
}
