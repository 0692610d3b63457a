import { readFileSync } from "node:fs";
import type { BrowserContext, Locator, Page } from "@playwright/test";
import { generateOrg } from "../scripts/generate-org";
import type { Report } from "../src/report/types";
import { expect, test } from "./fixtures";

// About 3 MB: long enough to analyse that the progress message shows on any machine.
const large = generateOrg({ servers: 300 }).text;
// About 200 KB: quick to analyse and draw, and every long list of its results is longer than a page.
const organisation = generateOrg({ servers: 40 }).text;

/** Pastes with Ctrl+V from the clipboard, the way a user pastes (filling the box types character by character). */
async function pasteFromClipboard(page: Page, context: BrowserContext, baseURL: string | undefined, text: string) {
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(baseURL ?? "").origin });
  await page.goto("./");
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.getByLabel("PowerShell output").focus();
  await page.keyboard.press("Control+V");
}

/**
 * Clicks a "Show more" button and waits for the list to grow from `from` to `to` items. Sections of an
 * organisation's results are laid out as they near the screen, so the page can still move under the pointer when
 * the button is clicked; a click that missed is made again, as a user would, but only while nothing was added.
 */
async function showMore(button: Locator, items: Locator, from: number, to: number): Promise<void> {
  await expect(async () => {
    if ((await items.count()) === from) await button.click();
    await expect(items).toHaveCount(to, { timeout: 5_000 });
  }).toPass({ timeout: 30_000 });
}

async function downloadedReport(page: Page): Promise<Report> {
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download report (JSON)" }).click(),
  ]);
  return JSON.parse(readFileSync(await file.path(), "utf8")) as Report;
}

test("a large paste shows its start read-only, says it is being analysed and leaves the page usable", async ({
  page,
  context,
  baseURL,
}) => {
  await pasteFromClipboard(page, context, baseURL, large);
  const box = page.getByLabel("PowerShell output");

  await expect(page.getByRole("status").filter({ hasText: /^Analysing \d+\.\d MB…$/ })).toBeVisible();
  await expect(page.getByText(/^This paste is \d+\.\d MB, too large to show in the box/)).toBeVisible();
  await expect(box).toHaveJSProperty("readOnly", true);
  const shown = await box.inputValue();
  expect(shown.length).toBeGreaterThan(0);
  expect(large.startsWith(shown)).toBe(true);

  const server = page.getByLabel(/^Server name/);
  await server.pressSequentially("EX01");
  await expect(server).toHaveValue("EX01");
});

test("clearing a large paste gives back an empty, editable box", async ({ page, context, baseURL }) => {
  await pasteFromClipboard(page, context, baseURL, large);
  const box = page.getByLabel("PowerShell output");
  await page.getByRole("button", { name: "Clear the paste" }).click();

  await expect(box).toHaveValue("");
  await expect(box).toHaveJSProperty("readOnly", false);
  await expect(page.getByRole("status").filter({ hasText: "Paste output above, or try an example." })).toBeVisible();
});

test("an organisation's results show each long list a page at a time, and Show more and Show all reveal the rest", async ({
  page,
  context,
  baseURL,
}) => {
  // Hundreds of flowcharts at the end: a page that large is slow to query on a shared two-core machine.
  test.slow();
  await pasteFromClipboard(page, context, baseURL, organisation);
  await expect(page.getByRole("status").filter({ hasText: /^Read \d+ blocks/ })).toBeVisible();
  // The downloaded report holds everything: it is what the counts on the page must add up to.
  const report = await downloadedReport(page);
  const total = report.findings.length;
  const errors = report.findings.filter((f) => f.severity === "error").length;
  expect(total).toBeGreaterThan(60);

  const findings = page.getByRole("region", { name: "Findings" });
  await expect(findings.getByRole("heading", { name: `Errors (${errors})` })).toBeVisible();
  await expect(findings.getByText(new RegExp(`^${errors} errors, `))).toBeVisible();
  await expect(findings.getByRole("listitem")).toHaveCount(30);
  await expect(findings.getByText(`Showing 30 of ${total} findings.`)).toBeVisible();

  await showMore(
    findings.getByRole("button", { name: "Show 30 more findings" }),
    findings.getByRole("listitem"),
    30,
    60,
  );
  await expect(findings.getByRole("listitem").nth(30)).toBeFocused();
  await expect(findings.getByText(`Showing 60 of ${total} findings.`)).toBeVisible();

  // From the keyboard: the button, then Enter.
  await findings.getByRole("button", { name: `Show all ${total} findings` }).focus();
  await page.keyboard.press("Enter");
  await expect(findings.getByRole("listitem")).toHaveCount(total);
  await expect(findings.getByRole("listitem").nth(60)).toBeFocused();
  await expect(findings.getByText(/^Showing \d+ of [\d,]+ findings/)).toHaveCount(0);
  await expect(findings.getByRole("button", { name: /^Show .* findings?$/ })).toHaveCount(0);

  const certificateRows = page
    .getByRole("region", { name: "Inventory" })
    .locator("table")
    .filter({ has: page.locator("caption", { hasText: /^Certificates on / }) })
    .locator("tbody tr");
  await expect(certificateRows).toHaveCount(50);
  await showMore(page.getByRole("button", { name: "Show 50 more certificates" }), certificateRows, 50, 100);
  await expect(certificateRows.nth(50)).toBeFocused();

  const plan = page.getByRole("region", { name: "Fix plan" });
  await expect(plan.getByRole("listitem")).toHaveCount(30);
  await expect(plan.getByText(`Showing 30 of ${report.fixPlan.length} steps.`)).toBeVisible();
  await plan.getByRole("button", { name: "Copy whole plan" }).click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied.match(/^# step \d+: /gm)).toHaveLength(report.fixPlan.length);

  const timeline = page.getByRole("region", { name: "Certificate timeline" });
  await expect(timeline.getByRole("img")).toHaveAccessibleName(
    new RegExp(`^Validity of ${report.certificates.length} certificates on 40 servers .* The first 50 are drawn\\.`),
  );
  await expect(timeline.getByText(`Showing 50 of ${report.certificates.length} timeline rows.`)).toBeVisible();

  const connectors = page.getByRole("region", { name: "Certificate per connector" });
  const regions = connectors.getByRole("region");
  await expect(regions).toHaveCount(10);
  await expect(connectors.getByText(`Showing 10 of ${report.selections.length} connectors.`)).toBeVisible();
  await connectors.getByRole("button", { name: `Show all ${report.selections.length} connectors` }).click();
  // Each connector brings a flowchart and they are drawn a few per frame: on a loaded two-core machine the last
  // ones come after the default wait (210 of 244 after 10 s at a load average of 8).
  await expect(regions).toHaveCount(report.selections.length, { timeout: 60_000 });
  await expect(regions.nth(10)).toBeFocused();
});
