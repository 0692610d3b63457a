import { performance } from "node:perf_hooks";
import { analyze } from "../src/analyze";
import { runEngine } from "../src/engine/engine";
import { parse } from "../src/parse";
import { buildReport } from "../src/report/build";
import { logLogSlope, median, megabytes } from "./bench-stats";
import { type GeneratedOrg, generateOrg } from "./generate-org";
import { SHAPES } from "./generate-shapes";

/**
 * `npm run bench` (through scripts/bench.mjs, which bundles this file for Node): times `analyze` on synthetic
 * organisations of about 100 KB, 1 MB, 10 MB and 50 MB, each against `JSON.parse` of the same records as JSON,
 * measured in the same run. `--sizes 100kb,10mb` limits the sizes; `--quick` runs each size fewer times;
 * `--stages` also prints the median of each stage (parse, engine, report) so a profile can be aimed, and the size of the
 * report as JSON with the time `JSON.parse` takes to rebuild it: roughly the cost of making the report's objects and
 * strings, under any `analyze` that returns that report (rough: the engine shares constant texts JSON.parse makes anew),
 * and the time of the least any reader of the text must do: split it into lines and cut each `Name : value` line into a
 * trimmed pair, before any record, wrapped value, table, selection or rule.
 * `--shapes` instead times pastes that grow along one dimension (scripts/generate-shapes.ts) and prints the exponent
 * of each: above 1.1, something grows faster than the paste.
 */

interface Size {
  readonly label: string;
  readonly bytes: number;
  readonly runs: number;
}

const SIZES: readonly Size[] = [
  { label: "100kb", bytes: 100_000, runs: 21 },
  { label: "1mb", bytes: 1_000_000, runs: 11 },
  { label: "10mb", bytes: 10_000_000, runs: 5 },
  { label: "50mb", bytes: 50_000_000, runs: 3 },
];
const AS_OF = "2026-01-15";
const ONE_SERVER_RUNS = 101;

function argValue(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at === -1 ? undefined : process.argv[at + 1];
}

const collect = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

async function timeAnalyze(text: string): Promise<number> {
  collect();
  const start = performance.now();
  await analyze(text, { asOf: AS_OF });
  return performance.now() - start;
}

/** The three stages of `analyze`, timed apart in one run. */
async function timeStages(text: string): Promise<{ parse: number; engine: number; report: number }> {
  collect();
  const t0 = performance.now();
  const parsed = await parse(text, {});
  const t1 = performance.now();
  const engine = runEngine(parsed, new Date(`${AS_OF}T00:00:00Z`));
  const t2 = performance.now();
  buildReport(parsed, engine, AS_OF);
  return { parse: t1 - t0, engine: t2 - t1, report: performance.now() - t2 };
}

/** The text floor (see above): lines cut into name and value pairs, nothing more. */
function timeTextFloor(text: string): { ms: number; pairs: number } {
  collect();
  const start = performance.now();
  const pairs: [string, string][] = [];
  for (const line of text.split("\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) pairs.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return { ms: performance.now() - start, pairs: pairs.length };
}

/** JSON.parse of a few MB takes milliseconds: repeat it so the clock's resolution does not matter. */
function timeJsonParse(json: string): number {
  collect();
  const repeat = Math.max(1, Math.round(2_000_000 / json.length));
  const start = performance.now();
  for (let i = 0; i < repeat; i++) JSON.parse(json);
  return (performance.now() - start) / repeat;
}

/** Enough servers for the text to reach the size, found from a small sample and then corrected once. */
function orgOfSize(bytes: number): GeneratedOrg {
  const sample = generateOrg({ servers: 8 });
  let servers = Math.max(1, Math.round((bytes / sample.text.length) * 8));
  let org = generateOrg({ servers });
  servers = Math.max(1, Math.round((servers * bytes) / org.text.length));
  org = generateOrg({ servers });
  return org;
}

const f1 = (n: number) => n.toFixed(1);
const f2 = (n: number) => n.toFixed(2);

/**
 * Each shape at size 0 and at its two sizes, the median of three runs each. The exponent is the log-log slope of
 * what the growing part adds, in time over bytes, so the fixed part of the paste does not flatten it.
 */
async function benchShapes(): Promise<void> {
  const timed = async (text: string) => {
    await analyze(text, { asOf: AS_OF });
    return median([await timeAnalyze(text), await timeAnalyze(text), await timeAnalyze(text)]);
  };
  for (const shape of SHAPES) {
    // The largest paste first, so every code path it takes is compiled before any of the three is timed.
    await analyze(shape.text(shape.sizes[1]), { asOf: AS_OF });
    const base = shape.text(0);
    const baseMs = await timed(base);
    const points: { x: number; y: number }[] = [];
    const parts: string[] = [`0: ${f2(megabytes(base.length))} MB in ${f1(baseMs)} ms`];
    for (const size of shape.sizes) {
      const text = shape.text(size);
      const ms = await timed(text);
      points.push({ x: text.length - base.length, y: Math.max(ms - baseMs, 0.1) });
      parts.push(`${size}: ${f2(megabytes(text.length))} MB in ${f1(ms)} ms`);
    }
    process.stdout.write(`shape ${shape.name} (${shape.grows}): ${parts.join("; ")}\n`);
    process.stdout.write(`shape_exponent_${shape.name}: ${f2(logLogSlope(points))}\n`);
  }
}

async function main(): Promise<void> {
  if (process.argv.includes("--shapes")) return benchShapes();
  const wanted = argValue("--sizes")?.split(",");
  const quick = process.argv.includes("--quick");
  const stages = process.argv.includes("--stages");
  const sizes = SIZES.filter((s) => wanted === undefined || wanted.includes(s.label));
  const points: { x: number; y: number }[] = [];
  let ratio10: number | undefined;

  for (const size of sizes) {
    const org = orgOfSize(size.bytes);
    const json = JSON.stringify(org.records);
    const report = await analyze(org.text, { asOf: AS_OF });
    JSON.parse(json);
    const runs = quick ? Math.min(3, size.runs) : size.runs;
    const analyseMs: number[] = [];
    const parseMs: number[] = [];
    for (let run = 0; run < runs; run++) {
      analyseMs.push(await timeAnalyze(org.text));
      parseMs.push(timeJsonParse(json));
    }
    const analyse = median(analyseMs);
    const parse = median(parseMs);
    const mb = megabytes(org.text.length);
    const ratio = analyse / parse;
    points.push({ x: org.text.length, y: analyse });
    if (size.label === "10mb") ratio10 = ratio;
    process.stdout.write(
      `${size.label.padEnd(6)} text ${f2(mb)} MB, ${org.servers.length} servers, ${org.records.length} records ` +
        `(${report.certificates.length} certificates, ${report.connectors.length} connectors, ` +
        `${report.findings.length} findings, ${report.unrecognized.length} passages not understood); ` +
        `analyze median ${f1(analyse)} ms over ${runs} runs (${f1(Math.min(...analyseMs))}–${f1(Math.max(...analyseMs))}), ` +
        `${f1(mb / (analyse / 1000))} MB/s; JSON.parse of the same records (${f2(megabytes(json.length))} MB) ` +
        `${f2(parse)} ms; ratio ${f1(ratio)}\n`,
    );
    if (stages) {
      const timed: { parse: number; engine: number; report: number }[] = [];
      for (let run = 0; run < runs; run++) timed.push(await timeStages(org.text));
      const of = (key: "parse" | "engine" | "report") => f1(median(timed.map((t) => t[key])));
      process.stdout.write(
        `       stages: parse ${of("parse")} ms, engine ${of("engine")} ms, report ${of("report")} ms\n`,
      );
      const out = JSON.stringify(report);
      const rebuild = median(Array.from({ length: runs }, () => timeJsonParse(out)));
      process.stdout.write(
        `       report: ${f2(megabytes(out.length))} MB as JSON; JSON.parse of it alone ${f1(rebuild)} ms, ` +
          `${f1(rebuild / parse)}× JSON.parse of the records\n`,
      );
      const floors = Array.from({ length: runs }, () => timeTextFloor(org.text));
      const floor = median(floors.map((f) => f.ms));
      process.stdout.write(
        `       text: lines cut into ${floors[0]?.pairs} name/value pairs alone ${f1(floor)} ms, ` +
          `${f1(floor / parse)}× JSON.parse of the records\n`,
      );
    }
  }

  const one = generateOrg({ servers: 1, forms: ["list-all"], orgWide: false });
  await analyze(one.text, { asOf: AS_OF });
  const oneMs: number[] = [];
  for (let run = 0; run < (quick ? 21 : ONE_SERVER_RUNS); run++) oneMs.push(await timeAnalyze(one.text));
  process.stdout.write(`one server: text ${f1(one.text.length / 1000)} KB\n`);
  process.stdout.write(`one_server_20kb_ms: ${f2(median(oneMs))}\n`);
  process.stdout.write(`ratio_vs_json_parse_10mb: ${ratio10 === undefined ? "not measured" : f1(ratio10)}\n`);
  process.stdout.write(`scaling_exponent: ${points.length < 2 ? "not measured" : f2(logLogSlope(points))}\n`);
}

await main();
