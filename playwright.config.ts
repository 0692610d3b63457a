import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, findChromium } from "./scripts/ensure-chromium.mjs";

// E2E_PORT lets two checkouts on one machine run their tests side by side.
const port = Number(process.env.E2E_PORT ?? 4174);
const baseURL = `http://127.0.0.1:${port}`;

const executablePath = findChromium();
if (executablePath === undefined) {
  throw new Error("Chromium is missing: run `node scripts/ensure-chromium.mjs` (or set CHROMIUM_PATH).");
}

export default defineConfig({
  testDir: "e2e",
  // Two shared cores: one browser at a time keeps timings stable.
  workers: 1,
  retries: 0,
  forbidOnly: true,
  reporter: "list",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    browserName: "chromium",
    headless: true,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath,
      args: [...CHROMIUM_ARGS],
    },
  },
  webServer: {
    // The same server as `npm start`: the built dist/ (rebuilt first if stale) with the production headers.
    command: `node scripts/start.mjs --port ${port}`,
    url: baseURL,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "ignore",
    stderr: "pipe",
  },
});
