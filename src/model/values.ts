/**
 * A date read from console output. Consoles print dates in the session culture,
 * so `12/02/2018` can be 12 Feb or 2 Dec. When the paste does not decide, every
 * reading is kept and `iso` is null (the report must then say so).
 */
export interface DateValue {
  /** Text as pasted (trimmed). */
  readonly raw: string;
  /** ISO 8601 UTC when exactly one reading survives, else null. */
  readonly iso: string | null;
  /** Every plausible reading, ISO 8601 UTC; empty when the text is not a date. */
  readonly readings: readonly string[];
  /** Why this reading was chosen or why several remain (shown to the user). */
  readonly note?: string;
}

/** Exchange `AllowedServices` names as Get-ExchangeCertificate prints them. */
export type ExchangeService = "IMAP" | "POP" | "UM" | "IIS" | "SMTP" | "Federation" | "UMCallRouter";

export const EXCHANGE_SERVICES: readonly ExchangeService[] = [
  "IMAP",
  "POP",
  "UM",
  "IIS",
  "SMTP",
  "Federation",
  "UMCallRouter",
];
