import { appendFileSync } from "node:fs";
import fc from "fast-check";

/**
 * Runs a robustness property the way CI and `npm run fuzz` both need: CI runs each property `ciRuns` times;
 * `npm run fuzz` (scripts/fuzz.mjs) multiplies that by CERTFLOW_FUZZ_SCALE and collects every property's run count
 * and outcome in the CERTFLOW_FUZZ_LEDGER file.
 */

const CI_RUNS = 10_000;

function scale(): number {
  const value = Number(process.env.CERTFLOW_FUZZ_SCALE ?? "1");
  return Number.isFinite(value) && value > 0 ? value : 1;
}

function fuzzRuns(ciRuns: number = CI_RUNS): number {
  return Math.max(1, Math.round(ciRuns * scale()));
}

/** Throws fast-check's report (seed, path, counterexample) when the property fails. */
export async function holds<Ts>(
  property: fc.IProperty<Ts> | fc.IAsyncProperty<Ts>,
  ciRuns: number = CI_RUNS,
): Promise<void> {
  const details = await fc.check(property, { numRuns: fuzzRuns(ciRuns) });
  const ledger = process.env.CERTFLOW_FUZZ_LEDGER;
  if (ledger !== undefined && ledger !== "") {
    appendFileSync(ledger, `${JSON.stringify({ runs: details.numRuns, failed: details.failed })}\n`);
  }
  if (!details.failed) return;
  const cause = details.errorInstance;
  const reason = cause instanceof Error ? (cause.stack ?? cause.message) : String(cause);
  throw new Error(`${fc.defaultReportMessage(details) ?? "the property failed"}\n\nGot: ${reason}`, { cause });
}
