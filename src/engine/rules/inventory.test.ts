import { existsSync, readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { rules } from "./index";

/**
 * Every rule is one file named after its contract id, registered once, with
 * docs, messages, a test beside it and a row in the contract (docs/CONTRACT.md,
 * a copy of ../shared/CONTRACT.md that must not drift from it).
 */
const dir = new URL("./", import.meta.url);
const contract = readFileSync(new URL("../../../docs/CONTRACT.md", import.meta.url), "utf8");
const contractIds = [...contract.matchAll(/^\| `([A-Z0-9_]+)` \|/gm)].map((m) => m[1]);
const NOT_RULES = new Set(["index.ts", "types.ts", "tester.ts"]);
const ruleFiles = readdirSync(dir).filter((n) => n.endsWith(".ts") && !n.endsWith(".test.ts") && !NOT_RULES.has(n));

const kebab = (id: string) => `${id.toLowerCase().replace(/_/g, "-")}.ts`;

describe("rule inventory", () => {
  it("the contract copy matches ../shared/CONTRACT.md when it is there", () => {
    const shared = new URL("../../../../shared/CONTRACT.md", import.meta.url);
    if (existsSync(shared)) expect(contract).toBe(readFileSync(shared, "utf8"));
    expect(contractIds.length).toBeGreaterThan(20);
  });

  it("registers every rule file exactly once, sorted by id", () => {
    expect(rules.map((r) => kebab(r.id)).sort()).toEqual([...ruleFiles].sort());
    const ids = rules.map((r) => r.id);
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(ids.length);
  });

  for (const rule of rules) {
    it(`${rule.id}: contract row, docs, messages and tests`, () => {
      expect(contractIds).toContain(rule.id);
      expect(existsSync(new URL(kebab(rule.id).replace(/\.ts$/, ".test.ts"), dir))).toBe(true);
      expect(rule.title.length).toBeGreaterThan(10);
      for (const text of [rule.docs.summary, rule.docs.behaviour, rule.docs.fix])
        expect(text.length).toBeGreaterThan(20);
      expect(rule.docs.facts.length).toBeGreaterThan(0);
      expect(rule.docs.sources.every((s) => s.startsWith("https://"))).toBe(true);
      expect(Object.keys(rule.messages).length).toBeGreaterThan(0);
      const contractRow = contract.split("\n").find((l) => l.startsWith(`| \`${rule.id}\` |`)) ?? "";
      expect(contractRow).toContain(`| ${rule.severity}`);
    });
  }
});
