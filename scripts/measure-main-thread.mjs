#!/usr/bin/env node
// Measures how long the page's main thread is blocked while a large paste is analysed, in Debian's Chromium
// against the built site (`npm run build` first). A measurement, not a test: timings depend on the machine.
//
//   node scripts/measure-main-thread.mjs [--mb 10] [--port 4175] [--render-wait-s 900]
//
// It puts a synthetic organisation of about --mb MB on the clipboard and pastes it into the textbox with Ctrl+V.
// While the worker analyses it, it types five characters into the server name field, each starting a new analysis
// that the next one cancels. It reports the long tasks (> 50 ms, PerformanceObserver "longtask") while the paste
// is handled, while the worker analyses, and while the report is received and rendered; the slowest key event
// (Event Timing API); how many analyses were started and how many reports came back; and how long it takes until
// the first results are on screen, counted from the start of the analysis whose results they are. Then it
// downloads the report (JSON, then Markdown), copies a share link (plain and redacted) and saves a .certflow file,
// reporting the long tasks of each until it is done. Last, when the findings show only their first page, it clicks
// "Show all" and reports the long tasks until every finding shows.
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";
import { build, createServer, preview } from "vite";
import { CHROMIUM_ARGS, findChromium } from "./ensure-chromium.mjs";

function option(name, fallback) {
  const at = process.argv.indexOf(name);
  return at === -1 ? fallback : Number(process.argv[at + 1]);
}

const megabytes = option("--mb", 10);
/** How long to wait for the page to show the report once it has arrived (a page that draws it all at once is slow). */
const RENDER_WAIT_MS = option("--render-wait-s", 900) * 1000;
const port = option("--port", 4175);

const loader = await createServer({
  configFile: false,
  logLevel: "error",
  server: { middlewareMode: true },
  appType: "custom",
});
const { generateOrg } = await loader.ssrLoadModule("/scripts/generate-org.ts");
await loader.close();
const perServer = generateOrg({ servers: 8 }).text.length / 8;
const text = generateOrg({ servers: Math.max(1, Math.round((megabytes * 1_000_000) / perServer)) }).text;

if (!existsSync("dist/index.html")) await build({ logLevel: "warn" });
const server = await preview({ logLevel: "warn", preview: { port, strictPort: true } });
const executablePath = findChromium();
if (executablePath === undefined) throw new Error("Chromium is missing: run `node scripts/ensure-chromium.mjs`.");
const browser = await chromium.launch({
  executablePath,
  args: CHROMIUM_ARGS,
});

try {
  const url = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${port}/`;
  const context = await browser.newContext();
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(url).origin });
  const page = await context.newPage();
  await page.addInitScript(() => {
    const w = window;
    w.__longtasks = [];
    w.__keys = [];
    w.__posts = [];
    w.__replies = [];
    // Results on screen: the status line turns to "Read …" (it waits for the same deferred render as the results),
    // and a frame has been drawn since. Every time, so the results of the last analysis can be told from earlier ones.
    w.__drawn = [];
    let wasRead = false;
    new MutationObserver(() => {
      const read = /^Read /.test(document.querySelector('[role="status"]')?.textContent ?? "");
      if (read && !wasRead) {
        const at = performance.now();
        requestAnimationFrame(() => setTimeout(() => w.__drawn.push({ at, drawn: performance.now() }), 0));
      }
      wasRead = read;
    }).observe(document, { childList: true, subtree: true, characterData: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: "longtask", buffered: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.name === "keydown" || e.name === "keypress" || e.name === "input" || e.name === "keyup") {
          w.__keys.push({ name: e.name, start: e.startTime, duration: e.duration });
        }
      }
    }).observe({ type: "event", durationThreshold: 16, buffered: true });
    // Watch the page's worker traffic: when an analysis is started and when a report comes back.
    const NativeWorker = window.Worker;
    window.Worker = class extends NativeWorker {
      constructor(url, options) {
        super(url, options);
        this.addEventListener("message", () => w.__replies.push(performance.now()));
      }
      postMessage(message, transfer) {
        // A large paste goes in several messages with one id: a run starts with the first of them.
        if (message?.id !== w.__lastPostId) w.__posts.push(performance.now());
        w.__lastPostId = message?.id;
        super.postMessage(message, transfer);
      }
    };
  });
  await page.goto(url);
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.getByLabel("PowerShell output").focus();
  await page.waitForTimeout(500);

  const t0 = await page.evaluate(() => performance.now());
  await page.keyboard.press("Control+V");
  await page.waitForFunction(() => window.__posts.length > 0, null, { timeout: 600_000, polling: 100 });
  // Soon after the paste: a 10 MB analysis takes about a second in the worker, and the typing must overlap it.
  await page.waitForTimeout(200);

  // While the worker analyses the paste, type into the server field: each key starts a new analysis (after the
  // debounce) and the next key cancels it. Focused by script: the page is busy enough without a locator search.
  await page.evaluate(() => {
    const label = [...document.querySelectorAll("label")].find((l) => l.textContent?.startsWith("Server name"));
    document.getElementById(label?.htmlFor ?? "")?.focus();
  });
  const typedAt = await page.evaluate(() => performance.now());
  for (const key of ["E", "X", "0", "1", "A"]) {
    await page.keyboard.type(key);
    await page.waitForTimeout(400);
  }
  await page.waitForFunction(() => window.__replies.length > 0, null, { timeout: 1_800_000, polling: 500 });
  const rendered = await page
    .waitForFunction(() => /^Read /.test(document.querySelector('[role="status"]')?.textContent ?? ""), null, {
      timeout: RENDER_WAIT_MS,
      polling: 500,
    })
    .then(
      () => true,
      () => false,
    );
  await page.waitForFunction(() => window.__drawn.some((d) => d.at > (window.__posts.at(-1) ?? 0)), null, {
    timeout: RENDER_WAIT_MS,
    polling: 500,
  });
  await page.waitForTimeout(2000);
  const seen = await page.evaluate(() => ({
    longtasks: [...window.__longtasks],
    keys: window.__keys,
    posts: window.__posts,
    replies: window.__replies,
    // The first results of the last analysis started, not those of a run the typing superseded.
    resultsDrawn: window.__drawn.find((d) => d.at > (window.__posts.at(-1) ?? 0))?.drawn,
    settled: performance.now(),
  }));

  const [firstPost = t0] = seen.posts;
  const lastPost = seen.posts.at(-1) ?? firstPost;
  // The report may come in several messages; cancelled runs send none (their worker is stopped).
  const replies = seen.replies.filter((r) => r >= lastPost);
  const reply = replies[0] ?? Number.POSITIVE_INFINITY;
  // A task belongs to the window it ends in: the one that receives the report starts before the reply is seen.
  const within = (from, to) => seen.longtasks.filter((t) => t.start + t.duration > from && t.start + t.duration <= to);
  const longest = (tasks) => (tasks.length === 0 ? 0 : Math.max(...tasks.map((t) => t.duration)));
  const summary = (tasks) =>
    tasks.length === 0 ? "no long task" : `${tasks.length} long tasks, longest ${longest(tasks).toFixed(0)} ms`;
  const during = within(firstPost, reply);
  const rendering = within(reply, seen.settled);
  const slowestKey = seen.keys.filter((k) => k.start >= typedAt).reduce((max, k) => Math.max(max, k.duration), 0);
  const lines = [
    `paste: ${(text.length / 1e6).toFixed(1)} MB`,
    `handling the paste (insert, store, render, post): ${summary(within(t0, firstPost))}`,
    `analysis in the worker, from the first post to the report (${(reply - firstPost).toFixed(0)} ms, the last run ${(reply - lastPost).toFixed(0)} ms): main thread ${summary(during)}`,
    `typing 5 keys meanwhile: slowest key event ${slowestKey === 0 ? "under 16 ms" : `${slowestKey.toFixed(0)} ms`}; ${seen.posts.length} analyses started, 1 report received in ${replies.length} messages (the others were cancelled)`,
    `receiving and rendering the report (${(seen.resultsDrawn - reply).toFixed(0)} ms from its first message to the first results drawn): ${summary(rendering)}${rendered ? "" : ` (not finished after ${RENDER_WAIT_MS / 1000} s)`}`,
    `main_thread_longest_task_during_analysis_ms: ${longest(during).toFixed(0)}`,
    `main_thread_longest_task_during_results_render_ms: ${longest(rendering).toFixed(0)}`,
    `main_thread_longest_task_from_paste_to_results_ms: ${longest(within(t0, seen.settled)).toFixed(0)}`,
    `first_results_visible_ms: ${(seen.resultsDrawn - lastPost).toFixed(0)} (from the start of the analysis they show; ${(seen.resultsDrawn - t0).toFixed(0)} from the paste, with the restarts the typing caused)`,
  ];
  process.stdout.write(`${lines.join("\n")}\n`);

  /** Long tasks from a click until `done` resolves, with how long it took. */
  async function measureAction(label, key, act) {
    const from = await page.evaluate(() => performance.now());
    await act();
    const to = await page.evaluate(() => performance.now());
    await page.waitForTimeout(1000);
    const tasks = await page.evaluate(
      ([a, b]) => window.__longtasks.filter((t) => t.start + t.duration > a && t.start <= b),
      [from, to],
    );
    process.stdout.write(
      `${label}: ${(to - from).toFixed(0)} ms, ${summary(tasks)}\nmain_thread_longest_task_during_${key}_ms: ${longest(tasks).toFixed(0)}\n`,
    );
  }
  for (const format of ["JSON", "Markdown"]) {
    await measureAction(`download report (${format})`, `download_${format.toLowerCase()}`, async () => {
      const [download] = await Promise.all([
        page.waitForEvent("download", { timeout: RENDER_WAIT_MS }),
        page.locator("button", { hasText: `Download report (${format})` }).click(),
      ]);
      await download.path();
    });
  }
  // Redaction reads every line of the paste (seconds for a large one): it runs in a worker.
  for (const redacted of [false, true]) {
    await page.getByLabel("Redact names before sharing").setChecked(redacted);
    const [what, key] = redacted ? [", redacted", "_redacted"] : ["", ""];
    await measureAction(`copy share link${what}`, `share_link${key}`, async () => {
      await page.locator("button", { hasText: "Copy share link" }).click();
      await page
        .getByText(/^(Link copied|This link would be|This paste is too large to share|This browser did not allow)/)
        .waitFor({ timeout: RENDER_WAIT_MS });
    });
  }
  await page.getByLabel("Redact names before sharing").uncheck();
  await measureAction("download .certflow file", "share_file", async () => {
    // A paste over the share limit is refused with a message instead of a file.
    const saved = page.waitForEvent("download", { timeout: RENDER_WAIT_MS }).then((download) => download.path());
    saved.catch(() => undefined);
    await page.locator("button", { hasText: "Download .certflow file" }).click();
    await Promise.race([
      saved,
      page
        .getByText(/^(Saved |This paste is too large to share.*No file was saved)/)
        .waitFor({ timeout: RENDER_WAIT_MS }),
    ]);
  });
  // "Show all" on the findings, when they show a first page only: every finding, a page per task.
  const showAll = page.getByRole("button", { name: /^Show all [\d,]+ findings$/ });
  if ((await showAll.count()) === 0) {
    process.stdout.write("show all findings: every finding shows at first\n");
  } else {
    const clickedAt = await page.evaluate(() => performance.now());
    await showAll.click();
    const done = await page
      .waitForFunction(
        () =>
          ![...document.querySelectorAll("button")].some((b) => /^Show all [\d,]+ findings$/.test(b.textContent ?? "")),
        null,
        { timeout: RENDER_WAIT_MS, polling: 250 },
      )
      .then(
        () => true,
        () => false,
      );
    const doneAt = await page.evaluate(() => performance.now());
    await page.waitForTimeout(1000);
    const tasks = await page.evaluate(
      (from) => window.__longtasks.filter((t) => t.start + t.duration > from),
      clickedAt,
    );
    const took = done ? `${(doneAt - clickedAt).toFixed(0)} ms until every finding showed` : "not finished";
    process.stdout.write(
      `show all findings: ${took}, ${summary(tasks)}\nmain_thread_longest_task_during_show_all_findings_ms: ${longest(tasks).toFixed(0)}\n`,
    );
  }
} finally {
  await browser.close();
  server.httpServer.close();
}
