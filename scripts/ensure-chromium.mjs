#!/usr/bin/env node
// Makes sure a system Chromium exists for Playwright. Playwright's own browser download cannot work on
// closed networks, so the e2e tests always drive Debian's chromium package.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

export const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

/** Launch flags for every run: the machine's network is closed, and without these Chromium keeps dialling Google services. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

/** The Chromium binary to use, or undefined when none is installed. */
export function findChromium(env = process.env) {
  const fromEnv = env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  return CANDIDATES.find((path) => existsSync(path));
}

function isDebianLike() {
  try {
    const release = readFileSync("/etc/os-release", "utf8");
    return /^(ID|ID_LIKE)=.*\b(debian|ubuntu)\b/m.test(release);
  } catch {
    return false;
  }
}

function run(command, args) {
  const result = spawnSync(command, args, {
    stdio: "inherit",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  return result.status === 0;
}

function fail(message) {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

function main() {
  const found = findChromium();
  if (found) {
    process.stdout.write(`Chromium: ${found}\n`);
    return;
  }
  if (process.env.CHROMIUM_PATH) {
    fail(`CHROMIUM_PATH is set to ${process.env.CHROMIUM_PATH}, but no file is there.`);
  }
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (!isRoot || !isDebianLike()) {
    fail(
      "Chromium is missing. Install it (Debian/Ubuntu: sudo apt-get install -y chromium) " +
        "or set CHROMIUM_PATH to a Chromium binary, then run the tests again.",
    );
  }
  process.stdout.write("Chromium is missing: installing Debian's chromium package…\n");
  if (!run("apt-get", ["update"]) || !run("apt-get", ["install", "-y", "--no-install-recommends", "chromium"])) {
    fail("apt-get could not install chromium. Install it by hand: apt-get install -y chromium");
  }
  const installed = findChromium();
  if (!installed) fail("apt-get finished, but /usr/bin/chromium is still missing.");
  process.stdout.write(`Chromium: ${installed}\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) main();
