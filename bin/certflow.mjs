#!/usr/bin/env node
// Thin launcher: the CLI itself is built into dist-cli/ by `npm ci` (the prepare script).
import { existsSync } from "node:fs";

const built = new URL("../dist-cli/certflow.mjs", import.meta.url);

if (!existsSync(built)) {
  process.stderr.write("certflow CLI is not built: run npm ci (or npm run build:cli)\n");
  process.exit(2);
}

try {
  await import(built.href);
} catch (error) {
  process.stderr.write(
    `certflow: cannot start: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}\n`,
  );
  process.exit(2);
}
