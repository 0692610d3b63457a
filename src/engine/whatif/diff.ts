import type { Report, ReportFinding, ReportSelection } from "../../report/types";

/** What one connector presents before and after the edits. */
export interface ConnectorChange {
  readonly server: string | null;
  readonly connector: string;
  readonly direction: ReportSelection["direction"];
  /** Certificate subject and thumbprint, or "no STARTTLS"; null when the connector is not in that report. */
  readonly before: string | null;
  readonly after: string | null;
  readonly changed: boolean;
}

export interface WhatIfDiff {
  readonly connectors: readonly ConnectorChange[];
  /** Findings in `after` and not in `before`, by rule + server + connector. */
  readonly appeared: readonly ReportFinding[];
  readonly vanished: readonly ReportFinding[];
}

export const NO_STARTTLS = "no STARTTLS";

export function diffReports(before: Report, after: Report): WhatIfDiff {
  const keys: string[] = [];
  const was = new Map<string, ReportSelection>();
  const now = new Map<string, ReportSelection>();
  for (const [report, into] of [
    [before, was],
    [after, now],
  ] as const) {
    for (const s of report.selections) {
      const key = selectionKey(s);
      if (!was.has(key) && !now.has(key)) keys.push(key);
      into.set(key, s);
    }
  }
  const connectors = keys.map((key): ConnectorChange => {
    const b = was.get(key);
    const a = now.get(key);
    const first = (b ?? a) as ReportSelection;
    const beforeText = b ? presented(b, before) : null;
    const afterText = a ? presented(a, after) : null;
    return {
      server: first.server,
      connector: first.connector,
      direction: first.direction,
      before: beforeText,
      after: afterText,
      changed: beforeText !== afterText,
    };
  });
  const beforeKeys = new Set(before.findings.map(findingKey));
  const afterKeys = new Set(after.findings.map(findingKey));
  return {
    connectors,
    appeared: unique(after.findings.filter((f) => !beforeKeys.has(findingKey(f)))),
    vanished: unique(before.findings.filter((f) => !afterKeys.has(findingKey(f)))),
  };
}

function selectionKey(s: ReportSelection): string {
  return JSON.stringify([s.server?.toLowerCase() ?? null, s.connector.toLowerCase(), s.direction]);
}

export function findingKey(f: ReportFinding): string {
  return JSON.stringify([f.rule, f.server?.toLowerCase() ?? null, f.connector?.toLowerCase() ?? null]);
}

function unique(findings: readonly ReportFinding[]): ReportFinding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = findingKey(f);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function presented(s: ReportSelection, report: Report): string {
  if (!s.starttls) return NO_STARTTLS;
  if (s.certificate === null) {
    // A certificate added by a what-if or a renewal plan may be described without a thumbprint: name it by its
    // subject when it is the only such certificate on the server.
    const unknown = report.certificates.filter(
      (c) => c.thumbprint === null && (s.server === null || c.server?.toLowerCase() === s.server.toLowerCase()),
    );
    const only = unknown.length === 1 ? unknown[0] : undefined;
    return only?.subject ? `${only.subject} (thumbprint not known)` : "a certificate without a thumbprint";
  }
  const cert = report.certificates.find(
    (c) => c.thumbprint === s.certificate && (s.server === null || c.server?.toLowerCase() === s.server.toLowerCase()),
  );
  return cert?.subject ? `${cert.subject} (${s.certificate})` : s.certificate;
}
