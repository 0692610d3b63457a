import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { EXAMPLES } from "./examples";

const fixtures = fileURLToPath(new URL("../../parse/__fixtures__", import.meta.url));
const files = readdirSync(fixtures).filter((name) => name.endsWith(".txt"));

describe("the Try an example menu", () => {
  it("offers every fixture exactly once, each with its own name", async () => {
    const loaded = await Promise.all(EXAMPLES.map((example) => example.load()));
    const offered = files.filter((file) => loaded.includes(readFileSync(join(fixtures, file), "utf8")));
    expect(offered).toEqual(files);
    expect(new Set(EXAMPLES.map((example) => example.name)).size).toBe(EXAMPLES.length);
    expect(new Set(EXAMPLES.map((example) => example.id)).size).toBe(EXAMPLES.length);
  });

  it.each(EXAMPLES.map((example) => [example.id, example] as const))(
    "example %s loads its numbered fixture",
    async (id, example) => {
      const file = files.find((name) => name.startsWith(`${id}-`));
      expect(file).toBeDefined();
      expect(await example.load()).toBe(readFileSync(join(fixtures, file ?? ""), "utf8"));
    },
  );
});
