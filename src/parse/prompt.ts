import type { CmdletName } from "./types";

/**
 * Console prompts and command echoes that admins paste along with the output.
 * `[PS] C:\Windows\system32>Get-ExchangeCertificate | fl` → the command text;
 * a bare command line (`Get-HybridConfiguration`) counts as an echo too.
 */
const PROMPT = /^\s*(?:\[PS\]\s*|PS\s+)?[A-Za-z]:\\[^>]*>\s?(.*)$/;
const PS_PROMPT = /^\s*(?:\[PS\]|PS)\s+[^>]*>\s?(.*)$/;

export interface PromptLine {
  /** The command typed after the prompt, trimmed; "" for a bare prompt. */
  readonly command: string;
}

export function readPrompt(text: string): PromptLine | undefined {
  // Both forms hold a `>`; most lines of a paste have none, and are answered without the patterns.
  if (!text.includes(">")) return undefined;
  const m = PS_PROMPT.exec(text) ?? PROMPT.exec(text);
  if (!m) return undefined;
  return { command: (m[1] ?? "").trim() };
}

const KNOWN: readonly CmdletName[] = [
  "Get-ExchangeCertificate",
  "Get-ReceiveConnector",
  "Get-SendConnector",
  "Get-HybridConfiguration",
  "Get-TransportService",
  "Get-ExchangeServer",
  "Get-InboundConnector",
  "Get-OutboundConnector",
  "Set-ReceiveConnector",
  "Set-SendConnector",
  "Set-HybridConfiguration",
  "Enable-ExchangeCertificate",
];

/** Older names print the same objects (Exchange 2010 Get-TransportServer). */
const ALIASES: Readonly<Record<string, CmdletName>> = {
  "get-transportserver": "Get-TransportService",
  "get-frontendtransportservice": "Get-TransportService",
};

export interface CommandEcho {
  readonly cmdlet: CmdletName | undefined;
  /** The first command word as typed (for messages about commands certflow does not read). */
  readonly verbNoun: string;
  readonly server: string | undefined;
  readonly text: string;
}

const VERB_NOUN = /^([A-Za-z]+-[A-Za-z0-9]+)\b/;

/** Reads a command line; undefined when it does not start with a Verb-Noun word. */
export function readCommandEcho(command: string): CommandEcho | undefined {
  const text = command.trim();
  const m = VERB_NOUN.exec(text);
  if (!m?.[1]) return undefined;
  const word = m[1];
  const lower = word.toLowerCase();
  const cmdlet = KNOWN.find((c) => c.toLowerCase() === lower) ?? ALIASES[lower];
  return { cmdlet, verbNoun: word, server: serverArgument(text, cmdlet), text };
}

/** `-Server EX01`, or the positional identity of cmdlets whose identity is a server. */
function serverArgument(text: string, cmdlet: CmdletName | undefined): string | undefined {
  const firstStage = text.split("|")[0] ?? text;
  const named = /\s-Server[:\s]\s*['"]?([^\s'"|]+)/i.exec(firstStage);
  if (named?.[1]) return shortServer(named[1]);
  if (cmdlet === "Get-TransportService" || cmdlet === "Get-ExchangeServer") {
    const positional = /^\S+\s+(?:-Identity[:\s]\s*)?['"]?([A-Za-z0-9][A-Za-z0-9.-]*)['"]?(?:\s|$)/i.exec(firstStage);
    if (positional?.[1] && !positional[1].startsWith("-")) return shortServer(positional[1]);
  }
  if (cmdlet === "Get-ReceiveConnector") {
    const id = /^\S+\s+(?:-Identity[:\s]\s*)?['"]?([A-Za-z0-9][A-Za-z0-9.-]*)\\/i.exec(firstStage);
    if (id?.[1]) return shortServer(id[1]);
  }
  return undefined;
}

/** Server names are compared by their first label: EX01 = ex01.contoso.com. */
export function shortServer(name: string): string {
  // One quote taken off each end, then the text up to the first dot: asked of every connector and service read.
  const trimmed = name.trim();
  let start = 0;
  let end = trimmed.length;
  if (end > 0 && isQuote(trimmed.charCodeAt(0))) start = 1;
  if (end > start && isQuote(trimmed.charCodeAt(end - 1))) end -= 1;
  const dot = trimmed.indexOf(".", start);
  return trimmed.slice(start, dot >= 0 && dot < end ? dot : end);
}

function isQuote(code: number): boolean {
  return code === 39 || code === 34;
}
