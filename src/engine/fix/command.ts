/**
 * Fixes are data: a cmdlet from a fixed list and typed arguments. Only
 * `renderPowerShell` turns them into text, so pasted subjects and names can
 * never become code in a "copy" button.
 */
export type FixCmdlet =
  | "Enable-ExchangeCertificate"
  | "Set-ReceiveConnector"
  | "Set-SendConnector"
  | "Set-HybridConfiguration"
  | "Get-ExchangeCertificate"
  | "Get-ReceiveConnector"
  | "Get-SendConnector"
  | "Get-TransportService"
  | "Get-HybridConfiguration"
  | "Get-ExchangeServer"
  | "Import-ExchangeCertificate"
  | "Remove-ExchangeCertificate"
  | "New-ExchangeCertificate"
  | "Restart-Service"
  | "Get-Service"
  | "New-EdgeSubscription"
  | "Start-EdgeSynchronization"
  | "Get-EdgeSubscription"
  | "Export-ExchangeCertificate"
  | "Set-InboundConnector"
  | "Set-OutboundConnector"
  | "Test-Certificate"
  | "Read-Host";

export type FixArgument =
  | { readonly kind: "string"; readonly value: string }
  /** `'a','b'`: a list for a multi-valued parameter such as -DomainName. */
  | { readonly kind: "strings"; readonly values: readonly string[] }
  /** 40 hex digits; anything else is refused by the renderer. */
  | { readonly kind: "thumbprint"; readonly value: string }
  | { readonly kind: "null" }
  | { readonly kind: "boolean"; readonly value: boolean }
  /** A whole number such as a key size; anything else is refused by the renderer. */
  | { readonly kind: "integer"; readonly value: number }
  | { readonly kind: "switch" }
  /** Enum names such as `SMTP,IIS`: letters only. */
  | { readonly kind: "names"; readonly values: readonly string[] }
  /**
   * `$Name`: a value the admin defines in a line of their own (a file path, a password, a thumbprint), or
   * `$Name.Property` of an earlier command's output.
   */
  | { readonly kind: "variable"; readonly name: string; readonly property?: string }
  /** `([System.IO.File]::ReadAllBytes($Name))`: the bytes of the file whose path the variable holds. */
  | { readonly kind: "file-bytes"; readonly variable: string };

export interface FixCommand {
  readonly cmdlet: FixCmdlet;
  /** Positional identity (connector identity, service name, certificate path). */
  readonly identity?: string;
  readonly parameters: readonly (readonly [name: string, value: FixArgument])[];
  /**
   * Piped after the command: `Format-List` or `Test-Certificate` (fixed text, never pasted data), or a cmdlet that
   * takes the output, such as a certificate into New-ExchangeCertificate to renew it.
   */
  readonly pipeTo?: "Format-List" | "Test-Certificate" | PipedCommand;
  /** `$Name = …`: the command's output goes into a variable later commands use. */
  readonly assignTo?: string;
}

/** A command that takes the one before it from the pipeline: its output is the whole line's, so it assigns nothing. */
export type PipedCommand = Omit<FixCommand, "assignTo" | "pipeTo">;

export function str(value: string): FixArgument {
  return { kind: "string", value };
}
export function strs(values: readonly string[]): FixArgument {
  return { kind: "strings", values };
}
export function thumb(value: string): FixArgument {
  return { kind: "thumbprint", value };
}
export const NULL: FixArgument = { kind: "null" };
export const SWITCH: FixArgument = { kind: "switch" };
export function bool(value: boolean): FixArgument {
  return { kind: "boolean", value };
}
export function integer(value: number): FixArgument {
  return { kind: "integer", value };
}
export function names(...values: string[]): FixArgument {
  return { kind: "names", values };
}
export function variable(name: string, property?: string): FixArgument {
  return property === undefined ? { kind: "variable", name } : { kind: "variable", name, property };
}
export function fileBytes(variableName: string): FixArgument {
  return { kind: "file-bytes", variable: variableName };
}
