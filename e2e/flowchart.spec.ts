import { readdirSync, readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import type { Locator, Page } from "@playwright/test";
import type { Report, ReportSelection } from "../src/report/types";
import { EXAMPLES } from "../src/ui/paste/examples";
import { expect, test } from "./fixtures";

const storiesDir = new URL("../src/__stories__/", import.meta.url);
const story = (name: string) => readFileSync(new URL(`${name}.txt`, storiesDir), "utf8");
const storyNames = readdirSync(storiesDir)
  .filter((n) => n.endsWith(".txt"))
  .map((n) => n.replace(/\.txt$/, ""));

async function paste(page: Page, text: string, asOf: string) {
  await page.goto("./");
  await page.getByLabel("As of").fill(asOf);
  await page.getByLabel("PowerShell output").fill(text);
  await expect(page.getByText(/^Read \d+ blocks?;/)).toBeVisible();
}

/** The report the page shows, as its "Download report (JSON)" button saves it. */
async function downloadedReport(page: Page): Promise<Report> {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download report (JSON)" }).click(),
  ]);
  return JSON.parse(readFileSync(await download.path(), "utf8")) as Report;
}

const taken = (selection: ReportSelection) => selection.steps.filter((s) => s.outcome !== "skipped").map((s) => s.id);

/** Checks that a figure lights exactly the steps its trace takes, in order, and the edges between them. */
async function expectLitPath(figure: Locator, selection: ReportSelection) {
  const ids = taken(selection);
  await expect(figure).toHaveAttribute("data-lit-path", ids.join(" "));
  const litNodes = await figure
    .locator('g[role="button"][data-lit="true"]')
    .evaluateAll((nodes) => nodes.map((n) => n.getAttribute("data-step-id")));
  expect([...litNodes].sort()).toEqual([...ids].sort());
  const litEdges = await figure
    .locator('g[data-edge][data-lit="true"]')
    .evaluateAll((edges) => edges.map((e) => e.getAttribute("data-edge")));
  const consecutive = ids.slice(1).map((to, i) => `${ids[i]}->${to}`);
  expect([...litEdges].sort()).toEqual([...consecutive].sort());
}

test("the stale TlsCertificateName story: no STARTTLS, the lit path of its trace, and why the match failed", async ({
  page,
}) => {
  await paste(page, story("stale-tlsname-after-renewal"), "2025-06-01");
  const region = page.getByRole("region", { name: /Default Frontend EX01.*EX01/ });
  await expect(region).toContainText("Default Frontend EX01 offers no STARTTLS.");
  const figure = region.getByRole("figure", { name: "Certificate selection for Default Frontend EX01" });
  await expect(figure).toBeVisible();

  const report = await downloadedReport(page);
  const selection = report.selections.find((s) => s.connector === "Default Frontend EX01");
  if (selection === undefined) throw new Error("the report traces no Default Frontend EX01");
  expect(taken(selection)).toContain("tlsname-match");
  await expectLitPath(figure, selection);

  const match = figure.locator('g[data-step-id="tlsname-match"]');
  await expect(match).toHaveAccessibleName(/\? no · kept 0 · dropped 3, on the path taken$/);
  await expect(match).toContainText("kept 0 · dropped 3");
  await expect(figure.locator('g[data-step-id="chosen-smtp"]')).toHaveAccessibleName(/ not reached$/);

  await match.click();
  await expect(match).toHaveAttribute("aria-pressed", "true");
  const details = page.locator(`[id="${await match.getAttribute("aria-controls")}"]`);
  await expect(details).toContainText("Does a certificate on the server have this issuer and subject?");
  await expect(details).toContainText("Kept (0)");
  await expect(details).toContainText("Dropped (3)");
  const renewed = details.getByRole("listitem").filter({ hasText: "6A1F8D33B0C2E1F4A5968776C3D2E1F0A9B8C7D6" });
  await expect(renewed).toContainText("CN=mail.contoso.com, O=Contoso Ltd");
  await expect(renewed).toContainText("same subject, different issuer");

  await region.getByText("Steps as a list").click();
  const listed = await region
    .locator("ol > li[data-step-id]")
    .evaluateAll((items) => items.map((i) => i.getAttribute("data-step-id")));
  expect(listed).toEqual(selection.steps.map((s) => s.id));
});

test("the flowchart's steps are reached and selected with the keyboard", async ({ page }) => {
  await paste(page, story("stale-tlsname-after-renewal"), "2025-06-01");
  const figure = page.getByRole("figure", { name: "Certificate selection for Default Frontend EX01" });
  const first = figure.locator('g[data-step-id="anonymous-tls"]');
  await expect(first).toHaveAttribute("tabindex", "0");
  await first.focus();
  await page.keyboard.press("ArrowDown");
  const next = figure.locator('g[data-step-id="auth-tls"]');
  await expect(next).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(next).toHaveAttribute("aria-pressed", "true");
  await expect(page.locator(`[id="${await next.getAttribute("aria-controls")}"]`)).toContainText(
    "Does the connector's AuthMechanism include Tls?",
  );
  await page.keyboard.press("End");
  await page.keyboard.press(" ");
  await expect(figure.locator('g[aria-pressed="true"]')).toHaveCount(1);
  await expect(page.locator('g[aria-pressed="true"]')).toHaveAttribute("tabindex", "0");
});

test("the port-587 story: Client Frontend EX02 presents the self-signed CN=EX02", async ({ page }) => {
  await paste(page, story("client-frontend-587-self-signed"), "2026-06-01");
  const region = page.getByRole("region", { name: /Client Frontend EX02.*EX02/ });
  await expect(region).toContainText(
    "Client Frontend EX02 presents CN=EX02 (thumbprint 3C2B1A0F9E8D7C6B5A4F3E2D1C0B9A8F7E6D5C4B) via Fqdn.",
  );
  await expect(region.getByRole("figure", { name: "Certificate selection for Client Frontend EX02" })).toBeVisible();
});

test("a later As-of date recomputes the verdict and the chart: the wildcard certificate has expired", async ({
  page,
}) => {
  await paste(page, story("client-frontend-587-self-signed"), "2026-06-01");
  const region = page.getByRole("region", { name: /Default Frontend EX02.*EX02/ });
  const expiry = region.locator('g[data-step-id="chosen-expiry"]');
  await expect(expiry).toHaveAttribute("data-outcome", "yes");
  await expect(region.getByText(/Note:/)).toHaveCount(0);

  await page.getByLabel("As of").fill("2027-01-15");
  await expect(expiry).toHaveAttribute("data-outcome", "no");
  await expect(expiry).toHaveAttribute("data-lit", "true");
  await expect(expiry).toHaveAccessibleName(/\? no · kept 1 · dropped 0, on the path taken$/);
  await expect(region).toContainText("Default Frontend EX02 presents CN=*.northwind.com");
  await expect(region.getByText(/Note:.*expired on 2026-12-31/)).toBeVisible();
  await expect(page.getByText("As of 2027-01-15")).toBeVisible();
});

async function expectEveryConnectorCharted(page: Page) {
  const report = await downloadedReport(page);
  const regions = page.locator("section[data-connector]");
  await expect(regions).toHaveCount(report.selections.length);
  for (const [i, selection] of report.selections.entries()) {
    const region = regions.nth(i);
    await expect(region).toHaveAttribute("data-connector", selection.connector);
    const figure = region.getByRole("figure", { name: `Certificate selection for ${selection.connector}` });
    await expect(figure).toBeVisible();
    await expectLitPath(figure, selection);
  }
  return report.selections.length;
}

for (const name of storyNames) {
  test(`every connector of the story ${name} gets a chart lit along its trace`, async ({ page }) => {
    await paste(page, story(name), "2025-06-01");
    await expectEveryConnectorCharted(page);
  });
}

test("every connector of every example gets a chart lit along its trace", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("./");
  await page.getByLabel("As of").fill("2025-06-01");
  let charted = 0;
  const done = page.getByText(/^Read \d+ blocks?;/);
  for (const example of EXAMPLES) {
    // Emptying the box clears the last report, so the next "Read …" belongs to this example.
    await page.getByLabel("PowerShell output").fill("");
    await expect(done).toHaveCount(0);
    await page.getByLabel("Try an example").selectOption({ label: example.name });
    await expect(done).toBeVisible();
    expect(await page.getByLabel("PowerShell output").inputValue(), example.name).not.toBe("");
    charted += await expectEveryConnectorCharted(page);
  }
  expect(charted).toBeGreaterThan(0);
});

for (const { width, scrolls } of [
  { width: 1280, scrolls: false },
  { width: 390, scrolls: true },
]) {
  test(`the chart stays readable at ${width} px, scrolling inside its own box when the screen is narrow`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 900 });
    await paste(page, story("client-frontend-587-self-signed"), "2026-06-01");
    const region = page.getByRole("region", { name: /Client Frontend EX02.*EX02/ });
    const figure = region.getByRole("figure", { name: "Certificate selection for Client Frontend EX02" });
    await expect(figure).toBeVisible();
    for (const box of [await region.boundingBox(), await figure.boundingBox()]) {
      expect((box?.x ?? 0) + (box?.width ?? Number.POSITIVE_INFINITY)).toBeLessThanOrEqual(width);
    }
    const frame = figure.locator("svg").locator("..");
    const overflow = await frame.evaluate((el) => el.scrollWidth > el.clientWidth);
    expect(overflow).toBe(scrolls);
    const node = figure.locator('g[data-step-id="fqdn-match"]');
    await node.click();
    await expect(node).toHaveAttribute("aria-pressed", "true");
    // Labels keep at least ~10 px text: the 214-unit node box is not squeezed below 170 px.
    expect((await node.boundingBox())?.width ?? 0).toBeGreaterThan(170);
  });
}

for (const colorScheme of ["light", "dark"] as const) {
  test(`connector regions, charts and step details pass axe in the ${colorScheme} theme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await paste(page, story("stale-tlsname-after-renewal"), "2025-06-01");
    const figure = page.getByRole("figure", { name: "Certificate selection for Default Frontend EX01" });
    await figure.locator('g[data-step-id="tlsname-match"]').click();
    await page.getByText("Steps as a list").click();
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  });
}

test("a connector name holding markup and PowerShell stays text in the region, the chart and the fix", async ({
  page,
}) => {
  const name = `Frontend <img src=x onerror="window.__pwned=1"> $(Remove-Item C:\\) 'q'`;
  await paste(page, story("stale-tlsname-after-renewal").replaceAll("Default Frontend EX01", name), "2025-06-01");
  const region = page.getByRole("region", { name: new RegExp(`${name.replace(/[$()\\^.*+?[\]{}|]/g, "\\$&")}`) });
  await expect(region).toContainText(`${name} offers no STARTTLS.`);
  await expect(region.getByRole("figure", { name: `Certificate selection for ${name}` })).toBeVisible();
  await region.locator('g[data-step-id="tlsname-match"]').click();
  await expect(page.locator("main img")).toHaveCount(0);
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  const command = page.getByRole("region", { name: "Fix plan" }).locator("code", { hasText: "Set-ReceiveConnector" });
  await expect(command).toContainText(
    `'EX01\\Frontend <img src=x onerror="window.__pwned=1"> $(Remove-Item C:\\) ''q'''`,
  );
});
