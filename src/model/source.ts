/**
 * Where a model object came from in the paste, so every finding can show the
 * lines it rests on. Lines are 1-based and count every line of the whole paste
 * (after CRLF/CR were folded to LF), blank ones included.
 */
export interface SourceSpan {
  /** Index into `ParseResult.blocks`. */
  readonly block: number;
  readonly startLine: number;
  readonly endLine: number;
}
