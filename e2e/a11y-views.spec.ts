import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

/**
 * axe on every view a user meets, in the light and the dark theme (axe's color-contrast rule is the AA check):
 * the empty page, the results of a story, a flowchart step's details, the share controls after "Copy share link",
 * a broken link's alert, and a paste nothing could be read from.
 */

const story = readFileSync(new URL("../src/__stories__/stale-tlsname-after-renewal.txt", import.meta.url), "utf8");

async function expectNoViolations(page: Page, view: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const summary = violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join("; ")}`);
  expect(summary, `axe violations in the ${view} view`).toEqual([]);
}

async function paste(page: Page, text: string): Promise<void> {
  await page.getByLabel("As of").fill("2025-06-01");
  await page.getByLabel("PowerShell output").fill(text);
  await expect(page.getByText(/^Read \d+ blocks?;/)).toBeVisible();
}

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`the ${colorScheme} theme`, () => {
    test.beforeEach(async ({ page, context }) => {
      await context.grantPermissions(["clipboard-read", "clipboard-write"]);
      await page.emulateMedia({ colorScheme });
    });

    test("empty, results, flowchart details and share controls pass axe", async ({ page }) => {
      test.setTimeout(90_000);
      await page.goto("./");
      expect(await page.evaluate(() => matchMedia("(prefers-color-scheme: dark)").matches)).toBe(
        colorScheme === "dark",
      );
      await expectNoViolations(page, "empty");

      await paste(page, story);
      await expectNoViolations(page, "results");

      const figure = page.getByRole("figure", { name: "Certificate selection for Default Frontend EX01" });
      const node = figure.locator('g[data-step-id="tlsname-match"]');
      await node.click();
      await expect(node).toHaveAttribute("aria-pressed", "true");
      await page.getByText("Steps as a list").click();
      await page.getByText("About TLSNAME_NOT_FOUND").click();
      await expectNoViolations(page, "flowchart detail");

      await page.getByRole("button", { name: "Copy share link" }).click();
      await expect(page.getByText(/^Link copied/)).toBeVisible();
      await expect(page.getByLabel("Share link")).toBeVisible();
      await expectNoViolations(page, "share link");

      await page.getByLabel("Redact names before sharing").check();
      await page.getByRole("button", { name: "Copy share link" }).click();
      await expect(page.getByText(/^Replaced \d+/)).toBeVisible();
      await expectNoViolations(page, "redacted share link");
    });

    test("a broken share link's alert and an unreadable paste pass axe", async ({ page }) => {
      await page.goto("./#v1.@@not-a-link@@");
      await expect(page.getByRole("alert")).toContainText("Nothing was loaded.");
      await expectNoViolations(page, "broken link");

      await paste(page, "\u0000\u202e<img src=x>\n{\n]]\n-----BEGIN CERTIFICATE-----\nMIIB\n");
      await expect(page.getByRole("heading", { name: "Not understood" })).toBeVisible();
      await expectNoViolations(page, "not understood");
    });

    test("the path a connector's certificate was chosen by is drawn solid, the rest dashed, not just in colour", async ({
      page,
    }) => {
      await page.goto("./");
      await paste(page, story);
      const figure = page.getByRole("figure", { name: "Certificate selection for Default Frontend EX01" });
      const dashes = (lit: boolean) =>
        figure
          .locator(`g[role="button"][data-lit="${lit}"] rect`)
          .evaluateAll((boxes) => boxes.map((box) => getComputedStyle(box).strokeDasharray));
      const taken = await dashes(true);
      const untaken = await dashes(false);
      expect(taken.length).toBeGreaterThan(0);
      expect(untaken.length).toBeGreaterThan(0);
      for (const dash of taken) expect(dash).toBe("none");
      for (const dash of untaken) expect(dash).not.toBe("none");
    });
  });
}
