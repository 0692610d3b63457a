import type { Line } from "../lines";

/**
 * A property value as a generic reader found it, before any cmdlet gives it
 * meaning. Text readers (list, table, CSV) produce `text`; the JSON reader
 * produces `json` so numbers, booleans and arrays keep their type.
 */
export type RawValue =
  | {
      readonly kind: "text";
      /** Value text with wrapped continuation lines joined; trailing spaces removed. */
      readonly text: string;
      /** The value was cut (ends in `...`/`…`, or at the console width). */
      readonly truncated: boolean;
      readonly startLine: number;
      readonly endLine: number;
    }
  | {
      readonly kind: "json";
      readonly value: unknown;
      readonly truncated: false;
      readonly startLine: number;
      readonly endLine: number;
    };

/** One object's properties, in the order printed. Keys are kept as printed. */
export interface RawRecord {
  readonly fields: ReadonlyMap<string, RawValue>;
  readonly startLine: number;
  readonly endLine: number;
}

/** Part of a line a reader could not place (e.g. `<== note` after a table value). */
export interface Leftover {
  readonly line: number;
  readonly text: string;
  readonly reason: string;
}

/**
 * What every generic reader returns. Readers never throw: a line they cannot
 * place goes to `unread` (whole lines) or `leftovers` (fragments of lines).
 */
export interface ReadResult {
  readonly records: readonly RawRecord[];
  readonly unread: readonly Line[];
  readonly leftovers: readonly Leftover[];
}
