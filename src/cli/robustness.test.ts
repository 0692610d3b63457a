import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

/**
 * The built CLI (`npm run build:cli`; `npm ci` builds it too) as a user runs it, on input nobody should give it:
 * every run ends in a report (exit 0 or 1) or in one line on standard error with exit 2 — never a stack trace.
 */

const BIN = new URL("../../bin/certflow.mjs", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "certflow-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Outcome {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function run(args: readonly string[], stdin: Buffer | string = ""): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ["pipe", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    child.on("error", reject);
    child.on("close", (code) =>
      resolve({ code, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8") }),
    );
    child.stdin.on("error", () => undefined);
    child.stdin.end(stdin);
  });
}

/** Deterministic bytes (xorshift), so a failure can be replayed. */
function garbage(size: number, seed = 0x9e3779b9): Buffer {
  const bytes = Buffer.alloc(size);
  let x = seed;
  for (let i = 0; i < size; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    bytes[i] = x & 0xff;
  }
  return bytes;
}

function file(name: string, content: Buffer | string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const STACK_LINE = /^\s{4}at /m;

function expectReport(outcome: Outcome): void {
  expect(outcome.stderr).toBe("");
  expect([0, 1]).toContain(outcome.code);
  expect(outcome.stdout.startsWith("certflow report\n")).toBe(true);
}

function expectOneLineRefusal(outcome: Outcome, message: RegExp): void {
  expect(outcome.code).toBe(2);
  expect(outcome.stdout).toBe("");
  expect(outcome.stderr).not.toMatch(STACK_LINE);
  expect(outcome.stderr.endsWith("\n")).toBe(true);
  expect(outcome.stderr.trimEnd().split("\n")).toHaveLength(1);
  expect(outcome.stderr).toMatch(/^certflow: /);
  expect(outcome.stderr).toMatch(message);
}

describe("the built CLI on hostile input", () => {
  it("reads binary garbage and reports it as not understood", async () => {
    const outcome = await run(["analyze", "--json", file("garbage.bin", garbage(200_000))]);
    expect(outcome.stderr).toBe("");
    expect([0, 1]).toContain(outcome.code);
    const report = JSON.parse(outcome.stdout) as { unrecognized: unknown[] };
    expect(report.unrecognized.length).toBeGreaterThan(0);
  });

  it("reads binary garbage from standard input", async () => {
    expectReport(await run(["analyze", "-"], garbage(50_000, 7)));
  });

  it("reports an empty file as an empty report", async () => {
    const outcome = await run(["analyze", file("empty.txt", "")]);
    expectReport(outcome);
    expect(outcome.code).toBe(0);
  });

  it("refuses a directory in one line", async () => {
    const folder = join(dir, "a folder");
    mkdirSync(folder);
    expectOneLineRefusal(await run(["analyze", folder]), /it is a folder/);
  });

  it("reads a 20 MB file of logs and garbage", async () => {
    const log = readFileSync(
      new URL("../parse/__fixtures__/06-smtpreceive-protocollog-selfsigned-sent.txt", import.meta.url),
    );
    const size = 20 * 1024 * 1024;
    const big = Buffer.alloc(size);
    garbage(2 * 1024 * 1024).copy(big);
    for (let at = 2 * 1024 * 1024; at < size; at += log.length) log.copy(big, at);
    expectReport(await run(["analyze", file("big.log", big)]));
  }, 180_000);

  it.each([
    [
      "a missing file named with bidi overrides and emoji",
      ["analyze", "r\u202etxt.exe\u{1f512}.txt"],
      /cannot read 'r\\u\{202E\}txt\.exe\u{1f512}\.txt': no such file/u,
    ],
    ["an unknown command in another script", ["анализ", "x"], /unknown command 'анализ'/],
    ["an unknown option with a lone surrogate", ["analyze", "--\ud800", "x"], /unknown option/],
    ["an as-of date in Arabic-Indic digits", ["analyze", "--as-of", "٢٠٢٦-٠١-٠١", "x"], /--as-of needs a date/],
    ["a zero-width joiner as the only argument", ["\u200d"], /unknown command/],
  ])("refuses %s in one line", async (_, args, message) => {
    expectOneLineRefusal(await run(args), message);
  });

  it("reads a real file whose name and --server hold right-to-left and combining characters", async () => {
    const path = file(
      "\u202eshtml.txt\u0301 \u05e9\u05dc\u05d5\u05dd",
      "Thumbprint : 5E4325D6195B5E2932EAE402F515172DC827D083\n",
    );
    expectReport(await run(["analyze", "--server", "\u05e9\u05e8\u05ea\u202e01", path]));
  });
});
