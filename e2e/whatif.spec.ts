import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

const story = readFileSync(new URL("../src/__stories__/stale-tlsname-after-renewal.txt", import.meta.url), "utf8");
const NEW = "6A1F8D33B0C2E1F4A5968776C3D2E1F0A9B8C7D6";
const EXPECTED_COMMANDS = [
  "Set-ReceiveConnector 'EX01\\Default Frontend EX01' -TlsCertificateName '<I>CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1, O=DigiCert Inc, C=US<S>CN=mail.contoso.com, O=Contoso Ltd, L=Seattle, S=Washington, C=US'",
  `Enable-ExchangeCertificate -Server 'EX01' -Thumbprint ${NEW} -Services SMTP`,
];

test.beforeEach(async ({ context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
});

function whatIf(page: Page) {
  return page.getByRole("region", { name: "What if" });
}

async function expectStartTlsBack(page: Page) {
  const region = whatIf(page);
  const row = region.getByRole("row").filter({ hasText: "Default Frontend EX01" });
  await expect(row.getByRole("cell").nth(0)).toHaveText("no STARTTLS");
  await expect(row.getByRole("cell").nth(1)).toHaveText(
    `→ CN=mail.contoso.com, O=Contoso Ltd, L=Seattle, S=Washington, C=US (${NEW})`,
  );
  const vanished = region
    .getByRole("heading", { name: "Findings that would vanish" })
    .locator("xpath=following-sibling::ul[1]");
  await expect(vanished.getByRole("listitem")).toHaveCount(2);
  await expect(vanished).toContainText("TLSNAME_NOT_FOUND");
  await expect(vanished).toContainText("STARTTLS_UNAVAILABLE");
  await expect(
    region.locator("code").filter({ hasText: /^(Set-ReceiveConnector|Enable-ExchangeCertificate)/ }),
  ).toHaveText(EXPECTED_COMMANDS);
}

test("what-if on the stale TlsCertificateName story brings STARTTLS back and travels in a share link", async ({
  page,
}) => {
  await page.goto("./");
  await page.getByLabel("As of").fill("2026-11-24");
  await page.getByLabel("PowerShell output").fill(story);
  await expect(page.getByText(/^Read \d+ blocks?;/)).toBeVisible();

  const cert = whatIf(page).getByRole("listitem").filter({ hasText: NEW });
  await cert.getByRole("button", { name: "Use for connector…" }).click();
  await cert.getByLabel("Receive connector").selectOption("Default Frontend EX01");
  await cert.getByRole("button", { name: "Set TlsCertificateName" }).click();
  await cert.getByRole("button", { name: "Enable SMTP" }).click();
  await expectStartTlsBack(page);

  await page.getByRole("button", { name: "Copy share link" }).click();
  await expect(page.getByText(/^Link copied/)).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  await page.goto("about:blank");
  await page.goto(link);
  await expect(page.getByLabel("PowerShell output")).toHaveValue(story.replace(/\r\n?/g, "\n"));
  await expectStartTlsBack(page);

  // Undoing the TlsCertificateName edit leaves the stale name in place: no STARTTLS after all.
  await whatIf(page).getByRole("button", { name: "Undo this edit" }).first().click();
  const row = whatIf(page).getByRole("row").filter({ hasText: "Default Frontend EX01" });
  await expect(row.getByRole("cell").nth(1)).toHaveText("no STARTTLS");
  await whatIf(page).getByRole("button", { name: "Clear what-if" }).click();
  await expect(whatIf(page).getByRole("table")).toHaveCount(0);
});
