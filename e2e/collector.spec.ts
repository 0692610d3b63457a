import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./fixtures";

const SCRIPT = readFileSync(new URL("../public/Get-CertflowInput.ps1", import.meta.url), "utf8");
const COLLECTED = readFileSync(
  new URL("../src/parse/__fixtures__/collector/two-server-hybrid.txt", import.meta.url),
  "utf8",
);

test("What to paste shows the collector script, copies it and links the same file", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("./");
  const section = page.getByRole("region", { name: "What to paste" });
  const script = section.locator("pre");
  await expect(script).toBeHidden();
  await section.getByText("What to paste").click();
  await expect(script).toBeVisible();
  expect(await script.textContent()).toBe(SCRIPT);
  expect((await new AxeBuilder({ page }).include("main").analyze()).violations).toEqual([]);

  await section.getByRole("button", { name: "Copy the script" }).click();
  await expect(section.getByText("Copied", { exact: true })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(SCRIPT);

  const link = section.getByRole("link", { name: "Download Get-CertflowInput.ps1" });
  await expect(link).toHaveAttribute("href", "./Get-CertflowInput.ps1");
  const served = await page.request.get(new URL("./Get-CertflowInput.ps1", page.url()).href);
  expect(served.ok()).toBe(true);
  expect(await served.text()).toBe(SCRIPT);
});

test("the collector's output is read whole: every block, no line left not understood", async ({ page }) => {
  await page.goto("./");
  await page.getByLabel("As of").fill("2026-03-01");
  await page.getByLabel("PowerShell output").fill(COLLECTED);
  await expect(page.getByText(/^Read 13 blocks;/)).toBeVisible();
  const notUnderstood = page.getByRole("region", { name: "Not understood" });
  await expect(notUnderstood.getByText("Every line of the paste was read.")).toBeVisible();
  const blocks = page.getByRole("table", { name: "Blocks read" });
  await expect(blocks.getByRole("row")).toHaveCount(1 + 13);
});
