import { HEADER_CSP, META_CSP, SECURITY_HEADERS } from "../scripts/security-policy.mjs";
import { expect, test } from "./fixtures";

test("the served page carries the security headers and the built-in CSP", async ({ page }) => {
  const response = await page.goto("./");
  const headers = response?.headers() ?? {};
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(headers[name.toLowerCase()], name).toBe(value);
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(HEADER_CSP.startsWith(META_CSP)).toBe(true);

  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute("content", META_CSP);
  await expect(page.locator('meta[name="referrer"]')).toHaveAttribute("content", "no-referrer");
});

test("Trusted Types refuse to turn a string into HTML", async ({ page, guard }) => {
  guard.expectProblem(/CSP violation: require-trusted-types-for/);
  guard.expectProblem(/console error: .*TrustedHTML/);
  await page.goto("./");
  const outcome = await page.evaluate(() => {
    try {
      document.body.insertAdjacentHTML("beforeend", "<b id=injected>x</b>");
      return "inserted";
    } catch (error) {
      return error instanceof Error ? error.name : "thrown";
    }
  });
  expect(outcome).toBe("TypeError");
  await expect(page.locator("#injected")).toHaveCount(0);
});

test("pasted markup is shown as text and never runs", async ({ page }) => {
  await page.goto("./");
  const payload = [
    'Subject            : <img src=x onerror="window.__pwned = 1">',
    "Thumbprint         : 3DAF40EC85C62DD39D98696AB5413E3EB83D6415",
    "<script>window.__pwned = 2</script>",
    '<svg onload="window.__pwned = 3"></svg>',
  ].join("\n");
  await page.getByLabel("PowerShell output").fill(payload);
  await expect(page.getByRole("status")).toContainText("not understood");
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(page.locator("main img, main script, main svg[onload]")).toHaveCount(0);
});

test("the guard stops and reports a request to another origin", async ({ page, guard }) => {
  guard.expectProblem(/request to another origin: http:\/\/example\.invalid\//);
  await page.goto("./");
  await expect(page.goto("http://example.invalid/")).rejects.toThrow();
});
