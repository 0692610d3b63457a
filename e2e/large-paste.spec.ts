import { generateOrg } from "../scripts/generate-org";
import { expect, test } from "./fixtures";

// About 3 MB: long enough to analyse that the progress message shows on any machine.
const large = generateOrg({ servers: 300 }).text;

test("a large paste shows its start read-only, says it is being analysed and leaves the page usable", async ({
  page,
  context,
  baseURL,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(baseURL ?? "").origin });
  await page.goto("./");
  await page.evaluate((text) => navigator.clipboard.writeText(text), large);
  const box = page.getByLabel("PowerShell output");
  await box.focus();
  await page.keyboard.press("Control+V");

  await expect(page.getByRole("status").filter({ hasText: /^Analysing \d+\.\d MB…$/ })).toBeVisible();
  await expect(page.getByText(/^This paste is \d+\.\d MB, too large to show in the box/)).toBeVisible();
  await expect(box).toHaveJSProperty("readOnly", true);
  const shown = await box.inputValue();
  expect(shown.length).toBeGreaterThan(0);
  expect(large.startsWith(shown)).toBe(true);

  const server = page.getByLabel(/^Server name/);
  await server.pressSequentially("EX01");
  await expect(server).toHaveValue("EX01");
});

test("clearing a large paste gives back an empty, editable box", async ({ page, context, baseURL }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(baseURL ?? "").origin });
  await page.goto("./");
  await page.evaluate((text) => navigator.clipboard.writeText(text), large);
  const box = page.getByLabel("PowerShell output");
  await box.focus();
  await page.keyboard.press("Control+V");
  await page.getByRole("button", { name: "Clear the paste" }).click();

  await expect(box).toHaveValue("");
  await expect(box).toHaveJSProperty("readOnly", false);
  await expect(page.getByRole("status").filter({ hasText: "Paste output above, or try an example." })).toBeVisible();
});
