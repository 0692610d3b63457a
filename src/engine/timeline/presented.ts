import type { ReportSelection } from "../../report/types";
import { isBefore } from "../select/dates";
import { label } from "../select/facts";
import { STEP } from "../select/step-ids";
import { newestStep, preferCaStep } from "../select/steps/prefer";
import type { CertificateIndex, TimedCertificate } from "./certificates";
import { dayText, serverText } from "./text";
import type { TimelineEvent } from "./types";

/**
 * The dates on which the certificate a connector presents changes or expires.
 *
 * On the Fqdn path the eligible candidates do not depend on the date, but the preference does (domain F1.1.10,
 * 12.1): a valid CA-issued certificate first, then a self-signed one, then an expired CA-issued one, the newest
 * NotBefore first. So at each NotAfter of a candidate the choice is made again with the engine's own steps. On the
 * TlsCertificateName path the choice does not depend on the date: only the chosen certificate's expiry changes
 * the verdict.
 */
export function selectionEvents(selection: ReportSelection, index: CertificateIndex, asOf: number): TimelineEvent[] {
  if (selection.certificate === null) return [];
  const chosen = index.find(selection.server, selection.certificate);
  if (chosen === undefined) return [];
  const candidates = fqdnCandidates(selection, index);
  if (candidates !== undefined && presentedAt(candidates, asOf).candidate.key === chosen.candidate.key) {
    return fqdnEvents(selection, candidates, chosen, asOf);
  }
  return expiryEvent(selection, chosen, asOf, selection.via === "TlsCertificateName");
}

/** The eligible candidates of a Fqdn-path trace; undefined on another path or when one cannot be found. */
function fqdnCandidates(selection: ReportSelection, index: CertificateIndex): Candidates | undefined {
  const eligible = selection.steps.find((s) => s.id === STEP.eligible);
  const found = (eligible?.kept ?? []).map((key) => index.find(selection.server, key));
  const known = found.filter((c) => c !== undefined);
  const [first, ...rest] = known;
  return first !== undefined && known.length === found.length ? [first, ...rest] : undefined;
}

type Candidates = readonly [TimedCertificate, ...TimedCertificate[]];

/** The engine's choice among the eligible candidates on a given instant. */
function presentedAt(candidates: Candidates, at: number): TimedCertificate {
  const [first] = candidates;
  const [preferred, ...others] = preferCaStep(
    candidates.map((c) => c.candidate),
    new Date(at),
  ).next;
  const chosen = preferred === undefined ? first.candidate : newestStep([preferred, ...others]).chosen;
  return candidates.find((c) => c.candidate === chosen) ?? first;
}

function expired(c: TimedCertificate, at: number): boolean {
  return isBefore(c.candidate.cert.notAfter, new Date(at)) === "yes";
}

function fqdnEvents(
  selection: ReportSelection,
  candidates: Candidates,
  chosen: TimedCertificate,
  asOf: number,
): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  let current = chosen;
  let isExpired = expired(current, asOf);
  if (isExpired) events.push(...expiryEvent(selection, current, asOf, false));
  const ends = [...new Set(candidates.flatMap((c) => (c.until !== undefined && c.until >= asOf ? [c.until] : [])))];
  for (const end of ends.sort((a, b) => a - b)) {
    // NotAfter is the last valid instant: the choice changes just after it.
    const after = end + 1;
    const next = presentedAt(candidates, after);
    const nextExpired = expired(next, after);
    const cause = current.until === end ? current : (candidates.find((c) => c.until === end) ?? current);
    if (next.candidate.key !== current.candidate.key) {
      events.push(switchEvent(selection, cause, next, nextExpired, end));
    } else if (nextExpired && !isExpired) {
      events.push(...expiryEvent(selection, current, asOf, false));
    }
    current = next;
    isExpired = nextExpired;
  }
  return events;
}

function expiryEvent(
  selection: ReportSelection,
  chosen: TimedCertificate,
  asOf: number,
  tlsname: boolean,
): TimelineEvent[] {
  if (chosen.until === undefined || chosen.report.notAfter === null) return [];
  const past = chosen.until < asOf;
  const inbound = selection.direction === "inbound";
  const who = connectorText(selection);
  const what = `${past ? `Since ${dayText(chosen.until)}, ${who} presents` : `On ${dayText(chosen.until)}, ${who} would present`} an expired certificate, ${label(chosen.candidate)}`;
  const effect = inbound
    ? "Exchange keeps offering STARTTLS with it and logs event 12016; senders that validate certificates reject it."
    : "remote servers that validate certificates (Exchange Online among them) reject it.";
  const caveat =
    tlsname && inbound
      ? " On the TlsCertificateName path the sources also allow that Exchange treats an expired certificate as not found: no STARTTLS and event 12014 (low confidence)."
      : "";
  return [
    {
      date: chosen.report.notAfter,
      kind: "presents-expired",
      past,
      server: selection.server,
      connector: selection.connector,
      direction: selection.direction,
      row: chosen.row,
      next: null,
      eventId: inbound ? 12016 : null,
      message: `${what}: ${effect}${caveat}`,
    },
  ];
}

function switchEvent(
  selection: ReportSelection,
  cause: TimedCertificate,
  next: TimedCertificate,
  nextExpired: boolean,
  end: number,
): TimelineEvent {
  const inbound = selection.direction === "inbound";
  const then = nextExpired
    ? inbound
      ? ", which has expired as well: Exchange logs event 12016"
      : ", which has expired as well"
    : "";
  return {
    date: cause.report.notAfter ?? new Date(end).toISOString(),
    kind: "switches",
    past: false,
    server: selection.server,
    connector: selection.connector,
    direction: selection.direction,
    row: cause.row,
    next: next.row,
    eventId: nextExpired && inbound ? 12016 : null,
    message:
      `On ${dayText(end)}, ${label(cause.candidate)} expires and ${connectorText(selection)} would present ` +
      `${label(next.candidate)} instead${then} (Exchange prefers a valid CA-issued certificate, then a self-signed one, the newest NotBefore first).`,
  };
}

function connectorText(selection: ReportSelection): string {
  return selection.direction === "inbound"
    ? `receive connector '${selection.connector}' on ${serverText(selection.server)}`
    : `send connector '${selection.connector}' from ${serverText(selection.server)}`;
}
