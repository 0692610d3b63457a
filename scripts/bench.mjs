#!/usr/bin/env node
// `npm run bench [-- --sizes 100kb,10mb] [-- --quick] [-- --profile]`: bundles scripts/bench-main.ts for Node with
// Vite (the same bundler as the CLI, no TypeScript loader needed), then runs it in a fresh Node with a collectable
// heap. `--profile` writes a V8 CPU profile per run into node_modules/.cache/certflow-bench/profiles/ (open it in Chrome DevTools).
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { build } from "vite";

const OUT = join("node_modules", ".cache", "certflow-bench");

await build({
  configFile: false,
  logLevel: "warn",
  publicDir: false,
  build: {
    ssr: "scripts/bench-main.ts",
    outDir: OUT,
    emptyOutDir: true,
    target: "node20",
    minify: false,
    copyPublicDir: false,
    rolldownOptions: { output: { format: "es", entryFileNames: "bench.mjs" } },
  },
});

const args = process.argv.slice(2);
const profile = args.includes("--profile");
const flags = ["--expose-gc", "--max-old-space-size=8192"];
if (profile) flags.push("--cpu-prof", `--cpu-prof-dir=${join(OUT, "profiles")}`);
const run = spawnSync(process.execPath, [...flags, join(OUT, "bench.mjs"), ...args.filter((a) => a !== "--profile")], {
  stdio: "inherit",
});
process.exit(run.status ?? 1);
