import type { Report } from "../../report/types";
import { label, listText } from "../select/facts";
import { STEP } from "../select/step-ids";
import { serverKey } from "../server-index";
import { type CertificateIndex, indexCertificates, type TimedCertificate } from "./certificates";
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
  const rows = sortRows(
    index.all.map((c) => row(c, report, asOf, internal)),
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

function row(c: TimedCertificate, report: Report, asOf: number, internal: ReadonlySet<string>): TimelineRow {
  const presentedBy = report.selections
    .filter(
      (s) =>
        s.certificate === c.candidate.key &&
        serverKey(s.server ?? undefined) === serverKey(c.report.server ?? undefined),
    )
    .map((s) => s.connector);
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
  const serverOrder = [...new Set(report.certificates.map((c) => serverKey(c.server ?? undefined) ?? ""))];
  const rank = (r: TimelineRow) => serverOrder.indexOf(serverKey(r.server ?? undefined) ?? "");
  const end = (r: TimelineRow) => (r.notAfter === null ? Number.POSITIVE_INFINITY : Date.parse(r.notAfter));
  return rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => rank(a.r) - rank(b.r) || end(a.r) - end(b.r) || a.i - b.i)
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
  return index.all.flatMap((c): TimelineEvent[] => {
    if (c.from === undefined || c.from <= asOf || c.report.notBefore === null) return [];
    const presentedBy = rows.find((r) => r.key === c.row)?.presentedBy ?? [];
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
