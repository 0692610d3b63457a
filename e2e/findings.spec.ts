import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import type { Report } from "../src/report/types";
import { expect, test } from "./fixtures";

const story = (name: string) => readFileSync(new URL(`../src/__stories__/${name}.txt`, import.meta.url), "utf8");
const fixture = (name: string) => readFileSync(new URL(`../src/parse/__fixtures__/${name}`, import.meta.url), "utf8");

async function paste(page: Page, text: string, asOf = "2025-06-01") {
  await page.goto("./");
  await page.getByLabel("As of").fill(asOf);
  await page.getByLabel("PowerShell output").fill(text);
  await expect(page.getByText(/^Read \d+ blocks?;/)).toBeVisible();
}

async function download(page: Page, name: string) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name }).click()]);
  return { name: file.suggestedFilename(), text: readFileSync(await file.path(), "utf8") };
}

const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());

test("the stale TlsCertificateName story: both findings with their lines, docs and fix, under a summary line", async ({
  page,
}) => {
  await paste(page, story("stale-tlsname-after-renewal"));
  const report = JSON.parse((await download(page, "Download report (JSON)")).text) as Report;
  const findings = page.getByRole("region", { name: "Findings" });

  const errors = report.findings.filter((f) => f.severity === "error").length;
  expect(errors).toBeGreaterThanOrEqual(2);
  await expect(
    findings.getByText(new RegExp(`^${errors} errors(, \\d+ warnings?)?(, \\d+ info)? on 1 server$`)),
  ).toBeVisible();
  await expect(findings.getByRole("heading", { name: `Errors (${errors})` })).toBeVisible();
  await expect(findings.getByRole("heading", { name: "On EX01" }).first()).toBeVisible();
  await expect(findings.getByRole("heading", { name: "Default Frontend EX01" }).first()).toBeVisible();

  // A finding's item is the one whose rule id heads it (another rule's docs may mention the id).
  const itemOf = (rule: string) =>
    findings.getByRole("listitem").filter({ has: page.locator("code", { hasText: new RegExp(`^${rule}$`) }) });
  for (const rule of ["TLSNAME_NOT_FOUND", "STARTTLS_UNAVAILABLE"]) {
    const item = itemOf(rule);
    await expect(item).toBeVisible();
    await expect(item).toContainText("Error");
    await expect(item.getByRole("button", { name: /^lines 42–50/ })).toBeVisible();
    await item.getByText(`About ${rule}`).click();
    const sources = item.getByRole("link");
    expect(await sources.count()).toBeGreaterThan(0);
    for (const link of await sources.all()) {
      await expect(link).toHaveAttribute("href", /^https:\/\//);
      await expect(link).toHaveAttribute("rel", "noreferrer");
    }
  }
  await expect(
    itemOf("TLSNAME_NOT_FOUND").locator("code", { hasText: /^Set-ReceiveConnector 'EX01\\Default Frontend EX01'/ }),
  ).toBeVisible();
});

test("the fix plan: ordered steps, the warning, and commands copied exactly as shown", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await paste(page, story("stale-tlsname-after-renewal"));
  const plan = page.getByRole("region", { name: "Fix plan" });
  await expect(plan.getByText(/Warning:.*answer N \(No\)/)).toBeVisible();

  const step = plan.getByRole("listitem").filter({ hasText: "Set-ReceiveConnector" });
  const command = step.locator("code");
  await expect(command).toHaveText(
    /^Set-ReceiveConnector 'EX01\\Default Frontend EX01' -TlsCertificateName '<I>CN=DigiCert/,
  );
  await step.getByRole("button", { name: "Copy", exact: true }).click();
  await expect(step.getByText("Copied")).toBeVisible();
  expect(await clipboard(page)).toBe(await command.textContent());

  await plan.getByRole("button", { name: "Copy whole plan" }).click();
  await expect(plan.getByText("Copied").first()).toBeVisible();
  const script = await clipboard(page);
  expect(script.startsWith("# step 1: Enable ")).toBe(true);
  expect(script).toContain(`\n${await command.textContent()}\n`);
  const commands = await plan.locator("code").allTextContents();
  const lines = script.split("\n").filter((l) => l !== "" && !l.startsWith("#"));
  expect(lines).toEqual(commands);
});

test("a copy the browser refuses says so instead of claiming success", async ({ page }) => {
  await paste(page, story("stale-tlsname-after-renewal"));
  await page.evaluate(() => {
    navigator.clipboard.writeText = () => Promise.reject(new DOMException("denied", "NotAllowedError"));
  });
  const plan = page.getByRole("region", { name: "Fix plan" });
  await plan.getByRole("button", { name: "Copy whole plan" }).click();
  await expect(plan.getByText("Could not copy: select the text and copy it by hand.")).toBeVisible();
  await expect(plan.getByText("Copied")).toHaveCount(0);
});

test("pasted evidence is listed with its lines", async ({ page }) => {
  await paste(page, fixture("09-event-12014-fet-tlscertname-old-cert-removed.txt"));
  const evidence = page.getByRole("region", { name: "Evidence" });
  const entry = evidence.getByRole("listitem").filter({ hasText: "12014" });
  await expect(entry).toContainText("Event log entry");
  await expect(entry.getByRole("button", { name: /^lines? \d+/ })).toBeVisible();
});

test("the report downloads as Markdown and as JSON under fixed names", async ({ page }) => {
  await paste(page, story("stale-tlsname-after-renewal"));
  const markdown = await download(page, "Download report (Markdown)");
  expect(markdown.name).toBe("certflow-report.md");
  expect(markdown.text.startsWith("# certflow report\n")).toBe(true);
  expect(markdown.text).toContain("TLSNAME\\_NOT\\_FOUND");

  const json = await download(page, "Download report (JSON)");
  expect(json.name).toBe("certflow-report.json");
  const report = JSON.parse(json.text) as Report;
  expect(report.schemaVersion).toBe(1);
  expect(report.asOf).toBe("2025-06-01");
  expect(report.findings.map((f) => f.rule)).toEqual(
    expect.arrayContaining(["TLSNAME_NOT_FOUND", "STARTTLS_UNAVAILABLE"]),
  );
  expect(json.text).toBe(`${JSON.stringify(report, null, 2)}\n`);
});
