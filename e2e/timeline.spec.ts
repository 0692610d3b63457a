import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

const story = (name: string) => readFileSync(new URL(`../src/__stories__/${name}.txt`, import.meta.url), "utf8");

async function paste(page: Page, text: string, asOf: string) {
  await page.goto("./");
  await page.getByLabel("As of").fill(asOf);
  await page.getByLabel("PowerShell output").fill(text);
  await expect(page.getByText(/^Read \d+ blocks?;/)).toBeVisible();
}

test("the certificate timeline: a bar per certificate, the as-of date and the expiry markers", async ({ page }) => {
  await paste(page, story("healthy-hybrid"), "2026-07-01");
  const timeline = page.getByRole("region", { name: "Certificate timeline" });
  await expect(timeline).toBeVisible();

  const chart = timeline.getByRole("img", { name: /^Validity of 2 certificates on 1 server/ });
  await expect(chart).toBeVisible();
  await expect(chart.getByText("as-of date 2026-07-01")).toBeVisible();
  await expect(chart.locator("rect")).toHaveCount(2);
  const expiry = chart.locator('path[data-kind="presents-expired"]');
  await expect(expiry).toHaveCount(1);
  await expect(expiry).toHaveAttribute("data-date", "2027-06-02");
  await expect(chart.locator('path[data-kind="internal-expired"]')).toHaveCount(1);

  const table = timeline.getByRole("table", { name: "Validity of each certificate on each server" });
  await expect(table.getByRole("row")).toHaveCount(1 + 2);
  await expect(table.getByRole("row", { name: /mail\.woodgrovebank\.com/ })).toContainText("Default Frontend EX19A");

  const changes = timeline.getByRole("listitem").filter({ hasText: "presents an expired certificate" });
  await expect(changes).toHaveCount(3);
  await expect(changes.first()).toContainText("event 12016");
  await expect(
    timeline.getByRole("listitem").filter({ hasText: "internal transport certificate expires" }),
  ).toContainText("event 12015");
  expect((await new AxeBuilder({ page }).include("main").analyze()).violations).toEqual([]);
});

test("moving the as-of date past an expiry turns the bar red and the change into history", async ({ page }) => {
  await paste(page, story("healthy-hybrid"), "2027-07-01");
  const timeline = page.getByRole("region", { name: "Certificate timeline" });
  const row = timeline.getByRole("row", { name: /mail\.woodgrovebank\.com/ });
  await expect(row).toContainText("expired");
  const past = timeline.getByRole("listitem").filter({ hasText: "(before the as-of date)" });
  await expect(past).toHaveCount(3);
  await expect(past.first()).toContainText(/Since 2027-06-02, .* presents an expired certificate/);
});
