import type { ReportFinding, Severity } from "../../report/types";

export interface ConnectorGroup<T> {
  /** null: the finding is about the server or a certificate, not one connector. */
  readonly connector: string | null;
  readonly findings: readonly T[];
}

export interface ServerGroup<T> {
  /** null: the paste did not name the server. */
  readonly server: string | null;
  readonly connectors: readonly ConnectorGroup<T>[];
}

export interface SeverityGroup<T> {
  readonly severity: Severity;
  /** How many findings the group holds, over all its servers and connectors. */
  readonly count: number;
  readonly servers: readonly ServerGroup<T>[];
}

const ORDER: readonly Severity[] = ["error", "warning", "info"];

/** Orders names alphabetically, with "not named" (null) last. */
function byName(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a.localeCompare(b);
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): [K, T[]][] {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group === undefined) groups.set(key(item), [item]);
    else group.push(item);
  }
  return [...groups];
}

/**
 * Findings by severity (errors first), then server, then connector; servers and connectors by name with the
 * unnamed last, findings within a connector in report order. Empty severities are left out.
 */
export function groupFindings<T extends Pick<ReportFinding, "severity" | "server" | "connector">>(
  findings: readonly T[],
): SeverityGroup<T>[] {
  return ORDER.flatMap((severity) => {
    const ofSeverity = findings.filter((f) => f.severity === severity);
    if (ofSeverity.length === 0) return [];
    const servers = groupBy(ofSeverity, (f) => f.server)
      .sort(([a], [b]) => byName(a, b))
      .map(([server, ofServer]) => ({
        server,
        connectors: groupBy(ofServer, (f) => f.connector)
          .sort(([a], [b]) => byName(a, b))
          .map(([connector, ofConnector]) => ({ connector, findings: ofConnector })),
      }));
    return [{ severity, count: ofSeverity.length, servers }];
  });
}

/** The findings in the order the grouped list shows them. */
export function inGroupOrder<T>(groups: readonly SeverityGroup<T>[]): T[] {
  return groups.flatMap((g) => g.servers.flatMap((s) => s.connectors.flatMap((c) => c.findings)));
}

/**
 * The groups cut to their first `n` findings in group order, each severity keeping the count of all its findings:
 * a page of a long list without grouping it again.
 */
export function firstFindings<T>(groups: readonly SeverityGroup<T>[], n: number): SeverityGroup<T>[] {
  let left = n;
  const take = <G>(items: readonly G[], cut: (item: G) => G | undefined): G[] =>
    items.flatMap((item) => {
      if (left <= 0) return [];
      const kept = cut(item);
      return kept === undefined ? [] : [kept];
    });
  return take(groups, (g) => {
    const servers = take(g.servers, (s) => {
      const connectors = take(s.connectors, (c) => {
        const findings = c.findings.slice(0, left);
        left -= findings.length;
        return findings.length === 0 ? undefined : { ...c, findings };
      });
      return connectors.length === 0 ? undefined : { ...s, connectors };
    });
    return servers.length === 0 ? undefined : { ...g, servers };
  });
}
