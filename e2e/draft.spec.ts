import { readFileSync } from "node:fs";
import { expect, test } from "./fixtures";

const sample = readFileSync(
  new URL("../src/parse/__fixtures__/02-getexcert-fl-ru-dates-prompt.txt", import.meta.url),
  "utf8",
);
const held = sample.replace(/\r\n?/g, "\n");
const KEY = "certflow.draft.v1";

test("the paste and the options survive a reload, and Clear forgets them", async ({ page }) => {
  await page.goto("./");
  const paste = page.getByLabel("PowerShell output");
  await paste.fill(sample);
  await page.getByLabel("As of").fill("2026-02-01");
  await page.getByLabel("Server name (for output that names none)").fill("EX01");
  await page.getByLabel("Redact names before sharing").check();
  await expect(page.getByRole("table", { name: /^Certificates on / })).toBeVisible();

  await page.reload();
  await expect(paste).toHaveValue(held);
  await expect(page.getByLabel("As of")).toHaveValue("2026-02-01");
  await expect(page.getByLabel("Server name (for output that names none)")).toHaveValue("EX01");
  await expect(page.getByLabel("Redact names before sharing")).toBeChecked();
  await expect(page.getByRole("table", { name: /^Certificates on / }).getByRole("row")).toHaveCount(1 + 3);
  expect(await page.evaluate((key) => Object.keys(localStorage).filter((k) => k === key), KEY)).toEqual([KEY]);

  await page.getByRole("button", { name: "Clear" }).click();
  await expect(paste).toHaveValue("");
  await expect(page.getByLabel("Server name (for output that names none)")).toHaveValue("");
  await expect(page.getByLabel("Redact names before sharing")).not.toBeChecked();
  await expect(page.getByRole("table", { name: /^Certificates on / })).toHaveCount(0);
  expect(await page.evaluate((key) => localStorage.getItem(key), KEY)).toBeNull();

  await page.reload();
  await expect(paste).toHaveValue("");
});

test("a draft is saved even when the tab closes before the pause after typing", async ({ context }) => {
  const page = await context.newPage();
  await page.goto("./");
  await page.getByLabel("PowerShell output").fill(sample);
  await page.close({ runBeforeUnload: true });
  const again = await context.newPage();
  await again.goto("./");
  await expect(again.getByLabel("PowerShell output")).toHaveValue(held);
});

test("a share link in the address wins over the draft, which stays until the shared paste is edited", async ({
  page,
  context,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("./");
  await page.getByLabel("PowerShell output").fill("Get-ExchangeCertificate: the shared paste");
  await page.getByRole("button", { name: "Copy share link" }).click();
  await expect(page.getByText(/^Link copied/)).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());

  const paste = page.getByLabel("PowerShell output");
  await paste.fill(sample);
  await page.reload();
  await expect(paste).toHaveValue(held);

  await page.goto(link);
  await expect(paste).toHaveValue("Get-ExchangeCertificate: the shared paste");
  const draft = await page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? "{}").text as string, KEY);
  expect(draft).toBe(held);

  await paste.press("End");
  await paste.pressSequentially(" and more");
  await expect.poll(() => page.url()).not.toContain("#v1.");
  await page.reload();
  await expect(paste).toHaveValue("Get-ExchangeCertificate: the shared paste and more");
});

const story = readFileSync(new URL("../src/__stories__/stale-tlsname-after-renewal.txt", import.meta.url), "utf8");
const NEW = "6A1F8D33B0C2E1F4A5968776C3D2E1F0A9B8C7D6";

test("what-if edits survive a reload with the paste, and Clear what-if forgets them", async ({ page }) => {
  await page.goto("./");
  await page.getByLabel("As of").fill("2026-11-24");
  await page.getByLabel("PowerShell output").fill(story);
  const whatIf = page.getByRole("region", { name: "What if" });
  const cert = whatIf.getByRole("listitem").filter({ hasText: NEW });
  await cert.getByRole("button", { name: "Enable SMTP" }).click();
  await cert.getByRole("button", { name: "Remove" }).click();
  const pending = whatIf.getByRole("heading", { name: "Pending edits" }).locator("xpath=following-sibling::ol[1]");
  const edits = [`Enable ${NEW} for SMTP on EX01`, `Remove ${NEW} from EX01`];
  await expect(pending.getByRole("listitem")).toHaveText(edits.map((e) => new RegExp(`^${e} Undo this edit`)));

  await page.reload();
  await expect(page.getByLabel("As of")).toHaveValue("2026-11-24");
  await expect(pending.getByRole("listitem")).toHaveText(edits.map((e) => new RegExp(`^${e} Undo this edit`)));

  await whatIf.getByRole("button", { name: "Clear what-if" }).click();
  await expect(whatIf.getByRole("heading", { name: "Pending edits" })).toHaveCount(0);
  await expect
    .poll(() => page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? "{}").edits, KEY))
    .toBeUndefined();
  await page.reload();
  await expect(whatIf.getByRole("listitem").filter({ hasText: NEW })).toBeVisible();
  await expect(whatIf.getByRole("heading", { name: "Pending edits" })).toHaveCount(0);
});

test("a saved edit this version does not know is dropped, and the others are kept", async ({ page }) => {
  await page.addInitScript(
    ({ key, text, thumbprint }) => {
      if (sessionStorage.getItem("seeded") !== null) return;
      sessionStorage.setItem("seeded", "yes");
      const edits = [
        { kind: "rotate-keys", server: "EX01" },
        { kind: "enable-smtp", server: "EX01", thumbprint },
        { kind: "remove-certificate", server: "EX01" },
      ];
      localStorage.setItem(key, JSON.stringify({ v: 1, text, asOf: "2026-11-24", edits }));
    },
    { key: KEY, text: story, thumbprint: NEW },
  );
  await page.goto("./");
  const whatIf = page.getByRole("region", { name: "What if" });
  const pending = whatIf.getByRole("heading", { name: "Pending edits" }).locator("xpath=following-sibling::ol[1]");
  await expect(pending.getByRole("listitem")).toHaveText([new RegExp(`^Enable ${NEW} for SMTP on EX01 Undo`)]);
  await expect(page.getByRole("alert")).toHaveCount(0);
});
