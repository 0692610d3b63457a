/** `certflow analyze [--json | --markdown] [--as-of YYYY-MM-DD] [--server NAME] FILE... | -` */
export interface CliArgs {
  readonly format: "text" | "json" | "markdown";
  readonly asOf: string | undefined;
  readonly server: string | undefined;
  readonly files: readonly string[];
}

export const USAGE = "usage: certflow analyze [--json | --markdown] [--as-of YYYY-MM-DD] [--server NAME] FILE... | -";

export function parseArgs(argv: readonly string[]): { ok: true; args: CliArgs } | { ok: false; message: string } {
  const [command, ...rest] = argv;
  if (command !== "analyze")
    return { ok: false, message: command === undefined ? USAGE : `unknown command '${command}'; ${USAGE}` };
  let format: CliArgs["format"] = "text";
  let asOf: string | undefined;
  let server: string | undefined;
  const files: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] ?? "";
    const [flag, inline] =
      arg.startsWith("--") && arg.includes("=")
        ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]
        : [arg, undefined];
    const value = (): string | undefined => inline ?? rest[++i];
    switch (flag) {
      case "--json":
      case "--markdown": {
        const wanted = flag === "--json" ? "json" : "markdown";
        if (format !== "text" && format !== wanted)
          return { ok: false, message: "--json and --markdown cannot be combined" };
        format = wanted;
        break;
      }
      case "--as-of": {
        const v = value();
        if (!v || !isIsoDate(v)) return { ok: false, message: `--as-of needs a date as YYYY-MM-DD (got '${v ?? ""}')` };
        asOf = v;
        break;
      }
      case "--server": {
        const v = value();
        if (!v || v.startsWith("--")) return { ok: false, message: "--server needs a server name" };
        server = v;
        break;
      }
      default:
        if (flag.startsWith("--")) return { ok: false, message: `unknown option '${flag}'; ${USAGE}` };
        files.push(arg);
    }
  }
  if (files.length === 0) return { ok: false, message: `no input: name FILE(s), or - for standard input; ${USAGE}` };
  return { ok: true, args: { format, asOf, server, files } };
}

function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}
