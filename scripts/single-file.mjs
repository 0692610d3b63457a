// The single-file build: dist/certflow.html, which works opened from disk (file://) on a machine without a network.
// A page from disk cannot load module scripts or register a service worker, so everything is inlined: the one
// script chunk (code splitting off, the x509 chunk included), the CSS, the favicon, and the analysis worker as a
// string the page turns into a blob: worker. The CSP allows exactly the inlined blocks by their SHA-256.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { build } from "vite";
import { singleFileCsp } from "./security-policy.mjs";

export const SINGLE_FILE_MODE = "singlefile";
export const SINGLE_FILE_NAME = "certflow.html";

const CHARSET = '<meta charset="utf-8" />';
const INLINE_SPAWN = "\0certflow-inline-spawn";

function sha256(text) {
  return `sha256-${createHash("sha256").update(text, "utf8").digest("base64")}`;
}

/** Runs the single-file build once the hosted build has finished, into the same dist/. */
export function buildSingleFileAfter(configFile) {
  return {
    name: "certflow-single-file-after",
    apply: "build",
    closeBundle: {
      sequential: true,
      order: "pre",
      async handler() {
        await build({ configFile, mode: SINGLE_FILE_MODE, logLevel: "warn" });
      },
    },
  };
}

/** The bridges src/worker/spawn.ts exports a `spawn…Bridge` for, each over the one worker script. */
const BRIDGES = ["Analysis", "WhatIf", "Renewal", "Redaction"];

/** Swaps the worker spawners for ones that start the worker from inlined code. */
export function inlineAnalysisWorker(root) {
  const spawn = resolve(root, "src/worker/spawn.ts");
  return {
    name: "certflow-inline-analysis-worker",
    enforce: "pre",
    async resolveId(source, importer, options) {
      if (!source.endsWith("/worker/spawn") || importer === undefined) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved?.id === spawn ? INLINE_SPAWN : null;
    },
    load(id) {
      if (id !== INLINE_SPAWN) return null;
      const bridge = JSON.stringify(resolve(root, "src/worker/bridge.ts"));
      return [
        `import AnalysisWorker from ${JSON.stringify(`${resolve(root, "src/worker/analysis.worker.ts")}?worker&inline`)};`,
        `import { ${BRIDGES.map((b) => `create${b}Bridge`).join(", ")} } from ${bridge};`,
        'const spawnWorker = () => new AnalysisWorker({ name: "certflow-analysis" });',
        ...BRIDGES.map((b) => `export function spawn${b}Bridge() {\n  return create${b}Bridge(spawnWorker);\n}`),
      ].join("\n");
    },
  };
}

/** Inlines the built script, styles and favicon into the page, adds the hash-based CSP and names it certflow.html. */
export function inlineIntoPage(root) {
  return {
    name: "certflow-inline-into-page",
    apply: "build",
    enforce: "post",
    generateBundle: {
      order: "post",
      handler(_options, bundle) {
        const page = bundle["index.html"];
        if (page?.type !== "asset") this.error("the single-file build has no index.html");
        const take = (file, type) => {
          const output = bundle[file];
          if (output?.type !== type) this.error(`the single-file build cannot inline ${file}`);
          delete bundle[file];
          return type === "chunk" ? output.code : String(output.source);
        };
        const scripts = [];
        const styles = [];
        let html = String(page.source)
          .replace(/<script type="module" crossorigin src="\.\/([^"]+)"><\/script>/g, (_tag, file) => {
            // HTML would end or re-parse the element at `</script`, `<script` or `<!--` inside the code; in the strings,
            // templates and patterns where a minifier leaves them, `\x3C` means the same `<` to JavaScript.
            const code = take(file, "chunk").replace(/<(\/?script|!--)/gi, "\\x3C$1");
            scripts.push(code);
            return `<script type="module">${code}</script>`;
          })
          .replace(/<link rel="stylesheet" crossorigin href="\.\/([^"]+)">/g, (_tag, file) => {
            const css = take(file, "asset").replace(/<\/style/gi, "<\\/style");
            styles.push(css);
            return `<style>${css}</style>`;
          })
          .replace(/href="\.\/favicon\.svg"/, () => {
            const svg = readFileSync(resolve(root, "public/favicon.svg"), "utf8");
            return `href="data:image/svg+xml,${encodeURIComponent(svg)}"`;
          });
        const left = Object.keys(bundle).filter((file) => file !== "index.html");
        if (left.length > 0) this.error(`the single-file build would need more files: ${left.join(", ")}`);
        if (/(?:src|href)="\.\//.test(html)) this.error("the single-file page still refers to a file beside it");
        if (!html.includes(CHARSET)) this.error(`index.html must start its <head> with ${CHARSET}`);
        const csp = singleFileCsp({ scripts: scripts.map(sha256), styles: styles.map(sha256) });
        html = html.replace(CHARSET, `${CHARSET}\n    <meta http-equiv="Content-Security-Policy" content="${csp}" />`);
        delete bundle["index.html"];
        this.emitFile({ type: "asset", fileName: SINGLE_FILE_NAME, source: html });
      },
    },
  };
}
