import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyze } from "../analyze";

/**
 * Golden reports: every real sample and every composed story, analysed as of
 * a fixed date, must give exactly the reviewed report in __golden__. After a
 * deliberate change, regenerate with `UPDATE_GOLDEN=1 npx vitest run src/report/golden.test.ts`
 * and review the diff like code.
 */
const AS_OF = "2026-11-24";
const goldenDir = new URL("./__golden__/", import.meta.url);
const sources = [
  { dir: new URL("../parse/__fixtures__/", import.meta.url), prefix: "" },
  { dir: new URL("../__stories__/", import.meta.url), prefix: "story-" },
];

describe("golden reports", () => {
  for (const { dir, prefix } of sources) {
    for (const name of readdirSync(dir)
      .filter((n) => n.endsWith(".txt"))
      .sort()) {
      it(`${prefix}${name}`, async () => {
        const report = await analyze(readFileSync(new URL(name, dir), "utf8"), { asOf: AS_OF });
        const json = `${JSON.stringify(report, null, 2)}\n`;
        const golden = new URL(`${prefix}${name.replace(/\.txt$/, ".json")}`, goldenDir);
        if (process.env.UPDATE_GOLDEN === "1") {
          mkdirSync(goldenDir, { recursive: true });
          writeFileSync(golden, json);
        }
        expect(existsSync(golden), `missing golden ${golden.pathname}; run with UPDATE_GOLDEN=1 and review it`).toBe(
          true,
        );
        expect(json).toBe(readFileSync(golden, "utf8"));
      });
    }
  }
});
