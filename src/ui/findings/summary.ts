import type { ReportFinding, Severity } from "../../report/types";

const NAMES: Readonly<Record<Severity, readonly [string, string]>> = {
  error: ["error", "errors"],
  warning: ["warning", "warnings"],
  info: ["info", "info"],
};

const ORDER: readonly Severity[] = ["error", "warning", "info"];

/**
 * "2 errors, 1 warning on 2 servers": how many findings of each severity the report holds, and on how many named
 * servers. A count of what the report says, not a judgement of its own.
 */
export function findingsSummary(findings: readonly Pick<ReportFinding, "severity" | "server">[]): string {
  if (findings.length === 0) return "No findings";
  const counts = ORDER.map((severity) => [severity, findings.filter((f) => f.severity === severity).length] as const)
    .filter(([, count]) => count > 0)
    .map(([severity, count]) => `${count} ${NAMES[severity][count === 1 ? 0 : 1]}`);
  const servers = new Set(findings.flatMap((f) => (f.server === null ? [] : [f.server]))).size;
  const where = servers === 0 ? "" : ` on ${servers} ${servers === 1 ? "server" : "servers"}`;
  return `${counts.join(", ")}${where}`;
}
