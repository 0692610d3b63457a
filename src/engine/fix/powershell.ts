import { memoiseByObject } from "../../model/memo";
import type { FixArgument, FixCommand, PipedCommand } from "./command";

/**
 * The one renderer from fix data to PowerShell. Strings become single-quoted
 * literals with every single-quote character doubled — PowerShell treats the
 * typographic ‘ ’ ‚ ‛ as quotes too — so `$(…)`, backticks and `"` stay
 * inert. Control characters cannot be typed inside a literal safely, so they
 * are spliced in as `[char]N`.
 */
/** Rendered once per command: the fix plan and the report's findings both show every command of every finding. */
export const renderPowerShell: (command: FixCommand) => string = memoiseByObject(render);

function render(command: FixCommand): string {
  const text = invocation(command);
  const { pipeTo } = command;
  const piped = pipeTo === undefined ? text : `${text} | ${typeof pipeTo === "string" ? pipeTo : invocation(pipeTo)}`;
  return command.assignTo === undefined ? piped : `${variableName(command.assignTo)} = ${piped}`;
}

/** The cmdlet with its identity and parameters. */
function invocation(command: PipedCommand): string {
  const parts: string[] = [command.cmdlet];
  if (command.identity !== undefined) parts.push(literal(command.identity));
  for (const [name, value] of command.parameters) {
    if (!/^[A-Za-z][A-Za-z0-9]*$/.test(name)) throw new Error(`invalid parameter name ${name}`);
    parts.push(argument(name, value));
  }
  return parts.join(" ");
}

/** `$Name = 'text'`: a value the admin fills in or checks, on a line of its own. */
export function renderAssignment(name: string, value: string): string {
  return `${variableName(name)} = ${literal(value)}`;
}

function propertyName(name: string): string {
  if (!/^[A-Za-z][A-Za-z0-9]*$/.test(name)) throw new Error(`invalid property name ${name}`);
  return name;
}

function variableName(name: string): string {
  if (!/^[A-Za-z][A-Za-z0-9]*$/.test(name)) throw new Error(`invalid variable name ${name}`);
  return `$${name}`;
}

function argument(name: string, value: FixArgument): string {
  switch (value.kind) {
    case "switch":
      return `-${name}`;
    case "boolean":
      return `-${name}:$${value.value ? "true" : "false"}`;
    case "null":
      return `-${name} $null`;
    case "integer":
      if (!Number.isSafeInteger(value.value) || value.value < 0)
        throw new Error("an integer must be whole and positive");
      return `-${name} ${value.value}`;
    case "thumbprint":
      if (!/^[0-9A-F]{40}$/.test(value.value)) throw new Error("a thumbprint must be 40 upper-case hex digits");
      return `-${name} ${value.value}`;
    case "names":
      if (value.values.length === 0 || !value.values.every((v) => /^[A-Za-z][A-Za-z0-9]*$/.test(v)))
        throw new Error("enum names must be letters and digits");
      return `-${name} ${value.values.join(",")}`;
    case "string":
      return `-${name} ${literal(value.value)}`;
    case "strings":
      if (value.values.length === 0) throw new Error("a list needs at least one value");
      return `-${name} ${value.values.map(literal).join(",")}`;
    case "variable":
      return `-${name} ${variableName(value.name)}${value.property === undefined ? "" : `.${propertyName(value.property)}`}`;
    case "file-bytes":
      return `-${name} ([System.IO.File]::ReadAllBytes(${variableName(value.variable)}))`;
  }
}

const QUOTES = /['‘’‚‛]/g;
/** C0 controls, DEL, NEL and the Unicode line/paragraph separators: they end or alter a console line. */
function isControl(ch: string): boolean {
  return isControlCode(ch.codePointAt(0) ?? 0);
}

function isControlCode(c: number): boolean {
  return c < 0x20 || c === 0x7f || c === 0x85 || c === 0x2028 || c === 0x2029;
}

/**
 * `isControl` for any character of `text`, read by code unit: every control is a single code unit, and no half of
 * a surrogate pair is one, so nothing is split into characters for the usual text without any.
 */
function hasControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isControlCode(text.charCodeAt(i))) return true;
  return false;
}

/** A PowerShell expression whose value is exactly `text`. */
export function literal(text: string): string {
  if (!hasControl(text)) return `'${text.replace(QUOTES, "$&$&")}'`;
  const pieces: string[] = [];
  let run = "";
  for (const ch of text) {
    if (isControl(ch)) {
      if (run) pieces.push(`'${run.replace(QUOTES, "$&$&")}'`);
      run = "";
      pieces.push(`[char]${ch.codePointAt(0)}`);
    } else run += ch;
  }
  if (run) pieces.push(`'${run.replace(QUOTES, "$&$&")}'`);
  return `(${pieces.join(" + ")})`;
}

/** `# text` on one line: pasted text in a comment must not end the line and start a command. */
export function renderComment(text: string): string {
  return `# ${[...text].map((ch) => (isControl(ch) ? " " : ch)).join("")}`;
}
