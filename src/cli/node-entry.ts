import { readFile } from "node:fs/promises";
import { decodeTextFile } from "../text-file";
import { main } from "./main";

// The CLI promises never to show a stack trace: anything unexpected becomes one line and exit code 2.
function die(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`certflow: internal error: ${message.split("\n")[0] ?? ""}\n`);
  process.exit(2);
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  return asText(Buffer.concat(chunks));
}

/** Saved console output in whatever encoding PowerShell wrote it; binary bytes still read leniently, as not understood lines. */
function asText(bytes: Buffer): string {
  const decoded = decodeTextFile(bytes);
  return decoded.ok ? decoded.text : bytes.toString("utf8");
}

// A reader that closed the pipe early (`| head`) is not an error worth a message.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  die(error);
});
process.on("uncaughtException", die);
process.on("unhandledRejection", die);

try {
  process.exitCode = await main(process.argv.slice(2), {
    stdout: (s) => {
      process.stdout.write(s);
    },
    stderr: (s) => {
      process.stderr.write(s);
    },
    stdin: readStdin,
    readFile: async (path) => asText(await readFile(path)),
  });
} catch (error) {
  die(error);
}
