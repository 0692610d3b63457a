import type { SourceSpan } from "./source";

export type PlannedCmdlet =
  | "Set-ReceiveConnector"
  | "Set-SendConnector"
  | "Set-HybridConfiguration"
  | "Enable-ExchangeCertificate";

/** A parameter value of a pasted command: a string, `$true`/`$false`, `$null`, or a switch. */
export type ParameterValue =
  | { readonly type: "string"; readonly value: string; readonly quote: "'" | '"' | "typographic" | "none" }
  | { readonly type: "boolean"; readonly value: boolean }
  | { readonly type: "null" }
  | { readonly type: "switch" }
  | { readonly type: "list"; readonly values: readonly string[] }
  /** A variable or a double-quoted string with `$(…)`: its value is only known at run time. */
  | { readonly type: "expression"; readonly text: string };

/**
 * A command pasted as text so it can be checked before it is run
 * (`Set-ReceiveConnector … -TlsCertificateName "…"`). Parameter names are
 * kept as typed; look them up case-insensitively.
 */
export interface PlannedCommand {
  readonly kind: "planned-command";
  readonly cmdlet: PlannedCmdlet;
  /** Positional identity or `-Identity`; undefined when absent. */
  readonly identity: string | undefined;
  readonly server: string | undefined;
  readonly parameters: Readonly<Record<string, ParameterValue>>;
  readonly raw: string;
  readonly truncated: readonly string[];
  readonly source: SourceSpan;
}
