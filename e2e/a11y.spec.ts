import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./fixtures";

const sample = readFileSync(
  new URL("../src/parse/__fixtures__/02-getexcert-fl-ru-dates-prompt.txt", import.meta.url),
  "utf8",
);

for (const colorScheme of ["light", "dark"] as const) {
  test(`the first screen and its results pass axe in the ${colorScheme} theme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto("./");
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

    await page.getByLabel("PowerShell output").fill(sample);
    await expect(page.getByRole("region", { name: "Inventory" })).toBeVisible();
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  });
}

test("every control up to the paste box is reached by Tab and shows where the focus is", async ({ page }) => {
  await page.goto("./");
  const reached: string[] = [];
  for (let presses = 0; presses < 12 && !reached.includes("textarea"); presses++) {
    await page.keyboard.press("Tab");
    const { tag, outline } = await page.evaluate(() => {
      const element = document.activeElement ?? document.body;
      return { tag: element.tagName.toLowerCase(), outline: getComputedStyle(element).outlineStyle };
    });
    expect(outline, `focused ${tag} shows an outline`).not.toBe("none");
    reached.push(tag);
  }
  expect(reached).toEqual(expect.arrayContaining(["select", "input", "textarea"]));
});
