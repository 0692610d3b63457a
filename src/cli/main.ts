import { analyze } from "../analyze";
import { renderMarkdown } from "../report/markdown";
import { renderText } from "../report/text";
import { parseArgs } from "./args";
import { printable } from "./printable";

export interface CliIo {
  readonly stdout: (s: string) => void;
  readonly stderr: (s: string) => void;
  readonly stdin: () => Promise<string>;
  readonly readFile: (path: string) => Promise<string>;
}

/**
 * `certflow analyze`: exit 0 without error findings, 1 with at least one,
 * 2 for usage or file errors (one line on stderr, never a stack trace).
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    io.stderr(`certflow: ${printable(parsed.message)}\n`);
    return 2;
  }
  const { args } = parsed;
  const parts: string[] = [];
  for (const file of args.files) {
    try {
      parts.push(file === "-" ? await io.stdin() : await io.readFile(file));
    } catch (e) {
      io.stderr(
        `certflow: ${printable(`cannot read ${file === "-" ? "standard input" : `'${file}'`}: ${reason(e)}`)}\n`,
      );
      return 2;
    }
  }
  const report = await analyze(parts.join("\n\n"), {
    ...(args.asOf ? { asOf: args.asOf } : {}),
    ...(args.server ? { server: args.server } : {}),
  });
  const out =
    args.format === "json"
      ? `${JSON.stringify(report, null, 2)}\n`
      : args.format === "markdown"
        ? renderMarkdown(report)
        : renderText(report);
  io.stdout(out);
  return report.findings.some((f) => f.severity === "error") ? 1 : 0;
}

function reason(e: unknown): string {
  if (e && typeof e === "object" && "code" in e && typeof e.code === "string") {
    const code = e.code;
    if (code === "ENOENT") return "no such file";
    if (code === "EISDIR") return "it is a folder";
    if (code === "EACCES") return "permission denied";
    return code;
  }
  return e instanceof Error ? (e.message.split("\n")[0] ?? "unknown error") : "unknown error";
}
