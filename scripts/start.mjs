#!/usr/bin/env node
// `npm start`: builds dist/ when it is missing or older than its sources, then serves it with the
// production security headers (vite.config.ts `preview`) and prints the URL.
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { build, preview } from "vite";

const SOURCES = ["src", "public", "index.html", "vite.config.ts", "scripts/security-policy.mjs", "package-lock.json"];

function newestChange(path) {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestChange(join(path, name))), stat.mtimeMs);
}

function builtAt() {
  try {
    return statSync("dist/index.html").mtimeMs;
  } catch {
    return -1;
  }
}

function portFrom(argv) {
  const index = argv.indexOf("--port");
  const value = index === -1 ? process.env.PORT : argv[index + 1];
  if (value === undefined) return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    process.stderr.write(`certflow: not a port number: ${value}\n`);
    process.exit(2);
  }
  return port;
}

const port = portFrom(process.argv.slice(2));
if (builtAt() < Math.max(...SOURCES.map(newestChange))) {
  process.stdout.write("Building dist/ …\n");
  await build({ logLevel: "warn" });
}
const server = await preview({ logLevel: "warn", ...(port === undefined ? {} : { preview: { port } }) });
const url = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${port ?? 4173}/`;
process.stdout.write(`certflow is being served at ${url}  (Ctrl+C stops it)\n`);
