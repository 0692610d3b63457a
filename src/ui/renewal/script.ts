import type { RenewalPlan } from "../../engine/renewal/types";
import { commentLines } from "../fix/plan-text";

/**
 * The whole renewal as one script to paste: the lines that define the admin's values, then per step a comment
 * naming it and its servers (and its warning), then its commands. A step without commands stays as a comment, so
 * the order reads the same as on the page.
 */
export function renewalScript(plan: RenewalPlan): string {
  const blocks = [
    [...plan.setup],
    ...plan.steps.map((step) => [
      ...commentLines(`${step.title} (on ${step.servers.join(", ")})`, `Step ${step.step}: `),
      ...(step.commands.length === 0 ? commentLines("No command: nothing to run in the shell for this step.") : []),
      ...(step.warning === undefined ? [] : commentLines(step.warning, "Warning: ")),
      ...step.commands,
    ]),
  ];
  return `${blocks.map((lines) => lines.join("\n")).join("\n\n")}\n`;
}
