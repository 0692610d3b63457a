import type { ParameterValue, PlannedCmdlet, PlannedCommand } from "../../model/planned";
import type { SourceSpan } from "../../model/source";
import { shortServer } from "../prompt";

const PLANNED: readonly PlannedCmdlet[] = [
  "Set-ReceiveConnector",
  "Set-SendConnector",
  "Set-HybridConfiguration",
  "Enable-ExchangeCertificate",
];

export function plannedCmdletOf(word: string): PlannedCmdlet | undefined {
  return PLANNED.find((c) => c.toLowerCase() === word.toLowerCase());
}

type Token = { kind: "param"; name: string; inline?: string } | { kind: "value"; value: ParameterValue; text: string };

const OPEN_QUOTES: Readonly<Record<string, "'" | '"' | "typographic">> = {
  "'": "'",
  '"': '"',
  "‘": "typographic",
  "’": "typographic",
  "‚": "typographic",
  "“": "typographic",
  "”": "typographic",
  "„": "typographic",
};
const SINGLE_FAMILY = new Set(["'", "‘", "’", "‚"]);
const DOUBLE_FAMILY = new Set(['"', "“", "”", "„"]);

/**
 * Reads a pasted `Set-ReceiveConnector …` / `Enable-ExchangeCertificate …`
 * command the way PowerShell binds it, so it can be checked before it runs.
 * PowerShell accepts typographic quotes as string delimiters; they are kept
 * as a fact because other shells and scripts break on them.
 */
export function readPlannedCommand(
  cmdlet: PlannedCmdlet,
  commandText: string,
  source: SourceSpan,
): { command: PlannedCommand; leftover: string | undefined } {
  const joined = commandText.replace(/`\s*\n\s*/g, " ");
  const body = joined.trim().slice(cmdlet.length);
  const { tokens, rest } = tokenize(body);
  const parameters: Record<string, ParameterValue> = {};
  let identity: string | undefined;
  const truncated: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t) continue;
    if (t.kind === "value") {
      if (identity === undefined && t.value.type === "string") identity = t.value.value;
      continue;
    }
    const next = tokens[i + 1];
    let value: ParameterValue;
    if (t.inline !== undefined) value = scalar(t.inline);
    else if (next?.kind === "value") {
      value = next.value;
      i++;
    } else value = { type: "switch" };
    if (value.type === "string" && /(\.\.\.|…)$/.test(value.value)) truncated.push(t.name);
    parameters[t.name] = value;
  }
  const idParam = lookup(parameters, "Identity");
  if (idParam?.type === "string") identity = idParam.value;
  const serverParam = lookup(parameters, "Server");
  const idServer = identity?.includes("\\") ? identity.split("\\")[0] : undefined;
  const server =
    serverParam?.type === "string" ? shortServer(serverParam.value) : idServer ? shortServer(idServer) : undefined;
  return {
    command: {
      kind: "planned-command",
      cmdlet,
      identity,
      server,
      parameters,
      raw: joined.trim(),
      truncated,
      source,
    },
    leftover: rest.trim() === "" ? undefined : rest.trim(),
  };
}

export function lookup(parameters: Readonly<Record<string, ParameterValue>>, name: string): ParameterValue | undefined {
  const key = Object.keys(parameters).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : parameters[key];
}

/** Splits on whitespace outside quotes; stops at a pipe or `;` (what follows is another command). */
function tokenize(body: string): { tokens: Token[]; rest: string } {
  const tokens: Token[] = [];
  let i = 0;
  while (i < body.length) {
    const c = body.charAt(i);
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === "|" || c === ";") return { tokens, rest: body.slice(i) };
    if (c === "-" && /[A-Za-z]/.test(body.charAt(i + 1))) {
      const m = /^-([A-Za-z][A-Za-z0-9]*)(:?)/.exec(body.slice(i));
      const name = m?.[1] ?? "";
      i += (m?.[0] ?? "-").length;
      if (m?.[2] === ":") {
        const { text, end } = readWord(body, i);
        tokens.push({ kind: "param", name, inline: text });
        i = end;
      } else tokens.push({ kind: "param", name });
      continue;
    }
    const { text, end } = readWord(body, i);
    tokens.push({ kind: "value", value: listOrScalar(text), text });
    i = end;
  }
  return { tokens, rest: "" };
}

/** One argument: quoted strings (any quote family), or bare text up to whitespace, joined by commas into lists. */
function readWord(body: string, start: number): { text: string; end: number } {
  let i = start;
  let out = "";
  while (i < body.length) {
    const c = body.charAt(i);
    const q = OPEN_QUOTES[c];
    if (q) {
      const family = SINGLE_FAMILY.has(c) ? SINGLE_FAMILY : DOUBLE_FAMILY;
      let j = i + 1;
      while (j < body.length) {
        const d = body.charAt(j);
        if (family.has(d)) {
          if (family === SINGLE_FAMILY && body.charAt(j + 1) === "'" && d === "'") {
            j += 2;
            continue;
          }
          break;
        }
        j++;
      }
      out += body.slice(i, Math.min(j + 1, body.length));
      i = j + 1;
      continue;
    }
    if (/\s/.test(c)) {
      if (out.endsWith(",")) {
        i++;
        continue;
      }
      if (body.charAt(i + 1) === "," || /^\s*,/.test(body.slice(i))) {
        const m = /^\s*,\s*/.exec(body.slice(i));
        out += ",";
        i += m?.[0].length ?? 1;
        continue;
      }
      break;
    }
    if (c === "|" || c === ";") break;
    out += c;
    i++;
  }
  return { text: out, end: i };
}

function listOrScalar(text: string): ParameterValue {
  const parts = splitTopLevelCommas(text);
  if (parts.length > 1) {
    const values = parts.map((p) => unquote(p).value);
    return { type: "list", values };
  }
  return scalar(text);
}

function scalar(text: string): ParameterValue {
  const lower = text.toLowerCase();
  if (lower === "$null") return { type: "null" };
  if (lower === "$true") return { type: "boolean", value: true };
  if (lower === "$false") return { type: "boolean", value: false };
  if (text.startsWith("$")) return { type: "expression", text };
  const u = unquote(text);
  if (u.quote === '"' && /\$[({A-Za-z]/.test(u.value)) return { type: "expression", text };
  return { type: "string", value: u.value, quote: u.quote };
}

function unquote(text: string): { value: string; quote: "'" | '"' | "typographic" | "none" } {
  const first = text.charAt(0);
  const q = OPEN_QUOTES[first];
  if (!q || text.length < 2) return { value: text, quote: "none" };
  const inner = text.slice(1, -1);
  return { value: q === "'" ? inner.replace(/''/g, "'") : inner, quote: q };
}

function splitTopLevelCommas(text: string): string[] {
  const out: string[] = [];
  let depth: string | undefined;
  let cur = "";
  for (const c of text) {
    if (depth) {
      cur += c;
      if ((SINGLE_FAMILY.has(depth) && SINGLE_FAMILY.has(c)) || (DOUBLE_FAMILY.has(depth) && DOUBLE_FAMILY.has(c)))
        depth = undefined;
      continue;
    }
    if (OPEN_QUOTES[c]) {
      depth = c;
      cur += c;
      continue;
    }
    if (c === ",") {
      out.push(cur);
      cur = "";
      continue;
    }
    cur += c;
  }
  out.push(cur);
  return out.filter((p) => p !== "");
}
