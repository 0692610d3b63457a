import { readFileSync } from "node:fs";
import { expect, test } from "./fixtures";

const fixture = (name: string) => readFileSync(new URL(`../src/parse/__fixtures__/${name}`, import.meta.url), "utf8");

test("a pasted Get-ExchangeCertificate | fl lists its three certificates", async ({ page }) => {
  await page.goto("./");
  await page.getByLabel("PowerShell output").fill(fixture("02-getexcert-fl-ru-dates-prompt.txt"));

  const certificates = page.getByRole("table", { name: /^Certificates on / });
  for (const thumbprint of [
    "3DAF40EC85C62DD39D98696AB5413E3EB83D6415",
    "BBA9F942B32F3E0F6E0C4E735BD1F38D4C06612E",
    "7274AA46956DFF4E80B13168A7B6B0037C99CA14",
  ]) {
    await expect(certificates.getByRole("cell", { name: thumbprint })).toBeVisible();
  }
  await expect(certificates.getByRole("row")).toHaveCount(1 + 3);
});

test("the Try an example menu loads a sample into the paste box", async ({ page }) => {
  await page.goto("./");
  const paste = page.getByLabel("PowerShell output");
  await expect(paste).toHaveValue("");

  await page.getByLabel("Try an example").selectOption({ label: "Get-ExchangeCertificate | fl (Russian dates)" });

  const expected = fixture("02-getexcert-fl-ru-dates-prompt.txt").replace(/\r\n?/g, "\n");
  await expect(paste).toHaveValue(expected);
  await expect(page.getByRole("region", { name: "Inventory" })).toBeVisible();
});

test("a line number in the results selects those lines in the paste box", async ({ page }) => {
  await page.goto("./");
  const paste = page.getByLabel("PowerShell output");
  await paste.fill(fixture("02-getexcert-fl-ru-dates-prompt.txt"));

  const blocks = page.getByRole("table", { name: "Blocks read" });
  const link = blocks.getByRole("button", { name: /^lines? \d+/ }).first();
  const label = (await link.textContent()) ?? "";
  const [start, end = start] = (label.match(/\d+/g) ?? []).map(Number);
  await link.click();

  await expect(paste).toBeFocused();
  const selected = await paste.evaluate((box: HTMLTextAreaElement) =>
    box.value.slice(box.selectionStart, box.selectionEnd),
  );
  const lines = (await paste.inputValue()).split("\n").slice((start ?? 1) - 1, end);
  expect(selected).toBe(lines.join("\n"));
});

test("a pasted PEM certificate is decoded by the lazily loaded certificate chunk", async ({ page }) => {
  await page.goto("./");
  const pem = readFileSync(new URL("../src/x509/__fixtures__/selfsigned-rsa2048.pem", import.meta.url), "utf8");
  await page.getByLabel("PowerShell output").fill(pem);
  const certificates = page.getByRole("table", { name: /^Certificates on / });
  await expect(certificates.getByRole("cell", { name: "04A0F8BFCC05F64B1AE2548F036B790561C4E4CF" })).toBeVisible();
  await expect(certificates.getByRole("cell", { name: "C=US, O=Contoso, CN=mail.contoso.com" })).toBeVisible();
});

test("a file saved by Windows PowerShell's `>` (UTF-16 with a byte-order mark) dropped on the box becomes the paste", async ({
  page,
}) => {
  await page.goto("./");
  const text = fixture("02-getexcert-fl-ru-dates-prompt.txt").replace(/\r\n?/g, "\n");
  const bytes = [0xff, 0xfe, ...Buffer.from(text, "utf16le")];
  const transfer = await page.evaluateHandle((content) => {
    const data = new DataTransfer();
    data.items.add(new File([new Uint8Array(content)], "certs.txt", { type: "text/plain" }));
    return data;
  }, bytes);
  await page.getByLabel("PowerShell output").dispatchEvent("drop", { dataTransfer: transfer });
  await expect(page.getByLabel("PowerShell output")).toHaveValue(text);
  await expect(page.getByRole("table", { name: /^Certificates on / }).getByRole("row")).toHaveCount(1 + 3);
});
