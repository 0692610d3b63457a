import { readFileSync, statSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { expect, guardContext, test } from "./fixtures";

const file = new URL("../dist/certflow.html", import.meta.url);
const sample = readFileSync(
  new URL("../src/parse/__fixtures__/02-getexcert-fl-ru-dates-prompt.txt", import.meta.url),
  "utf8",
);
const pem = readFileSync(new URL("../src/x509/__fixtures__/selfsigned-rsa2048.pem", import.meta.url), "utf8");
const renewalStory = readFileSync(new URL("../src/__stories__/two-server-hybrid-renewal.txt", import.meta.url), "utf8");
const successorPem = readFileSync(
  new URL("../src/__stories__/two-server-hybrid-renewal-successor.pem", import.meta.url),
  "utf8",
);

test("certflow.html opened from disk analyses a paste in its inlined worker, under its own hash-based CSP", async ({
  browser,
}) => {
  // A page from disk has the opaque origin "null": the guard then allows file:, data: and blob: only.
  const context = await browser.newContext();
  const guard = await guardContext(context, "null");
  const page = await context.newPage();
  const requests: string[] = [];
  page.on("request", (request) => requests.push(request.url()));
  await page.goto(pathToFileURL(file.pathname).href);

  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  expect(csp).toMatch(/script-src 'sha256-[A-Za-z0-9+/]+=*'; style-src 'sha256-[A-Za-z0-9+/]+=*';/);
  expect(csp).toContain("worker-src blob:");
  expect(csp).toContain("connect-src 'none'");
  expect(csp).toContain("require-trusted-types-for 'script'");
  await expect(page.locator('meta[name="referrer"]')).toHaveAttribute("content", "no-referrer");
  expect(await page.locator("script[src], link[rel=stylesheet], link[rel=manifest]").count()).toBe(0);

  const paste = page.getByLabel("PowerShell output");
  await paste.fill(sample);
  await expect(page.getByRole("table", { name: /^Certificates on / }).getByRole("row")).toHaveCount(1 + 3);
  // What-ifs are computed in another instance of the inlined worker.
  await page.getByLabel("Server name (for output that names none)").fill("EX01");
  await page.getByRole("region", { name: "What if" }).getByRole("button", { name: "Remove" }).first().click();
  await expect(page.getByRole("heading", { name: "What each connector would present" })).toBeVisible();
  // So are renewal plans.
  await page.getByLabel("Server name (for output that names none)").fill("");
  await page.getByLabel("As of").fill("2026-11-02");
  await paste.fill(renewalStory);
  const planner = page.getByRole("region", { name: "Renewal planner" });
  await planner.getByLabel("Certificate being replaced").selectOption("3E7A1C9B5D2F4E6A8C0B1D3F5A7C9E2B4D6F8A0C");
  await planner.getByRole("radio", { name: "Paste its PEM" }).check();
  await planner.getByLabel("Certificate (PEM or base64)").fill(successorPem);
  await planner.getByRole("button", { name: "Plan the renewal" }).click();
  await expect(planner.getByRole("list", { name: "Steps" }).locator(":scope > li")).toHaveCount(11);
  await expect(planner.getByText("After the last step certflow finds no error.")).toBeVisible();
  // The certificate decoder is inlined too.
  await paste.fill(pem);
  await expect(
    page
      .getByRole("table", { name: /^Certificates on / })
      .getByRole("cell", { name: "04A0F8BFCC05F64B1AE2548F036B790561C4E4CF" }),
  ).toBeVisible();
  await page.getByLabel("Try an example").selectOption({ label: "Get-ExchangeCertificate | fl (Russian dates)" });
  await expect(paste).toHaveValue(sample.replace(/\r\n?/g, "\n"));

  // The analysis ran in a worker started from a blob: URL, not on the page's thread.
  expect(await page.evaluate(() => performance.getEntriesByType("resource").map((e) => e.name))).toEqual([]);
  expect(requests.every((url) => url.startsWith("file:") || url.startsWith("blob:") || url.startsWith("data:"))).toBe(
    true,
  );
  expect(await guard.problems()).toEqual([]);
  await context.close();
});

test("the hosted page offers certflow.html as a download, from its own origin", async ({ page }) => {
  await page.goto("./");
  const link = page.getByRole("link", { name: "Download certflow.html for offline use" });
  await expect(link).toHaveAttribute("href", "./certflow.html");
  const response = await page.request.get("./certflow.html");
  expect(response.status()).toBe(200);
  expect((await response.body()).length).toBe(statSync(file).size);
});
