import type { Report } from "../../report/types";
import { label, listText } from "../select/facts";
import { STEP } from "../select/step-ids";
import { serverKey } from "../server-index";
import { type CertificateIndex, indexCertificates, rowKey, type TimedCertificate } from "./certificates";
import { selectionEvents } from "./presented";
import { dayText, serverText } from "./text";
import type { Timeline, TimelineEvent, TimelineRow, ValidityState } from "./types";

/**
 * Every certificate's validity per server on one time axis, and the dates on which a verdict changes: a
 * connector's certificate expires (it keeps presenting it, or Exchange prefers another), a server's internal
 * transport certificate expires, a certificate is not valid yet. Read from the report alone: its certificates,
 * its selections (what each connector presents, and the trace of why) and its as-of date.
 */
export function buildTimeline(report: Report): Timeline {
  const asOf = Date.parse(`${report.asOf}T00:00:00Z`);
  const index = indexCertificates(report);
  const internal = internalTransportRows(report, index);
  const presenters = presentersByRow(report);
  const rows = sortRows(
    index.all.map((c) => row(c, asOf, internal, presenters)),
    report,
  );
  const events = [
    ...report.selections.flatMap((s) => selectionEvents(s, index, asOf)),
    ...internalEvents(index, internal, asOf),
    ...notYetValidEvents(rows, index, asOf),
  ].sort(byDate);
  const times = [asOf, ...index.all.flatMap((c) => [c.from, c.until])].filter(
    (t): t is number => t !== undefined && Number.isFinite(t),
  );
  return {
    asOf: isoOf(asOf),
    start: isoOf(times.reduce((a, b) => Math.min(a, b))),
    end: isoOf(times.reduce((a, b) => Math.max(a, b))),
    rows,
    events,
  };
}

/** The report's as-of date is `YYYY-MM-DD` by contract; anything else leaves the axis at the epoch rather than throw. */
function isoOf(epochMs: number): string {
  return new Date(Number.isFinite(epochMs) ? epochMs : 0).toISOString();
}

function stateAt(c: TimedCertificate, asOf: number): ValidityState {
  if (c.until !== undefined && c.until < asOf) return "expired";
  if (c.from !== undefined && c.from > asOf) return "not-yet-valid";
  return c.from !== undefined && c.until !== undefined ? "valid" : "undated";
}

/** The connectors that present each row's certificate, in selection order: one pass, not one per certificate. */
function presentersByRow(report: Report): Map<string, string[]> {
  const byRow = new Map<string, string[]>();
  for (const s of report.selections) {
    if (s.certificate === null) continue;
    const key = rowKey(s.server, s.certificate);
    const connectors = byRow.get(key);
    if (connectors === undefined) byRow.set(key, [s.connector]);
    else connectors.push(s.connector);
  }
  return byRow;
}

function row(
  c: TimedCertificate,
  asOf: number,
  internal: ReadonlySet<string>,
  presenters: ReadonlyMap<string, readonly string[]>,
): TimelineRow {
  const presentedBy = presenters.get(c.row) ?? [];
  return {
    key: c.row,
    server: c.report.server,
    thumbprint: c.report.thumbprint,
    name: c.name,
    notBefore: c.report.notBefore,
    notAfter: c.report.notAfter,
    state: stateAt(c, asOf),
    presentedBy: [...new Set(presentedBy)],
    internalTransport: internal.has(c.row),
    lines: c.report.lines,
  };
}

/** Servers in the order the report first names them; on each, the certificate that expires first comes first. */
function sortRows(rows: readonly TimelineRow[], report: Report): TimelineRow[] {
  const serverRank = new Map<string, number>();
  for (const c of report.certificates) {
    const key = serverKey(c.server ?? undefined) ?? "";
    if (!serverRank.has(key)) serverRank.set(key, serverRank.size);
  }
  // Ranked once per row: a comparator that looked them up would do it n log n times.
  return rows
    .map((r, i) => ({
      r,
      i,
      rank: serverRank.get(serverKey(r.server ?? undefined) ?? "") ?? -1,
      end: r.notAfter === null ? Number.POSITIVE_INFINITY : Date.parse(r.notAfter),
    }))
    .sort((a, b) => a.rank - b.rank || a.end - b.end || a.i - b.i)
    .map(({ r }) => r);
}

/**
 * Rows of the internal transport certificates. The report has no Get-TransportService section of its own: the
 * X-ANONYMOUSTLS step of a receive connector's trace keeps that certificate when it is among the server's.
 */
function internalTransportRows(report: Report, index: CertificateIndex): Set<string> {
  const rows = new Set<string>();
  for (const s of report.selections) {
    const step = s.steps.find((st) => st.id === STEP.anonymousTls);
    const key = step?.outcome === "yes" ? step.kept[0] : undefined;
    const found = key === undefined ? undefined : index.find(s.server, key);
    if (found) rows.add(found.row);
  }
  return rows;
}

function internalEvents(index: CertificateIndex, internal: ReadonlySet<string>, asOf: number): TimelineEvent[] {
  return index.all.flatMap((c): TimelineEvent[] => {
    if (!internal.has(c.row) || c.until === undefined || c.report.notAfter === null) return [];
    const past = c.until < asOf;
    const server = serverText(c.report.server);
    const what = past
      ? `Since ${dayText(c.until)}, the internal transport certificate of ${server}, ${label(c.candidate)}, has expired`
      : `On ${dayText(c.until)}, the internal transport certificate of ${server}, ${label(c.candidate)}, expires`;
    return [
      {
        date: c.report.notAfter,
        kind: "internal-expired",
        past,
        server: c.report.server,
        connector: null,
        direction: null,
        row: c.row,
        next: null,
        eventId: 12015,
        message: `${what}: Exchange logs event 12015 and keeps offering X-ANONYMOUSTLS with it.`,
      },
    ];
  });
}

function notYetValidEvents(rows: readonly TimelineRow[], index: CertificateIndex, asOf: number): TimelineEvent[] {
  const byKey = new Map(rows.map((r) => [r.key, r]));
  return index.all.flatMap((c): TimelineEvent[] => {
    if (c.from === undefined || c.from <= asOf || c.report.notBefore === null) return [];
    const presentedBy = byKey.get(c.row)?.presentedBy ?? [];
    const until =
      presentedBy.length === 0
        ? ""
        : ` Until then ${listText(presentedBy.map((name) => `'${name}'`))} ${presentedBy.length === 1 ? "presents" : "present"} it before it is valid; how Exchange treats a certificate that is not yet valid is not documented.`;
    return [
      {
        date: c.report.notBefore,
        kind: "becomes-valid",
        past: false,
        server: c.report.server,
        connector: null,
        direction: null,
        row: c.row,
        next: null,
        eventId: null,
        message: `On ${dayText(c.from)}, ${label(c.candidate)} on ${serverText(c.report.server)} becomes valid.${until}`,
      },
    ];
  });
}

function byDate(a: TimelineEvent, b: TimelineEvent): number {
  return (
    Date.parse(a.date) - Date.parse(b.date) ||
    (a.server ?? "").localeCompare(b.server ?? "") ||
    (a.connector ?? "").localeCompare(b.connector ?? "")
  );
}
