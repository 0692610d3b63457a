import { readFileSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import type { Report } from "../src/report/types";
import { expect, type Guard, guardContext, test } from "./fixtures";

const story = (name: string) => readFileSync(new URL(`../src/__stories__/${name}.txt`, import.meta.url), "utf8");
const fixture = (name: string) => readFileSync(new URL(`../src/parse/__fixtures__/${name}`, import.meta.url), "utf8");
const AS_OF = "2025-06-01";

async function paste(page: Page, text: string) {
  await page.goto("./");
  await page.getByLabel("As of").fill(AS_OF);
  await page.getByLabel("PowerShell output").fill(text);
  await expect(page.getByText(/^Read \d+ blocks?;/)).toBeVisible();
}

/** The verdicts a recipient must see again: rule and severity per finding, STARTTLS and "via" per connector. */
async function verdicts(page: Page) {
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download report (JSON)" }).click(),
  ]);
  const report = JSON.parse(readFileSync(await file.path(), "utf8")) as Report;
  return {
    asOf: report.asOf,
    findings: report.findings.map((f) => `${f.rule} ${f.severity}`).sort(),
    selections: report.selections.map((s) => `${s.direction} starttls=${s.starttls} via=${s.via}`).sort(),
  };
}

async function copyShareLink(page: Page): Promise<string> {
  await page.getByRole("button", { name: "Copy share link" }).click();
  await expect(page.getByText(/^Link copied \([\d,]+ characters\)/)).toBeVisible();
  return page.evaluate(() => navigator.clipboard.readText());
}

/** A fresh profile: no draft, no cache, nothing shared with the sender's context, and guarded like every test. */
async function freshProfile(
  browser: Browser,
  baseURL: string | undefined,
): Promise<{ context: BrowserContext; guard: Guard }> {
  if (baseURL === undefined) throw new Error("playwright.config.ts must set use.baseURL");
  const context = await browser.newContext({ baseURL, serviceWorkers: "block" });
  return { context, guard: await guardContext(context, new URL(baseURL).origin) };
}

async function closeGuarded({ context, guard }: { context: BrowserContext; guard: Guard }) {
  const problems = await guard.problems();
  await context.close();
  expect(problems, "requests to other origins, CSP violations or page errors in the fresh profile").toEqual([]);
}

test.beforeEach(async ({ context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
});

test("a share link opened in a fresh profile shows the same findings and connector verdicts", async ({
  page,
  browser,
  baseURL,
}) => {
  await paste(page, story("stale-tlsname-after-renewal"));
  const sent = await verdicts(page);
  expect(sent.findings.length).toBeGreaterThan(0);
  expect(sent.selections.length).toBeGreaterThan(0);
  const sentText = await page.getByRole("region", { name: "Certificate per connector" }).textContent();

  const link = await copyShareLink(page);
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#v1\.[A-Za-z0-9_-]+$/);
  expect(page.url()).toBe(link);
  const length = Number(
    ((await page.getByText(/^Link copied/).textContent()) ?? "")
      .match(/\(([\d,]+) characters\)/)?.[1]
      ?.replace(/,/g, ""),
  );
  expect(length).toBe(link.length);
  await expect(page.getByLabel("Share link")).toHaveValue(link);

  const recipient = await freshProfile(browser, baseURL);
  const other = await recipient.context.newPage();
  await other.goto(link);
  await expect(other.getByLabel("PowerShell output")).toHaveValue(
    story("stale-tlsname-after-renewal").replace(/\r\n?/g, "\n"),
  );
  await expect(other.getByLabel("As of")).toHaveValue(AS_OF);
  await expect(other.getByText(/^Read \d+ blocks?;/)).toBeVisible();
  expect(await verdicts(other)).toEqual(sent);
  expect(await other.getByRole("region", { name: "Certificate per connector" }).textContent()).toBe(sentText);
  await closeGuarded(recipient);
});

test("a redacted link carries no names and still gives the same verdicts", async ({ page, browser, baseURL }) => {
  const text = story("healthy-hybrid");
  await paste(page, text);
  const sent = await verdicts(page);
  await page.getByLabel("Redact names before sharing").check();
  const link = await copyShareLink(page);
  await expect(page.getByText(/^Replaced \d+ domain and host names, 1 server name/)).toBeVisible();
  // The sender's own paste stays in the box and in the address bar's place.
  await expect(page.getByLabel("PowerShell output")).toHaveValue(text.replace(/\r\n?/g, "\n"));
  expect(page.url()).not.toContain("#v1.");

  const recipient = await freshProfile(browser, baseURL);
  const other = await recipient.context.newPage();
  await other.goto(link);
  await expect(other.getByRole("note")).toContainText("redacted by the sender");
  const shown = await other.getByLabel("PowerShell output").inputValue();
  for (const name of ["woodgrove", "EX19A", "5A6B7C8D9E0F1A2B3C4D5E6F7A8B9C0D1E2F3A4B"]) {
    expect(shown.toLowerCase()).not.toContain(name.toLowerCase());
  }
  expect(shown).toContain("mail.protection.outlook.com:AcceptCloudServicesMail");
  await expect(other.getByText(/^Read \d+ blocks?;/)).toBeVisible();
  expect(await verdicts(other)).toEqual(sent);
  await closeGuarded(recipient);
});

test.describe("a broken link shows a message and an empty page that works", () => {
  const broken: { name: string; damage: (link: string) => string; message: RegExp }[] = [
    { name: "not base64", damage: (link) => link.replace(/#v1\..*$/, "#v1.@@not-a-link@@"), message: /damaged/ },
    { name: "cut short", damage: (link) => link.slice(0, link.indexOf("#v1.") + 4 + 40), message: /damaged/ },
    {
      name: "tampered",
      damage: (link) => {
        const at = link.indexOf("#v1.") + 4 + 20;
        return link.slice(0, at) + (link[at] === "A" ? "B" : "A") + link.slice(at + 1);
      },
      message: /damaged/,
    },
    {
      name: "from a newer certflow",
      damage: (link) => link.replace("#v1.", "#v2."),
      message: /newer version of certflow \(share format v2\)/,
    },
    { name: "empty", damage: (link) => link.replace(/#v1\..*$/, "#v1."), message: /damaged/ },
  ];

  for (const { name, damage, message } of broken) {
    test(`a link ${name}`, async ({ page, browser, baseURL }) => {
      await paste(page, story("healthy-hybrid"));
      const link = damage(await copyShareLink(page));

      const recipient = await freshProfile(browser, baseURL);
      const other = await recipient.context.newPage();
      await other.goto(link);
      const alert = other.getByRole("alert");
      await expect(alert).toContainText(message);
      await expect(alert).toContainText("Nothing was loaded.");
      await expect(other.getByLabel("PowerShell output")).toHaveValue("");

      await other.getByLabel("PowerShell output").fill(fixture("02-getexcert-fl-ru-dates-prompt.txt"));
      await expect(other.getByRole("table", { name: /^Certificates on / }).getByRole("row")).toHaveCount(1 + 3);
      await other.getByRole("button", { name: "Dismiss" }).click();
      await expect(other.getByRole("alert")).toHaveCount(0);
      // Editing replaced the broken link: a reload does not show the message again.
      expect(other.url()).not.toContain("#v");
      await closeGuarded(recipient);
    });
  }
});

test("a paste too long for a link is shared as a .certflow file, opened by the picker or by dropping it", async ({
  page,
  browser,
  baseURL,
}) => {
  // Random hex barely compresses: about 80 000 characters of it make a link far over 32 000.
  const random = await page.evaluate(() => {
    const bytes = crypto.getRandomValues(new Uint8Array(40_000));
    return [...bytes]
      .map((b) => b.toString(16).padStart(2, "0"))
      .join("")
      .replace(/(.{64})/g, "$1\n");
  });
  const text = `${fixture("02-getexcert-fl-ru-dates-prompt.txt").replace(/\r\n?/g, "\n")}\n${random}`;
  await paste(page, text);
  await page.getByRole("button", { name: "Copy share link" }).click();
  await expect(
    page.getByText(/^This link would be [\d,]+ characters, too long to share as a link\. Nothing was copied/),
  ).toBeVisible();
  expect(page.url()).not.toContain("#v1.");

  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download .certflow file" }).click(),
  ]);
  expect(file.suggestedFilename()).toBe("certflow-share.certflow");
  const saved = readFileSync(await file.path(), "utf8");
  expect(JSON.parse(saved)).toMatchObject({ v: 1, input: { text, asOf: AS_OF } });
  const certflowFile = { name: "certflow-share.certflow", mimeType: "application/json", buffer: Buffer.from(saved) };

  const recipient = await freshProfile(browser, baseURL);
  const other = await recipient.context.newPage();
  await other.goto("./");
  await other.getByLabel("Open .certflow file").setInputFiles(certflowFile);
  await expect(other.getByLabel("PowerShell output")).toHaveValue(text);
  await expect(other.getByLabel("As of")).toHaveValue(AS_OF);
  await expect(other.getByRole("table", { name: /^Certificates on / }).getByRole("row")).toHaveCount(1 + 3);

  await other.getByRole("button", { name: "Clear" }).click();
  await expect(other.getByLabel("PowerShell output")).toHaveValue("");
  const drop = await other.evaluateHandle((json) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([json], "certflow-share.certflow", { type: "application/json" }));
    return transfer;
  }, saved);
  await other.getByLabel("PowerShell output").dispatchEvent("drop", { dataTransfer: drop });
  await expect(other.getByLabel("PowerShell output")).toHaveValue(text);
  await closeGuarded(recipient);
});

test("a damaged .certflow file is refused with a message", async ({ page }) => {
  await page.goto("./");
  await page.getByLabel("Open .certflow file").setInputFiles({
    name: "certflow-share.certflow",
    mimeType: "application/json",
    buffer: Buffer.from('{"v":1,"input":{"text":"Thumbprint : AAAA"},"sum":"00000000"}'),
  });
  await expect(page.getByRole("alert")).toContainText("This .certflow file is damaged");
  await expect(page.getByLabel("PowerShell output")).toHaveValue("");
});
