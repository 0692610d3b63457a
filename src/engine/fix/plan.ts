import type { FixPhase, FixStep } from "../rules/types";
import type { Finding } from "../run";
import { renderPowerShell } from "./powershell";

export interface PlanStep {
  readonly step: number;
  readonly why: string;
  readonly commands: readonly string[];
  readonly warning?: string;
  readonly rules: readonly string[];
}

const PHASES: readonly FixPhase[] = [
  "inspect",
  "install",
  "enable",
  "connector",
  "hybrid",
  "restart",
  "hcw",
  "cleanup",
];

/** Each phase's place in `PHASES`, read by the sort instead of searching the list twice per comparison. */
const PHASE_RANK = Object.fromEntries(PHASES.map((phase, i) => [phase, i])) as Readonly<Record<FixPhase, number>>;

/**
 * One ordered, de-duplicated plan from every finding's fix: steps are
 * ordered by phase (certificates before what points at them, the wizard
 * after the connectors, removal of old certificates last), and a command
 * that several findings need appears once.
 */
export function buildFixPlan(findings: readonly Finding[]): PlanStep[] {
  const entries: { phase: FixPhase; step: FixStep; rule: string; order: number }[] = [];
  let order = 0;
  for (const f of findings)
    for (const step of f.fix) entries.push({ phase: step.phase, step, rule: f.rule, order: order++ });
  entries.sort((a, b) => PHASE_RANK[a.phase] - PHASE_RANK[b.phase] || a.order - b.order);

  const seen = new Set<string>();
  const plan: { why: string; commands: string[]; warning?: string; rules: string[] }[] = [];
  // Steps by their why: an organisation-sized paste has thousands of findings, too many to search the plan each time.
  const byWhy = new Map<string, (typeof plan)[number]>();
  for (const { step, rule } of entries) {
    const commands: string[] = [];
    const folded: string[] = [];
    for (const command of step.commands) {
      const text = renderPowerShell(command);
      const key = text.toLowerCase();
      if (seen.has(key)) continue;
      commands.push(text);
      folded.push(key);
    }
    const existing = byWhy.get(step.why);
    if (commands.length === 0 && (step.commands.length > 0 || existing)) {
      if (existing && !existing.rules.includes(rule)) existing.rules.push(rule);
      continue;
    }
    for (const key of folded) seen.add(key);
    if (existing) {
      existing.commands.push(...commands);
      if (!existing.rules.includes(rule)) existing.rules.push(rule);
      continue;
    }
    const entry = { why: step.why, commands, ...(step.warning ? { warning: step.warning } : {}), rules: [rule] };
    plan.push(entry);
    byWhy.set(step.why, entry);
  }
  return plan.map((p, i) => ({ step: i + 1, ...p }));
}
