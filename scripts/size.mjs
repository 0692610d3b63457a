#!/usr/bin/env node
// `npm run size`: the gzip size of every built JavaScript chunk and the group it loads in, after `npm run build`.
// Exits 1 when the page's initial JavaScript is over budget or when code that only some pastes need loads with
// the page or with the worker. Ends with `initial_js_gzip_kb: X`.
import { existsSync } from "node:fs";
import { budgetVerdict, classify, INITIAL_BUDGET_KB, readBuild } from "./size-budget.mjs";

const dist = process.argv[2] ?? "dist";
if (!existsSync(`${dist}/index.html`)) {
  process.stderr.write(`certflow size: ${dist}/index.html is missing; run \`npm run build\` first.\n`);
  process.exit(2);
}

const ORDER = ["initial", "worker", "on demand", "unreferenced"];
const build = readBuild(dist);
const groups = classify(build);
const rows = [...build.chunks].sort(
  ([a, x], [b, y]) =>
    ORDER.indexOf(groups.get(a)) - ORDER.indexOf(groups.get(b)) || y.gzip - x.gzip || a.localeCompare(b),
);
const kb = (bytes) => (bytes / 1000).toFixed(1);
const width = Math.max(5, ...rows.map(([file]) => file.length));
process.stdout.write(
  `${"chunk".padEnd(width)}  ${"loads".padEnd(12)}  ${"raw kB".padStart(8)}  ${"gzip kB".padStart(8)}\n`,
);
for (const [file, chunk] of rows) {
  process.stdout.write(
    `${file.padEnd(width)}  ${groups.get(file).padEnd(12)}  ${kb(chunk.bytes).padStart(8)}  ${kb(chunk.gzip).padStart(8)}\n`,
  );
}
for (const group of ORDER) {
  const files = rows.filter(([file]) => groups.get(file) === group);
  const total = files.reduce((sum, [, chunk]) => sum + chunk.gzip, 0);
  process.stdout.write(`${group}: ${files.length} files, ${kb(total)} kB gzip\n`);
}
process.stdout.write(
  `budget: initial JavaScript (the page's module scripts and their static imports) ≤ ${INITIAL_BUDGET_KB} kB gzip; ` +
    "the worker's start-up bundle is counted separately\n",
);

const verdict = budgetVerdict(build, groups);
for (const problem of verdict.problems) process.stderr.write(`certflow size: ${problem}\n`);
process.stdout.write(`initial_js_gzip_kb: ${verdict.initialKb.toFixed(1)}\n`);
process.exitCode = verdict.problems.length === 0 ? 0 : 1;
