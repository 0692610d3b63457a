import { isolateBidi } from "../model/bidi";
import type { Evidence } from "../model/evidence";
import type { Inventory } from "../model/inventory";
import { memoiseByString } from "../model/memo";
import type { SourceSpan } from "../model/source";
import type { Ambiguity } from "../parse/types";
import type { Severity } from "../report/types";
import { ruleContext } from "./context";
import { rules } from "./rules";
import type { FixStep, Rule, RuleResult } from "./rules/types";
import type { Selection } from "./select/types";

/** A rule's result with its message rendered; what the report and the UI show. */
export interface Finding {
  readonly rule: string;
  readonly title: string;
  readonly severity: Severity;
  readonly message: string;
  readonly server: string | undefined;
  readonly connector: string | undefined;
  readonly thumbprint: string | undefined;
  readonly basis: "configuration" | "evidence";
  readonly sources: readonly SourceSpan[];
  readonly fix: readonly FixStep[];
  readonly explains: readonly Evidence[];
}

/**
 * Runs every rule in its own try/catch (a rule that throws becomes one
 * finding about itself; the others still run), then renders messages.
 */
export function runRules(
  inventory: Inventory,
  selections: readonly Selection[],
  asOf: Date,
  ambiguities: readonly Ambiguity[],
  registry: readonly Rule[] = rules,
): Finding[] {
  const ctx = ruleContext(inventory, selections, asOf, ambiguities);
  const findings: Finding[] = [];
  for (const rule of registry) {
    let results: readonly RuleResult[];
    try {
      results = rule.check(ctx);
    } catch (e) {
      findings.push(crashed(rule, e));
      continue;
    }
    for (const r of results) findings.push(render(rule, r));
  }
  return findings.sort(bySeverity);
}

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * `localeCompare` without arguments is this collator's `compare` (ECMA-402), built once instead of per call.
 * Equal texts (most pairs: findings of one server) compare as 0 without asking the collator.
 */
const collator = new Intl.Collator();

function compareText(a: string, b: string): number {
  return a === b ? 0 : collator.compare(a, b);
}

function bySeverity(a: Finding, b: Finding): number {
  return (
    ORDER[a.severity] - ORDER[b.severity] ||
    compareText(a.server ?? "", b.server ?? "") ||
    compareText(a.connector ?? "", b.connector ?? "") ||
    compareText(a.rule, b.rule)
  );
}

function render(rule: Rule, r: RuleResult): Finding {
  const template = rule.messages[r.messageId] ?? r.messageId;
  return {
    rule: rule.id,
    title: rule.title,
    severity: r.severity ?? rule.severity,
    message: fill(template, r.data ?? {}),
    server: r.server,
    connector: r.connector,
    thumbprint: r.thumbprint,
    basis: r.basis ?? "configuration",
    sources: r.sources,
    fix: r.fix ?? [],
    explains: r.explains ?? [],
  };
}

/**
 * `{name}` placeholders from data; an unknown placeholder stays visible rather than vanishing. Values come from the
 * paste, so each is bidi-isolated: a name with a right-to-left override cannot reorder the sentence around it.
 */
export function fill(template: string, data: Readonly<Record<string, string | number>>): string {
  const parts = templateParts(template);
  let text = parts[0] ?? "";
  for (let i = 1; i < parts.length; i += 2) {
    const key = parts[i] ?? "";
    text += (key in data ? isolateBidi(String(data[key])) : `{${key}}`) + (parts[i + 1] ?? "");
  }
  return text;
}

/**
 * A template as text, placeholder name, text, …: split once per template (rules have a few dozen), not matched
 * again for each of an organisation's thousands of findings.
 */
const templateParts = memoiseByString((template): readonly string[] => template.split(/\{(\w+)\}/));

function crashed(rule: Rule, e: unknown): Finding {
  return {
    rule: rule.id,
    title: rule.title,
    severity: "info",
    message: `certflow could not evaluate this rule on this paste (${e instanceof Error ? e.message : "unknown error"}); the other rules are unaffected.`,
    server: undefined,
    connector: undefined,
    thumbprint: undefined,
    basis: "configuration",
    sources: [],
    fix: [],
    explains: [],
  };
}
