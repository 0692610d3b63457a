import type { ReportFixStep } from "../../report/types";

// Every character PowerShell (or a shell the text is pasted into) may take as the end of a line.
const LINE_BREAK = /\r\n|[\n\r\v\f\u0085\u2028\u2029]/;

/** Text as comment lines: every line of it starts with "# ", so no part of it can run as a command. */
export function commentLines(text: string, first = ""): string[] {
  return text.split(LINE_BREAK).map((line, i) => `# ${i === 0 ? first : ""}${line}`);
}

/**
 * The whole fix plan as one script to paste: per step a "# step N: why" comment (and its warning as comment lines),
 * then its commands as the report rendered them, steps apart by a blank line.
 */
export function planText(plan: readonly ReportFixStep[]): string {
  const blocks = plan.map((step) => [
    ...commentLines(step.why, `step ${step.step}: `),
    ...(step.warning === undefined ? [] : commentLines(step.warning, "Warning: ")),
    ...step.commands,
  ]);
  return `${blocks.map((lines) => lines.join("\n")).join("\n\n")}\n`;
}
