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

/** Each phase's place in `PHASES`, looked up once per step. */
const PHASE_RANK = Object.fromEntries(PHASES.map((phase, i) => [phase, i])) as Readonly<Record<FixPhase, number>>;

/**
 * One ordered, de-duplicated plan from every finding's fix: steps are
 * ordered by phase (certificates before what points at them, the wizard
 * after the connectors, removal of old certificates last), and a command
 * that several findings need appears once.
 */
export function buildFixPlan(findings: readonly Finding[]): PlanStep[] {
  // Steps by phase, each phase in the findings' order: the order a stable sort by phase gives, without sorting. Each
  // step's rule sits at the same index of `rulesByPhase`, so no pair is made per step.
  const stepsByPhase = PHASES.map((): FixStep[] => []);
  const rulesByPhase = PHASES.map((): string[] => []);
  for (const f of findings) {
    for (const step of f.fix) {
      const rank = PHASE_RANK[step.phase];
      stepsByPhase[rank]?.push(step);
      rulesByPhase[rank]?.push(f.rule);
    }
  }

  const seen = new Set<string>();
  // Commands as rendered, beside `seen`: a repeated command (every server's restart) is usually the same text, found
  // without lower-casing it again.
  const seenText = new Set<string>();
  // Made with their step number, in their final shape: the plan has thousands of steps, too many to copy at the end.
  const plan: { step: number; why: string; commands: string[]; warning?: string; rules: string[] }[] = [];
  // Steps by their why: an organisation-sized paste has thousands of findings, too many to search the plan each time.
  const byWhy = new Map<string, (typeof plan)[number]>();
  stepsByPhase.forEach((steps, rank) => {
    const rules = rulesByPhase[rank] ?? [];
    steps.forEach((step, i) => {
      const rule = rules[i] ?? "";
      const commands: string[] = [];
      const folded: string[] = [];
      for (const command of step.commands) {
        const text = renderPowerShell(command);
        if (seenText.has(text)) continue;
        const key = text.toLowerCase();
        if (seen.has(key)) continue;
        commands.push(text);
        folded.push(key);
      }
      const existing = byWhy.get(step.why);
      if (commands.length === 0 && (step.commands.length > 0 || existing)) {
        if (existing && !existing.rules.includes(rule)) existing.rules.push(rule);
        return;
      }
      for (const key of folded) seen.add(key);
      for (const text of commands) seenText.add(text);
      if (existing) {
        existing.commands.push(...commands);
        if (!existing.rules.includes(rule)) existing.rules.push(rule);
        return;
      }
      const entry = step.warning
        ? { step: plan.length + 1, why: step.why, commands, warning: step.warning, rules: [rule] }
        : { step: plan.length + 1, why: step.why, commands, rules: [rule] };
      plan.push(entry);
      byWhy.set(step.why, entry);
    });
  });
  return plan;
}
