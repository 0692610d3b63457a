#!/usr/bin/env node
// `npm run fuzz`: the robustness properties of src/parse/robustness.test.ts and src/robustness.test.ts, each run
// CERTFLOW_FUZZ_SCALE (default 15) times as often as in CI — over a million runs in all, each with a fresh seed.
// Vitest runs them (it compiles the TypeScript); its output goes to a log file, and this script prints one line,
//
//   fuzz_runs: N, failures: M
//
// with every failure's report (seed, path, counterexample) on standard error. Exit 0 only when M is 0 and N is at
// least a million. CERTFLOW_FUZZ_MINUTES (default 90) stops a run that hangs; that counts as a failure.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const FILES = ["src/parse/robustness.test.ts", "src/robustness.test.ts"];
const MIN_RUNS = 1_000_000;
const scale = process.env.CERTFLOW_FUZZ_SCALE ?? "15";
const minutes = Number(process.env.CERTFLOW_FUZZ_MINUTES ?? "90");

const work = mkdtempSync(join(tmpdir(), "certflow-fuzz-"));
const ledger = join(work, "ledger.jsonl");
const result = join(work, "result.json");
const log = join(work, "vitest.log");
writeFileSync(ledger, "");

const vitest = new URL("../node_modules/vitest/vitest.mjs", import.meta.url).pathname;
const output = [];
const child = spawn(
  process.execPath,
  [vitest, "run", ...FILES, "--reporter=json", `--outputFile=${result}`, "--testTimeout=0", "--hookTimeout=0"],
  {
    cwd: new URL("..", import.meta.url).pathname,
    env: { ...process.env, CERTFLOW_FUZZ_SCALE: scale, CERTFLOW_FUZZ_LEDGER: ledger },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  },
);
child.stdout.on("data", (chunk) => output.push(chunk));
child.stderr.on("data", (chunk) => output.push(chunk));

let hung = false;
const watchdog = setTimeout(
  () => {
    hung = true;
    process.kill(-child.pid, "SIGKILL");
  },
  minutes * 60 * 1000,
);
const exitCode = await new Promise((resolve) => child.on("close", (code) => resolve(code)));
clearTimeout(watchdog);
writeFileSync(log, Buffer.concat(output));

const entries = readFileSync(ledger, "utf8")
  .split("\n")
  .filter((line) => line !== "")
  .map((line) => JSON.parse(line));
const runs = entries.reduce((sum, entry) => sum + entry.runs, 0);

const reports = [];
let failures = 0;
if (existsSync(result)) {
  const json = JSON.parse(readFileSync(result, "utf8"));
  for (const file of json.testResults ?? []) {
    const failed = (file.assertionResults ?? []).filter((test) => test.status === "failed");
    failures += failed.length;
    for (const test of failed) reports.push(`${test.fullName}\n${(test.failureMessages ?? []).join("\n")}`);
    // A file that failed without a failing test did not load or crashed.
    if (file.status === "failed" && failed.length === 0) {
      failures += 1;
      reports.push(`${file.name}\n${file.message ?? "failed"}`);
    }
  }
} else failures += 1;
if (hung) reports.push(`stopped after ${minutes} minutes: some input did not finish`);
if (failures === 0 && (hung || exitCode !== 0)) failures = 1;

for (const report of reports) process.stderr.write(`\n${report}\n`);
if (failures > 0 || runs < MIN_RUNS) process.stderr.write(`\nvitest's output: ${log}\n`);
else rmSync(work, { recursive: true, force: true });
if (runs < MIN_RUNS) process.stderr.write(`only ${runs} runs: raise CERTFLOW_FUZZ_SCALE\n`);
process.stdout.write(`fuzz_runs: ${runs}, failures: ${failures}\n`);
process.exitCode = failures === 0 && runs >= MIN_RUNS ? 0 : 1;
