import type { Report } from "../../report/types";

/**
 * How many items of each long list the results show at first, and add with each "Show more". An
 * organisation-sized paste has thousands of each; drawn at once they would keep the page busy for minutes.
 * A one-server paste fits in the first page of every list.
 */
export const PAGE = {
  findings: 30,
  findingLines: 20,
  findingCommands: 10,
  fixSteps: 30,
  connectors: 10,
  timelineRows: 50,
  timelineEvents: 50,
  evidence: 30,
  certificates: 50,
  connectorRows: 50,
  blocks: 50,
  unrecognized: 50,
  whatIfCertificates: 20,
  whatIfConnectors: 50,
} as const;

/** Whether any list of the report is longer than its first page: an organisation's report, not a server's. */
export function hasLongLists(
  report: Pick<
    Report,
    "findings" | "fixPlan" | "selections" | "certificates" | "connectors" | "blocks" | "unrecognized" | "evidence"
  >,
): boolean {
  return (
    report.findings.length > PAGE.findings ||
    report.fixPlan.length > PAGE.fixSteps ||
    report.selections.length > PAGE.connectors ||
    report.certificates.length > PAGE.certificates ||
    report.connectors.length > PAGE.connectorRows ||
    report.blocks.length > PAGE.blocks ||
    report.unrecognized.length > PAGE.unrecognized ||
    report.evidence.length > PAGE.evidence
  );
}

/** The next number of items to show: one more page, or every item, never more than there are. */
export function nextLimit(limit: number, step: number, total: number, target: number): number {
  return Math.min(limit + step, target, total);
}

/** `Show 30 more findings`, `1 finding`: a count with its noun, grouped as English writes numbers. */
export function counted(count: number, [one, many]: readonly [string, string]): string {
  return `${count.toLocaleString("en-US")} ${count === 1 ? one : many}`;
}

/** The label of the button that adds the next page: `Show 30 more findings`. */
export function moreLabel(next: number, [one, many]: readonly [string, string]): string {
  return `Show ${next.toLocaleString("en-US")} more ${next === 1 ? one : many}`;
}
