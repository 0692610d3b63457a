#!/usr/bin/env node
// How the readers and the whole analysis scale with the length of ONE line: a measurement, not a test (timings
// depend on the machine). For each shape of long line it times every reader and `analyze` at doubling lengths and
// prints the slope of log(time) over log(length): about 1 is linear, about 2 quadratic. The line-length limit in
// src/limits.ts is chosen from this table. A reader that throws (a regular expression that runs out of stack on a
// long line, say) is shown as `throws@` the length, with the error on standard error.
//
//   node scripts/fuzz-lines.mjs [--max-mb 4]
import { createServer } from "vite";

const at = process.argv.indexOf("--max-mb");
const maxBytes = (at === -1 ? 4 : Number(process.argv[at + 1])) * 1024 * 1024;
const lengths = [];
for (let n = maxBytes / 16; n <= maxBytes; n *= 2) lengths.push(Math.round(n));

const loader = await createServer({
  configFile: false,
  logLevel: "error",
  server: { middlewareMode: true, hmr: false },
  appType: "custom",
});
const load = (path) => loader.ssrLoadModule(path);
const { splitLines } = await load("/src/parse/lines.ts");
const { readList } = await load("/src/parse/format/list.ts");
const { readTable } = await load("/src/parse/format/table.ts");
const { readJson } = await load("/src/parse/format/json.ts");
const { readCsv } = await load("/src/parse/format/csv.ts");
const { readCollection } = await load("/src/parse/format/collection.ts");
const { artifactReaders } = await load("/src/parse/artifacts/index.ts");
const { parseTlsCertificateName } = await load("/src/model/tls-certificate-name.ts");
const { parseDistinguishedName } = await load("/src/model/distinguished-name.ts");
const { readDate } = await load("/src/model/dates.ts");
const { analyze } = await load("/src/analyze.ts");

/** Each shape fills `n` characters with what one reader or another might chew on character by character. */
const SHAPES = {
  letters: (n) => "a".repeat(n),
  "list value": (n) => `Subject            : CN=${"a".repeat(n)}`,
  "list name": (n) => `${"N".repeat(n)} : x`,
  collection: (n) => `CertificateDomains : {${"host.contoso.com, ".repeat(n / 18)}}`,
  "table row": (n) => `Thumbprint  Services  Subject\n----------  --------  -------\n${"x ".repeat(n / 2)}`,
  "json string": (n) => `{"Subject": "${"\\\\".repeat(n / 2)}"}`,
  "json array": (n) => `[${'"x",'.repeat(n / 4)}"x"]`,
  "csv quotes": (n) => `"a","b"\n${'"x"",'.repeat(n / 5)}`,
  "dn commas": (n) => `CN=${"a,".repeat(n / 2)}`,
  "tls name tags": (n) => `TlsCertificateName : <I>CN=a${"<S>CN=x".repeat(n / 7)}`,
  "smtp reply": (n) => `250-${"STARTTLS ".repeat(n / 9)}`,
  "event text": (n) =>
    `Log Name: Application\nEvent ID: 12014\nDescription:\n${"could not find a certificate ".repeat(n / 29)}`,
  "pem body": (n) => `-----BEGIN CERTIFICATE-----\nMII${"A".repeat(n)}\n-----END CERTIFICATE-----`,
  "controls and bidi": (n) => "\u0000\u202e\u200f\u0007".repeat(n / 4),
  spaces: (n) => `Name${" ".repeat(n)}: x`,
};

const READERS = {
  list: (text) => readList(splitLines(text)),
  table: (text) => readTable(splitLines(text)),
  json: (text) => readJson(splitLines(text)),
  csv: (text) => readCsv(splitLines(text)),
  artifacts: (text) => {
    const lines = splitLines(text);
    for (const reader of artifactReaders) for (let i = 0; i < lines.length; i++) reader(lines, i);
  },
  values: (text) => {
    readCollection(text);
    parseTlsCertificateName(text);
    parseDistinguishedName(text);
    readDate(text);
  },
  analyze: (text) => analyze(text, { asOf: "2026-06-01" }),
};

async function time(fn, text) {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    await fn(text);
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

/** Least-squares slope of log(ms) over log(length), from the lengths where the clock has something to measure. */
function slope(points) {
  const usable = points.filter(([, ms]) => ms >= 2);
  if (usable.length < 2) return "fast";
  const xs = usable.map(([n]) => Math.log(n));
  const ys = usable.map(([, ms]) => Math.log(ms));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  const num = xs.reduce((sum, x, i) => sum + (x - mx) * ((ys[i] ?? 0) - my), 0);
  const den = xs.reduce((sum, x) => sum + (x - mx) ** 2, 0);
  return (num / den).toFixed(2);
}

const names = Object.keys(READERS);
process.stdout.write(`lengths ${lengths.map((n) => `${(n / 1024 / 1024).toFixed(2)} MB`).join(", ")}\n`);
process.stdout.write(`${"shape".padEnd(20)}${names.map((n) => n.padStart(16)).join("")}\n`);
for (const [shape, make] of Object.entries(SHAPES)) {
  const cells = [];
  for (const name of names) {
    const points = [];
    let thrown;
    for (const n of lengths) {
      try {
        points.push([n, await time(READERS[name], make(n))]);
      } catch (error) {
        thrown = `throws@${(n / 1024 / 1024).toFixed(2)}MB`;
        process.stderr.write(`${shape} / ${name} at ${n} characters: ${error}\n`);
        break;
      }
    }
    const last = points.at(-1)?.[1] ?? 0;
    cells.push((thrown ?? `${slope(points)} ${Math.round(last)}ms`).padStart(16));
  }
  process.stdout.write(`${shape.padEnd(20)}${cells.join("")}\n`);
}
await loader.close();
