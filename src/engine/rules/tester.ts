import { describe, expect, it } from "vitest";
import { parse } from "../../parse";
import { runEngine } from "../engine";
import { renderPowerShell } from "../fix/powershell";
import type { Finding } from "../run";
import type { Rule } from "./types";

export interface ValidCase {
  readonly name: string;
  readonly paste: string;
  readonly asOf?: string;
}

export type ExpectedFinding = Partial<Pick<Finding, "severity" | "server" | "connector" | "thumbprint" | "basis">> & {
  readonly messageId?: string;
  readonly message?: RegExp;
  /** Matched against the fix steps' text and rendered commands. */
  readonly fix?: RegExp;
};

export interface InvalidCase extends ValidCase {
  readonly expect: readonly ExpectedFinding[];
}

/**
 * The ESLint RuleTester idea for certflow: a rule is tested on pasted
 * console output through the whole pipeline (parse → select → this rule).
 * A rule needs cases of both kinds, and an invalid case must find something.
 */
export function testRule(rule: Rule, cases: { valid: readonly ValidCase[]; invalid: readonly InvalidCase[] }): void {
  describe(rule.id, () => {
    it("has valid and invalid cases with distinct names", () => {
      expect(cases.valid.length).toBeGreaterThan(0);
      expect(cases.invalid.length).toBeGreaterThan(0);
      const names = [...cases.valid, ...cases.invalid].map((c) => c.name);
      expect(new Set(names).size).toBe(names.length);
    });
    for (const c of cases.valid) {
      it(`valid: ${c.name}`, async () => {
        expect((await findingsOf(rule, c)).map((f) => f.message)).toEqual([]);
      });
    }
    for (const c of cases.invalid) {
      it(`invalid: ${c.name}`, async () => {
        const found = await findingsOf(rule, c);
        expect(
          found.length,
          `expected ${c.expect.length} finding(s), got: ${found.map((f) => f.message).join(" | ")}`,
        ).toBe(c.expect.length);
        c.expect.forEach((want, i) => {
          const got = found[i];
          expect(got).toBeDefined();
          if (!got) return;
          const { message, fix, messageId, ...fields } = want;
          expect(got).toMatchObject(fields);
          if (messageId)
            expect(
              rule.messages[messageId as keyof typeof rule.messages],
              `unknown messageId ${messageId}`,
            ).toBeDefined();
          if (messageId)
            expect(got.message).toBe(
              renderedShape(got.message, rule.messages[messageId as keyof typeof rule.messages] ?? ""),
            );
          if (message) expect(got.message).toMatch(message);
          if (fix)
            expect(got.fix.map((s) => [s.why, ...s.commands.map(renderPowerShell)].join("\n")).join("\n")).toMatch(fix);
        });
      });
    }
  });
}

async function findingsOf(rule: Rule, c: ValidCase): Promise<Finding[]> {
  const parsed = await parse(c.paste);
  const asOf = new Date(`${c.asOf ?? "2026-11-24"}T00:00:00Z`);
  return [...runEngine(parsed, asOf, [rule]).findings];
}

/** The message must be the template with its placeholders filled: check the fixed text around them. */
function renderedShape(message: string, template: string): string {
  const pieces = template.split(/\{\w+\}/);
  let at = 0;
  for (const piece of pieces) {
    const found = message.indexOf(piece, at);
    if (found < 0) return `${message} (does not fit template: ${template})`;
    at = found + piece.length;
  }
  return message;
}
