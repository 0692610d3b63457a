#!/usr/bin/env node
// Makes docs/screenshot.png for the README: the built site (run `npm run build` first) with sample 02 loaded.
// Usage: node scripts/screenshot.mjs [--dark]
import { mkdirSync } from "node:fs";
import { chromium } from "@playwright/test";
import { preview } from "vite";
import { CHROMIUM_ARGS, findChromium } from "./ensure-chromium.mjs";

const dark = process.argv.includes("--dark");
const executablePath = findChromium();
if (executablePath === undefined) {
  process.stderr.write("Chromium is missing: run node scripts/ensure-chromium.mjs\n");
  process.exit(1);
}

const server = await preview({ logLevel: "warn", preview: { port: 0, strictPort: false } });
const url = server.resolvedUrls?.local[0];
const browser = await chromium.launch({
  executablePath,
  args: CHROMIUM_ARGS,
});
try {
  if (url === undefined) throw new Error("vite preview did not report its URL");
  const page = await browser.newPage({
    viewport: { width: 1280, height: 1000 },
    deviceScaleFactor: 1,
    colorScheme: dark ? "dark" : "light",
  });
  await page.goto(url);
  await page.getByLabel("Try an example").selectOption({ label: "Get-ExchangeCertificate | fl (Russian dates)" });
  await page.getByRole("table", { name: /^Certificates on / }).waitFor();
  mkdirSync("docs", { recursive: true });
  const path = dark ? "docs/screenshot-dark.png" : "docs/screenshot.png";
  await page.screenshot({ path, fullPage: true });
  process.stdout.write(`wrote ${path}\n`);
} finally {
  await browser.close();
  await server.close();
}
