import { readFileSync } from "node:fs";
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";

const story = (name: string) => readFileSync(new URL(`../src/__stories__/${name}.txt`, import.meta.url), "utf8");
const NEW = "6A1F8D33B0C2E1F4A5968776C3D2E1F0A9B8C7D6";
const NEW_NAME =
  "<I>CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1, O=DigiCert Inc, C=US<S>CN=mail.contoso.com, O=Contoso Ltd, L=Seattle, S=Washington, C=US";

async function paste(page: Page, name: string): Promise<Locator> {
  await page.goto("./");
  await page.getByLabel("As of").fill("2026-11-24");
  await page.getByLabel("PowerShell output").fill(story(name));
  await expect(page.getByText(/^Read \d+ blocks?;/)).toBeVisible();
  return page.getByRole("region", { name: "What if" });
}

function findingsUnder(region: Locator, heading: string): Locator {
  return region.getByRole("heading", { name: heading }).locator("xpath=following-sibling::*[1]");
}

test("the hybrid configuration's TlsCertificateName can be set next to the connector's", async ({ page }) => {
  const region = await paste(page, "stale-tlsname-after-renewal");
  const cert = region.getByRole("listitem").filter({ hasText: NEW });
  for (const target of ["Default Frontend EX01", "Hybrid configuration"]) {
    await cert.getByRole("button", { name: "Use for connector…" }).click();
    await cert.getByLabel("Receive connector, send connector or hybrid configuration").selectOption({ label: target });
    await cert.getByRole("button", { name: "Set TlsCertificateName" }).click();
  }
  await cert.getByRole("button", { name: "Enable SMTP" }).click();

  await expect(region.getByText(`Set the hybrid configuration's TlsCertificateName to ${NEW_NAME}`)).toBeVisible();
  await expect(region.locator("code").filter({ hasText: /^Set-HybridConfiguration/ })).toHaveText(
    `Set-HybridConfiguration -TlsCertificateName '${NEW_NAME}'`,
  );
  const vanished = findingsUnder(region, "Findings that would vanish");
  await expect(vanished).toContainText("HYBRID_CERT_NOT_FOUND");
  await expect(vanished).toContainText("STARTTLS_UNAVAILABLE");
  await expect(findingsUnder(region, "Findings that would appear")).toHaveText("None.");
});

test("a receive connector's FQDN, set from the keyboard, changes the certificate it presents", async ({ page }) => {
  const region = await paste(page, "client-frontend-587-self-signed");
  const summary = region.getByText("Set a receive connector's FQDN");
  await summary.focus();
  await page.keyboard.press("Enter");
  await region.getByLabel("Receive connector", { exact: true }).selectOption("EX02\\Client Frontend EX02");
  await region.getByLabel("New FQDN").focus();
  await page.keyboard.type("mail.northwind.com");
  await page.keyboard.press("Enter");

  await expect(region.getByText("Set the FQDN of Client Frontend EX02 on EX02 to mail.northwind.com")).toBeVisible();
  await expect(region.locator("code").filter({ hasText: /-Fqdn/ })).toHaveText(
    "Set-ReceiveConnector 'EX02\\Client Frontend EX02' -Fqdn 'mail.northwind.com'",
  );
  const row = region.getByRole("row").filter({ hasText: "Client Frontend EX02" });
  await expect(row.getByRole("cell").nth(0)).toHaveText("CN=EX02 (3C2B1A0F9E8D7C6B5A4F3E2D1C0B9A8F7E6D5C4B)");
  await expect(row.getByRole("cell").nth(1)).toHaveText(
    "→ CN=*.northwind.com (7E6F5A4B3C2D1E0F9A8B7C6D5E4F3A2B1C0D9E8F)",
  );

  await region.getByLabel("New FQDN").fill("not a host name");
  await region.getByRole("button", { name: "Set FQDN" }).click();
  await expect(region.getByRole("alert")).toHaveText("Type a host name such as mail.contoso.com.");
});

test("a certificate described in the form is added, and the diff shows STARTTLS coming back", async ({ page }) => {
  const region = await paste(page, "stale-tlsname-after-renewal");
  await region.getByText("Add a certificate").click();
  await expect(region.getByLabel("Install on server")).toHaveValue("EX01");
  await region.getByLabel("Subject").fill("CN=mail.contoso.com, O=Contoso Ltd, L=Seattle, S=Washington, C=US");
  await region.getByLabel("Issuer").fill("CN=GeoTrust TLS RSA CA G1, OU=www.digicert.com, O=DigiCert Inc, C=US");
  await region.getByLabel("Names (SAN), separated by commas").fill("mail.contoso.com, autodiscover.contoso.com");
  await region.getByLabel("Valid from").fill("2026-06-01");
  await region.getByLabel("Expires").fill("2027-06-01");
  await region.getByLabel("Thumbprint (optional)").fill("0123456789abcdef0123456789abcdef01234567");
  await expect(region.getByRole("checkbox", { name: "SMTP" })).toBeChecked();
  await region.getByRole("button", { name: "Add certificate" }).click();

  await expect(
    region.getByText("Add CN=mail.contoso.com, O=Contoso Ltd, L=Seattle, S=Washington, C=US on EX01"),
  ).toBeVisible();
  await expect(region.locator("code").filter({ hasText: /^# Import-ExchangeCertificate/ })).toHaveText(
    "# Import-ExchangeCertificate -Server EX01 with the .pfx of CN=mail.contoso.com, O=Contoso Ltd, L=Seattle, S=Washington, C=US (issued by CN=GeoTrust TLS RSA CA G1, OU=www.digicert.com, O=DigiCert Inc, C=US), then Enable-ExchangeCertificate for SMTP: the file is not in the paste.",
  );
  const row = region.getByRole("row").filter({ hasText: "Default Frontend EX01" });
  await expect(row.getByRole("cell").nth(0)).toHaveText("no STARTTLS");
  await expect(row.getByRole("cell").nth(1)).toHaveText(
    "→ CN=mail.contoso.com, O=Contoso Ltd, L=Seattle, S=Washington, C=US (0123456789ABCDEF0123456789ABCDEF01234567)",
  );
  await expect(findingsUnder(region, "Findings that would vanish")).toContainText("TLSNAME_NOT_FOUND");
});
