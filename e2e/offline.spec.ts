import { readFileSync } from "node:fs";
import { SERVICE_WORKER_CSP } from "../scripts/security-policy.mjs";
import { expect, test } from "./fixtures";

const pem = readFileSync(new URL("../src/x509/__fixtures__/selfsigned-rsa2048.pem", import.meta.url), "utf8");
const sample = readFileSync(
  new URL("../src/parse/__fixtures__/02-getexcert-fl-ru-dates-prompt.txt", import.meta.url),
  "utf8",
);

test("after one visit the page loads and analyses with the network off", async ({ page, context }) => {
  await page.goto("./");
  // Installed means every file of the build is in the cache, the lazy certificate chunk and the worker included.
  expect(await page.evaluate(async () => Boolean((await navigator.serviceWorker.ready).active))).toBe(true);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole("heading", { name: "certflow", level: 1 })).toBeVisible();
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

  const paste = page.getByLabel("PowerShell output");
  await paste.fill(sample);
  await expect(page.getByRole("table", { name: /^Certificates on / }).getByRole("row")).toHaveCount(1 + 3);
  await paste.fill(pem);
  await expect(
    page
      .getByRole("table", { name: /^Certificates on / })
      .getByRole("cell", { name: "04A0F8BFCC05F64B1AE2548F036B790561C4E4CF" }),
  ).toBeVisible();
  await page.getByLabel("Try an example").selectOption({ label: "Get-ReceiveConnector | fl (double-spaced, trimmed)" });
  await expect(paste).toHaveValue(/^AuthMechanism/);
  await context.setOffline(false);
});

test("the app is installable: a manifest with its own icons, and the service worker's own narrow policy", async ({
  page,
}) => {
  await page.goto("./");
  const href = await page.locator('link[rel="manifest"]').getAttribute("href");
  expect(href).toBe("./manifest.webmanifest");
  const manifest = (await (await page.request.get(`./${href}`)).json()) as {
    start_url: string;
    scope: string;
    display: string;
    icons: { src: string; sizes: string; type: string }[];
  };
  expect(manifest).toMatchObject({ start_url: "./", scope: "./", display: "standalone" });
  expect(manifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(["192x192", "512x512"]));
  for (const icon of manifest.icons) {
    expect(icon.src).not.toMatch(/^[a-z]+:|^\/\//);
    const response = await page.request.get(`./${icon.src}`);
    expect(response.status(), icon.src).toBe(200);
    expect(response.headers()["content-type"]).toBe(icon.type);
  }
  const worker = await page.request.get("./sw.js");
  expect(worker.headers()["content-security-policy"]).toBe(SERVICE_WORKER_CSP);
  expect(await worker.text()).not.toContain("importScripts");
});
