import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import type { Report, Severity } from "../src/report/types";
import { expect, test } from "./fixtures";

/**
 * The whole flow by keyboard alone — paste, read the verdicts, open a flowchart step, copy a fix, share — with the
 * focus visible at every stop on the way.
 */

const story = readFileSync(new URL("../src/__stories__/stale-tlsname-after-renewal.txt", import.meta.url), "utf8");

/** The icon and the word each severity is shown with, besides its colour. */
const BADGE: Readonly<Record<Severity, string>> = { error: "✖ Error", warning: "▲ Warning", info: "ℹ Info" };

interface Stop {
  readonly tag: string;
  readonly label: string;
  readonly stepId: string | null;
  readonly visible: boolean;
}

/**
 * Where the focus is, and whether it shows: an outline or a box-shadow on the element (or on the label that wraps a
 * visually hidden file input), or for a flowchart node the heavier focus stroke on its box.
 */
function focusStop(page: Page): Promise<Stop> {
  return page.evaluate(() => {
    const element = document.activeElement ?? document.body;
    const rings = (el: Element | null) => {
      if (el === null) return false;
      const style = getComputedStyle(el);
      const outline = style.outlineStyle !== "none" && Number.parseFloat(style.outlineWidth) > 0;
      return outline || style.boxShadow !== "none";
    };
    const box = element instanceof SVGElement ? element.querySelector("rect") : null;
    const stroke = box === null ? false : Number.parseFloat(getComputedStyle(box).strokeWidth) >= 4;
    return {
      tag: element.tagName.toLowerCase(),
      label: (element.getAttribute("aria-label") ?? element.textContent ?? "").trim().slice(0, 80),
      stepId: element.getAttribute("data-step-id"),
      visible: rings(element) || rings(element.closest("label")) || stroke,
    };
  });
}

/** Presses `key` until `reached` holds for the focused element, checking at every stop that the focus shows. */
async function tabTo(page: Page, key: "Tab" | "Shift+Tab", reached: (stop: Stop) => boolean): Promise<Stop> {
  const path: string[] = [];
  for (let presses = 0; presses < 250; presses++) {
    await page.keyboard.press(key);
    const stop = await focusStop(page);
    path.push(`${stop.tag} "${stop.label}"`);
    expect(stop.visible, `the focus shows on ${path.at(-1)}`).toBe(true);
    if (reached(stop)) return stop;
  }
  throw new Error(`not reached by ${key}; the focus went through ${path.join(" → ")}`);
}

test("paste, read the verdicts, open a flowchart step, copy a fix and share, by keyboard alone", async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("./");

  await tabTo(page, "Tab", (stop) => stop.tag === "textarea");
  await expect(page.getByLabel("PowerShell output")).toBeFocused();
  await page.keyboard.insertText(story);
  await expect(page.getByText(/^Read \d+ blocks?;/)).toBeVisible();

  const verdict = page.getByRole("region", { name: /Default Frontend EX01.*EX01/ });
  await expect(verdict).toContainText("Default Frontend EX01 offers no STARTTLS.");

  const node = await tabTo(page, "Tab", (stop) => stop.tag === "g" && stop.stepId !== null);
  await page.keyboard.press("Enter");
  const chosen = page.locator(`g[data-step-id="${node.stepId}"][aria-pressed="true"]`).first();
  await expect(chosen).toBeVisible();
  await expect(page.locator(`[id="${await chosen.getAttribute("aria-controls")}"]`)).toContainText(
    /Kept \(\d+\)|Dropped \(\d+\)|\?/,
  );

  const plan = page.getByRole("region", { name: "Fix plan" });
  await tabTo(page, "Shift+Tab", (stop) => stop.tag === "button" && stop.label === "Copy");
  await expect(plan.locator(":focus")).toHaveCount(1);
  const command = await page.evaluate(() => {
    const id = document.activeElement?.getAttribute("aria-describedby");
    return id ? (document.getElementById(id)?.textContent ?? "") : "";
  });
  expect(command).not.toBe("");
  await page.keyboard.press("Enter");
  await expect(page.getByText("Copied").first()).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(command);

  await tabTo(page, "Shift+Tab", (stop) => stop.tag === "button" && stop.label === "Copy share link");
  await page.keyboard.press("Enter");
  await expect(page.getByText(/^Link copied \([\d,]+ characters\)/)).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/#v1\.[A-Za-z0-9_-]+$/);
});

test("every finding says its severity in words and with an icon, not by colour alone", async ({ page }) => {
  await page.goto("./");
  await page.getByLabel("PowerShell output").fill(story);
  await expect(page.getByText(/^Read \d+ blocks?;/)).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download report (JSON)" }).click(),
  ]);
  const report = JSON.parse(readFileSync(await download.path(), "utf8")) as Report;
  expect(report.findings.length).toBeGreaterThan(0);

  const findings = page.getByRole("region", { name: "Findings" });
  for (const finding of report.findings) {
    const items = findings
      .getByRole("listitem")
      .filter({ has: page.locator("code", { hasText: new RegExp(`^${finding.rule}$`) }) });
    await expect(items.first()).toBeVisible();
    for (const item of await items.all()) {
      const head = (await item.locator("p").first().textContent()) ?? "";
      expect(head).toMatch(new RegExp(`^${BADGE[finding.severity]} ${finding.rule}`));
    }
  }
});
