import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";

const stories = new URL("../src/__stories__/", import.meta.url);
const story = readFileSync(new URL("two-server-hybrid-renewal.txt", stories), "utf8");
const successorPem = readFileSync(new URL("two-server-hybrid-renewal-successor.pem", stories), "utf8");
const OLD = "3E7A1C9B5D2F4E6A8C0B1D3F5A7C9E2B4D6F8A0C";
const NEW = "C4CAF4F94AAA1234AA32EB9AAA6AF19D0A6C4517";
const SEND = "Outbound to Office 365 - 7c2e9a41-5b3d-4f6e-9a8b-0c1d2e3f4a5b";
const R11 = "<I>CN=R11, O=Let''s Encrypt, C=US<S>CN=mail.contoso.com";

test.beforeEach(async ({ context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
});

function planner(page: Page): Locator {
  return page.getByRole("region", { name: "Renewal planner" });
}

async function paste(page: Page): Promise<void> {
  await page.goto("./");
  await page.getByLabel("As of").fill("2026-11-02");
  await page.getByLabel("PowerShell output").fill(story);
  await expect(page.getByText(/^Read \d+ blocks?;/)).toBeVisible();
}

/** The step headings in order, and the servers each names. */
async function readSteps(region: Locator): Promise<string[]> {
  // The steps only: a step's own list of what is broken holds list items too.
  const steps = region.getByRole("list", { name: "Steps" }).locator(":scope > li");
  await expect(steps.first()).toBeVisible();
  const out: string[] = [];
  for (const step of await steps.all()) {
    const title = await step.getByRole("heading").textContent();
    const servers = await step.getByText(/^Servers: /).textContent();
    out.push(`${title} | ${servers}`);
  }
  return out;
}

const EXPECTED_STEPS = [
  "Step 1: Import the successor on EX01 | Servers: EX01",
  "Step 2: Enable the successor for SMTP on EX01 | Servers: EX01",
  "Step 3: Import the successor on EX02 | Servers: EX02",
  "Step 4: Enable the successor for SMTP on EX02 | Servers: EX02",
  "Step 5: Point receive connector 'EX01\\Default Frontend EX01' at the successor | Servers: EX01",
  "Step 6: Point receive connector 'EX02\\Default Frontend EX02' at the successor | Servers: EX02",
  `Step 7: Point send connector '${SEND}' at the successor | Servers: EX01, EX02`,
  "Step 8: Name the successor in the hybrid configuration | Servers: EX01, EX02",
  "Step 9: Re-run the Hybrid Configuration Wizard | Servers: EX01, EX02",
  "Step 10: Remove the old certificate from EX01 | Servers: EX01",
  "Step 11: Remove the old certificate from EX02 | Servers: EX02",
];

test("a two-server hybrid renewal to a described successor: every step for both servers, no error at the end", async ({
  page,
}) => {
  await paste(page);
  const region = planner(page);
  await region.getByLabel("Certificate being replaced").selectOption(OLD);
  await expect(region.getByRole("radio", { name: "Describe it" })).toBeChecked();
  // The form starts from the certificate being replaced: a renewal keeps the subject and the names.
  await expect(region.getByLabel("Subject")).toHaveValue("CN=mail.contoso.com");
  await expect(region.getByLabel("Names (SAN), separated by commas")).toHaveValue(
    "mail.contoso.com, autodiscover.contoso.com",
  );
  await region.getByLabel("Issuer").fill("CN=R11, O=Let's Encrypt, C=US");
  await region.getByLabel("Valid from").fill("2026-10-30");
  await region.getByLabel("Expires").fill("2027-01-28");
  await region.getByRole("button", { name: "Plan the renewal" }).click();

  expect(await readSteps(region)).toEqual(EXPECTED_STEPS);
  const enableEx02 = region.getByRole("listitem").filter({ hasText: "Step 4: Enable the successor" });
  await expect(enableEx02.locator("code")).toHaveText(
    "Enable-ExchangeCertificate -Server 'EX02' -Thumbprint $SuccessorThumbprint -Services SMTP",
  );
  await expect(
    enableEx02.getByText(/^⚠ Warning: PowerShell asks 'Overwrite the existing default SMTP certificate\?': answer N/),
  ).toBeVisible();
  // Between importing and enabling, the newer certificate is chosen before it may be used: the plan says so.
  const importEx01 = region.getByRole("listitem").filter({ hasText: "Step 1: Import the successor" });
  await expect(importEx01.getByText(/^Error CERT_NOT_SMTP on EX01: .* \(until step 2 is done\)$/)).toBeVisible();

  await region.getByRole("button", { name: "Copy all commands" }).click();
  const script = await page.evaluate(() => navigator.clipboard.readText());
  const commands = script.split("\n").filter((line) => line !== "" && !line.startsWith("#"));
  expect(commands).toEqual([
    "$SuccessorPfxPath = '<fill in: path of the successor''s .pfx file (with its private key), as this shell sees it>'",
    "$SuccessorPfxPassword = Read-Host -AsSecureString -Prompt 'Password of the successor''s .pfx file'",
    "$SuccessorThumbprint = '<fill in: the successor''s thumbprint, 40 hex digits, as Import-ExchangeCertificate prints it>'",
    "Import-ExchangeCertificate -Server 'EX01' -FileData ([System.IO.File]::ReadAllBytes($SuccessorPfxPath)) -Password $SuccessorPfxPassword",
    "Enable-ExchangeCertificate -Server 'EX01' -Thumbprint $SuccessorThumbprint -Services SMTP",
    "Import-ExchangeCertificate -Server 'EX02' -FileData ([System.IO.File]::ReadAllBytes($SuccessorPfxPath)) -Password $SuccessorPfxPassword",
    "Enable-ExchangeCertificate -Server 'EX02' -Thumbprint $SuccessorThumbprint -Services SMTP",
    `Set-ReceiveConnector 'EX01\\Default Frontend EX01' -TlsCertificateName '${R11}'`,
    `Set-ReceiveConnector 'EX02\\Default Frontend EX02' -TlsCertificateName '${R11}'`,
    `Set-SendConnector '${SEND}' -TlsCertificateName '${R11}'`,
    `Set-HybridConfiguration -TlsCertificateName '${R11}'`,
    `Remove-ExchangeCertificate -Server 'EX01' -Thumbprint ${OLD}`,
    `Remove-ExchangeCertificate -Server 'EX02' -Thumbprint ${OLD}`,
  ]);
  expect(script).toContain("# Step 9: Re-run the Hybrid Configuration Wizard (on EX01, EX02)");

  await expect(region.getByText("After the last step certflow finds no error.")).toBeVisible();
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join("; ")}`)).toEqual([]);
});

test("a successor pasted as PEM: its thumbprint in the commands, and the plan travels in a share link", async ({
  page,
}) => {
  await paste(page);
  const region = planner(page);
  await region.getByLabel("Certificate being replaced").selectOption(OLD);
  await region.getByRole("radio", { name: "Paste its PEM" }).check();
  await region.getByLabel("Certificate (PEM or base64)").fill(successorPem);
  await region.getByRole("button", { name: "Plan the renewal" }).click();

  expect(await readSteps(region)).toEqual(EXPECTED_STEPS);
  await expect(region.getByRole("listitem").filter({ hasText: "Step 2: Enable" }).locator("code")).toHaveText(
    `Enable-ExchangeCertificate -Server 'EX01' -Thumbprint ${NEW} -Services SMTP`,
  );
  await expect(region.getByText("$SuccessorThumbprint", { exact: false })).toHaveCount(0);
  await expect(region.getByText("After the last step certflow finds no error.")).toBeVisible();

  await page.getByRole("button", { name: "Copy share link" }).click();
  await expect(page.getByText(/^Link copied/)).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  await page.goto("about:blank");
  await page.goto(link);
  expect(await readSteps(planner(page))).toEqual(EXPECTED_STEPS);
  await expect(planner(page).getByLabel("Certificate being replaced")).toHaveValue(OLD);
  await expect(planner(page).getByLabel("Thumbprint (optional)")).toHaveValue(NEW);

  await planner(page).getByRole("button", { name: "Clear the plan" }).click();
  await expect(planner(page).getByRole("list", { name: "Steps" })).toHaveCount(0);
});

test("a successor the form cannot take is refused with a reason, and nothing is planned", async ({ page }) => {
  await paste(page);
  const region = planner(page);
  await region.getByLabel("Certificate being replaced").selectOption(OLD);
  await region.getByLabel("Valid from").fill("2027-01-28");
  await region.getByLabel("Expires").fill("2026-10-30");
  await region.getByRole("button", { name: "Plan the renewal" }).click();
  await expect(region.getByRole("alert")).toHaveText("Not planned: It must expire after the date it is valid from.");
  await expect(region.getByRole("list", { name: "Steps" })).toHaveCount(0);
});
