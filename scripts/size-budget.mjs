// The bundle budget behind `npm run size`: which built chunks load with the page, which start the analysis
// worker and which load on demand, and whether the page's share fits the budget. Pure functions over the files of
// dist/ (the graph is read from the chunks' own import statements, parsed with Vite's parser).
import { readdirSync, readFileSync } from "node:fs";
import { posix } from "node:path";
import { gzipSync } from "node:zlib";
import { parseAst } from "vite";

/** Initial JavaScript the page may load before it is usable, gzip, in kB (1 kB = 1000 bytes, as Vite prints). */
export const INITIAL_BUDGET_KB = 120;

/**
 * Code that only some pastes need, recognised by text its bundle always carries: it must load neither with the
 * page nor when the worker starts. `getOwnMetadata` is reflect-metadata, which @peculiar/x509 needs and nothing
 * else in certflow uses.
 */
export const ON_DEMAND_ONLY = [{ name: "@peculiar/x509", marker: "getOwnMetadata" }];

/** gzip at the default level (what `gzip file` and most servers produce). */
export function gzipBytes(content) {
  return gzipSync(content).length;
}

function stringValue(node) {
  if (node?.type === "Literal" && typeof node.value === "string") return node.value;
  if (node?.type === "TemplateLiteral" && node.expressions.length === 0) return node.quasis[0]?.value.cooked;
  return undefined;
}

function isImportMetaUrl(node) {
  return (
    node?.type === "MemberExpression" &&
    node.object?.type === "MetaProperty" &&
    node.property?.type === "Identifier" &&
    node.property.name === "url"
  );
}

function visit(node, onNode) {
  if (node === null || typeof node !== "object") return;
  if (Array.isArray(node)) {
    for (const child of node) visit(child, onNode);
    return;
  }
  if (typeof node.type === "string") onNode(node);
  for (const key of Object.keys(node)) {
    if (key !== "type" && key !== "start" && key !== "end") visit(node[key], onNode);
  }
}

/**
 * What one ES module chunk loads: `imports` with it (import/export … from), `dynamic` on demand (`import()`), and
 * `separate` entries it starts by URL (`new URL("x.js", import.meta.url)`: workers).
 */
export function chunkReferences(code) {
  const refs = { imports: [], dynamic: [], separate: [] };
  let ast;
  try {
    ast = parseAst(code);
  } catch {
    // A classic script (no module syntax to parse) references nothing the graph follows.
    return refs;
  }
  visit(ast, (node) => {
    if (
      (node.type === "ImportDeclaration" ||
        node.type === "ExportAllDeclaration" ||
        node.type === "ExportNamedDeclaration") &&
      node.source
    ) {
      const source = stringValue(node.source);
      if (source !== undefined) refs.imports.push(source);
    } else if (node.type === "ImportExpression") {
      const source = stringValue(node.source);
      if (source !== undefined) refs.dynamic.push(source);
    } else if (node.type === "NewExpression" && node.callee?.type === "Identifier" && node.callee.name === "URL") {
      const source = stringValue(node.arguments[0]);
      if (source !== undefined && /\.m?js$/.test(source) && isImportMetaUrl(node.arguments[1]))
        refs.separate.push(source);
    }
  });
  return refs;
}

/** Scripts and module preloads of the built index.html (what loads with the page), as paths relative to dist/. */
export function htmlEntries(html) {
  const entries = [];
  for (const tag of html.match(/<(?:script|link)\b[^>]*>/g) ?? []) {
    const isScript = /^<script\b/.test(tag);
    const isPreload = /^<link\b/.test(tag) && /\brel=["']modulepreload["']/.test(tag);
    const url = /\b(?:src|href)=["']([^"']+)["']/.exec(tag)?.[1];
    if ((isScript || isPreload) && url !== undefined && !/^[a-z]+:/i.test(url)) {
      entries.push(posix.normalize(url.replace(/^\//, "")));
    }
  }
  return entries;
}

function resolve(from, specifier) {
  if (/^[a-z]+:/i.test(specifier)) return undefined;
  const path = specifier.split(/[?#]/)[0] ?? specifier;
  return posix.normalize(posix.join(posix.dirname(from), path));
}

function listJs(dir, prefix = "") {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = prefix === "" ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) return listJs(`${dir}/${entry.name}`, path);
    return /\.m?js$/.test(entry.name) ? [path] : [];
  });
}

/** Every JavaScript file of a build with its sizes and references, and the page's entries. */
export function readBuild(dist) {
  const chunks = new Map();
  for (const file of listJs(dist)) {
    const content = readFileSync(`${dist}/${file}`);
    const code = content.toString("utf8");
    const refs = chunkReferences(code);
    const at = (list) => list.map((s) => resolve(file, s)).filter((s) => s !== undefined);
    chunks.set(file, {
      bytes: content.length,
      gzip: gzipBytes(content),
      markers: ON_DEMAND_ONLY.filter((m) => code.includes(m.marker)).map((m) => m.name),
      imports: at(refs.imports),
      dynamic: at(refs.dynamic),
      separate: at(refs.separate),
    });
  }
  const entries = htmlEntries(readFileSync(`${dist}/index.html`, "utf8")).map((e) => resolve("index.html", e));
  return { chunks, entries };
}

function closure(roots, chunks) {
  const seen = new Set();
  const stack = [...roots];
  while (stack.length > 0) {
    const file = stack.pop();
    if (file === undefined || seen.has(file) || !chunks.has(file)) continue;
    seen.add(file);
    stack.push(...chunks.get(file).imports);
  }
  return seen;
}

/**
 * Sorts chunks into `initial` (the page's entries and what they import), `worker` (what a worker started by the
 * page loads before its first message), `on demand` (reached only through `import()`) and `unreferenced`
 * (nothing in the page loads it: a service worker, say).
 */
export function classify({ chunks, entries }) {
  const groups = new Map();
  const initial = closure(entries, chunks);
  for (const file of initial) groups.set(file, "initial");
  const reachable = new Set(initial);
  let frontier = [...initial];
  while (frontier.length > 0) {
    const next = [];
    for (const file of frontier) {
      const chunk = chunks.get(file);
      if (chunk === undefined) continue;
      for (const entry of chunk.separate) {
        for (const started of closure([entry], chunks)) {
          if (!groups.has(started)) groups.set(started, "worker");
          if (!reachable.has(started)) next.push(started);
          reachable.add(started);
        }
      }
      for (const lazy of chunk.dynamic) {
        for (const loaded of closure([lazy], chunks)) {
          if (!groups.has(loaded)) groups.set(loaded, "on demand");
          if (!reachable.has(loaded)) next.push(loaded);
          reachable.add(loaded);
        }
      }
    }
    frontier = next;
  }
  for (const file of chunks.keys()) if (!groups.has(file)) groups.set(file, "unreferenced");
  return groups;
}

/** The budget's verdict: the page's initial gzip size, and what is wrong (nothing when it passes). */
export function budgetVerdict(build, groups, budgetKb = INITIAL_BUDGET_KB) {
  const problems = [];
  let initialGzip = 0;
  for (const [file, chunk] of build.chunks) {
    const group = groups.get(file);
    if (group === "initial") initialGzip += chunk.gzip;
    if (group === "initial" || group === "worker") {
      for (const name of chunk.markers) {
        problems.push(
          `${name} is in ${file}, which loads ${group === "initial" ? "with the page" : "when the worker starts"}; it must load on demand`,
        );
      }
    }
  }
  if (build.entries.length === 0) problems.push("index.html loads no script");
  const initialKb = initialGzip / 1000;
  if (initialKb > budgetKb) {
    problems.push(`initial JavaScript is ${initialKb.toFixed(1)} kB gzip, over the budget of ${budgetKb} kB`);
  }
  return { initialKb, problems };
}
