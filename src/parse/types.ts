import type { Inventory } from "../model/inventory";

export type CmdletName =
  | "Get-ExchangeCertificate"
  | "Get-ReceiveConnector"
  | "Get-SendConnector"
  | "Get-HybridConfiguration"
  | "Get-TransportService"
  | "Get-ExchangeServer"
  | "Get-InboundConnector"
  | "Get-OutboundConnector"
  | "Set-ReceiveConnector"
  | "Set-SendConnector"
  | "Set-HybridConfiguration"
  | "Enable-ExchangeCertificate";

export type BlockFormat =
  | "list"
  | "table"
  | "json"
  | "csv"
  | "command"
  | "pem"
  | "event"
  | "transcript"
  | "smtp-log"
  | "message";

/** A run of pasted lines read as one thing. */
export interface Block {
  readonly cmdlet: CmdletName | null;
  readonly format: BlockFormat;
  readonly startLine: number;
  readonly endLine: number;
  readonly records: number;
  /** Server the block was attributed to, and how. */
  readonly server: string | undefined;
  readonly serverFrom: "command" | "identity" | "property" | "option" | "only-server" | undefined;
}

/** Lines (or a fragment of a line) certflow did not understand. */
export interface Unrecognized {
  readonly startLine: number;
  readonly endLine: number;
  readonly reason: string;
  /** Set when only part of a line was not understood (the rest belongs to a block). */
  readonly fragment?: string;
}

/** A place where the paste can be read two ways (dates, cut values …). */
export interface Ambiguity {
  readonly line: number;
  readonly what: string;
  readonly readings: readonly string[];
}

export interface ParseOptions {
  /** Server name for blocks that do not reveal one (`--server`). */
  readonly server?: string;
}

export interface ParseResult {
  readonly lineCount: number;
  readonly blocks: readonly Block[];
  readonly unrecognized: readonly Unrecognized[];
  readonly ambiguities: readonly Ambiguity[];
  readonly inventory: Inventory;
}
