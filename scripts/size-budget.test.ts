import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { budgetVerdict, chunkReferences, classify, gzipBytes, htmlEntries, readBuild } from "./size-budget.mjs";

describe("chunkReferences", () => {
  it("tells imports that load with a chunk from imports on demand and workers it starts", () => {
    const code = [
      'import{a as r}from"./react-Bx1.js";',
      'export{b}from"./shared-C2.js";',
      'export*from"./all-D3.js";',
      "const load=()=>import(`./pem-certificates-E4.js`);",
      'const w=new Worker(new URL(new URL(`analysis.worker-F5.js`,import.meta.url),import.meta.url),{type:"module"});',
      'const icon=new URL("logo.svg",import.meta.url);',
      'const remote=import("https://example.com/x.js");',
    ].join("\n");
    expect(chunkReferences(code)).toEqual({
      imports: ["./react-Bx1.js", "./shared-C2.js", "./all-D3.js"],
      dynamic: ["./pem-certificates-E4.js", "https://example.com/x.js"],
      separate: ["analysis.worker-F5.js"],
    });
  });

  it("finds nothing to follow in a classic script", () => {
    expect(chunkReferences("with (navigator) { serviceWorker.register('./sw.js') }")).toEqual({
      imports: [],
      dynamic: [],
      separate: [],
    });
  });
});

describe("htmlEntries", () => {
  it("takes the scripts and module preloads, not styles, icons or other origins", () => {
    const html = [
      '<link rel="icon" href="./favicon.svg" />',
      '<script type="module" crossorigin src="./assets/index-A1.js"></script>',
      '<link rel="modulepreload" crossorigin href="./assets/vendor-B2.js">',
      '<link rel="stylesheet" href="./assets/index-C3.css">',
      '<script id="vite-plugin-pwa:register-sw" src="./registerSW.js"></script>',
      '<script src="https://cdn.example.com/x.js"></script>',
    ].join("\n");
    expect(htmlEntries(html)).toEqual(["assets/index-A1.js", "assets/vendor-B2.js", "registerSW.js"]);
  });
});

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A dist/ folder with these files (paths relative to it). */
function dist(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "certflow-size-"));
  dirs.push(dir);
  for (const [path, content] of Object.entries(files)) {
    const full = join(dir, path);
    writeFileSync(full, content, { flag: "w" });
  }
  return dir;
}

/** Text gzip cannot shrink much (base64 of hashes: 6 random bits a character), as a JavaScript string. */
function noise(bytes: number, seed: number): string {
  let out = "";
  for (let i = 0; out.length < bytes; i++) out += createHash("sha256").update(`${seed}:${i}`).digest("base64");
  return JSON.stringify(out.slice(0, bytes));
}

const APP = {
  "index.html": '<script type="module" src="./entry.js"></script>',
  "entry.js": [
    'import{r}from"./react.js";',
    'new Worker(new URL("worker.js",import.meta.url),{type:"module"});',
    "const example=()=>import(`./example.js`);",
  ].join("\n"),
  "react.js": "export const r=1;",
  "worker.js": 'import{p}from"./parse.js";const decode=()=>import("./x509.js");',
  "parse.js": "export const p=1;",
  "x509.js": 'export const d=Reflect.getOwnMetadata("design:type",Object);',
  "example.js": "export default `paste`;",
  "sw.js": "self.addEventListener('fetch',()=>{});",
};

describe("classify", () => {
  it("sorts chunks by when they load", () => {
    const groups = classify(readBuild(dist(APP)));
    expect(Object.fromEntries(groups)).toEqual({
      "entry.js": "initial",
      "react.js": "initial",
      "worker.js": "worker",
      "parse.js": "worker",
      "x509.js": "on demand",
      "example.js": "on demand",
      "sw.js": "unreferenced",
    });
  });
});

describe("budgetVerdict", () => {
  it("passes a build whose initial chunks fit and counts only them", () => {
    const build = readBuild(dist({ ...APP, "react.js": `export const r=${noise(50_000, 1)};` }));
    const verdict = budgetVerdict(build, classify(build), 120);
    const initialGzip = (build.chunks.get("entry.js")?.gzip ?? 0) + (build.chunks.get("react.js")?.gzip ?? 0);
    expect(verdict).toEqual({ initialKb: initialGzip / 1000, problems: [] });
    expect(verdict.initialKb).toBeGreaterThan(30);
  });

  it("fails a build whose initial chunks are over budget, whatever the worker and on-demand chunks weigh", () => {
    const files = {
      ...APP,
      "react.js": `export const r=${noise(50_000, 2)};`,
      "parse.js": `export const p=${noise(200_000, 3)};`,
    };
    const build = readBuild(dist(files));
    expect(budgetVerdict(build, classify(build), 120).problems).toEqual([]);
    expect(budgetVerdict(build, classify(build), 30).problems).toEqual([
      expect.stringMatching(/^initial JavaScript is \d+\.\d kB gzip, over the budget of 30 kB$/),
    ]);
  });

  it.each([
    { where: "the page", importer: "entry.js", message: "with the page" },
    { where: "the worker", importer: "worker.js", message: "when the worker starts" },
  ])("fails when @peculiar/x509 loads with $where instead of on demand", ({ importer, message }) => {
    const files = { ...APP, [importer]: `import{d}from"./x509.js";${APP[importer as "entry.js" | "worker.js"]}` };
    const build = readBuild(dist(files));
    expect(budgetVerdict(build, classify(build), 120).problems).toEqual([
      `@peculiar/x509 is in x509.js, which loads ${message}; it must load on demand`,
    ]);
  });

  it("fails a build whose page loads no script", () => {
    const build = readBuild(dist({ ...APP, "index.html": "<p>empty</p>" }));
    expect(budgetVerdict(build, classify(build), 120).problems).toEqual(["index.html loads no script"]);
  });
});

describe("gzipBytes", () => {
  it("compresses repetitive text and not noise", () => {
    expect(gzipBytes("a".repeat(10_000))).toBeLessThan(100);
    expect(gzipBytes(noise(10_000, 4))).toBeGreaterThan(7_000);
  });
});
