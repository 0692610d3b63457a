import type { Certificate } from "../../model/certificate";
import { commonName } from "../../model/distinguished-name";
import { EXCHANGE_SERVICES, type ExchangeService } from "../../model/values";
import type { Report, ReportCertificate } from "../../report/types";
import { type Candidate, candidateKey } from "../select/context";
import { serverKey } from "../server-index";

/** A report certificate as the selection steps see it, with its place on the time axis. */
export interface TimedCertificate {
  /** Row key: server and candidate key. */
  readonly row: string;
  readonly candidate: Candidate;
  readonly report: ReportCertificate;
  readonly name: string;
  /** Epoch milliseconds; undefined when the report has no readable date. */
  readonly from: number | undefined;
  readonly until: number | undefined;
}

export interface CertificateIndex {
  readonly all: readonly TimedCertificate[];
  /** The certificate a selection step names by its candidate key, on the selection's server. */
  find(server: string | null, key: string): TimedCertificate | undefined;
}

/**
 * The report's certificates keyed as the selection trace keys them (`candidateKey` over the inventory, which the
 * report lists in the same order), so a step's `kept` list leads back to the certificates.
 */
export function indexCertificates(report: Report): CertificateIndex {
  const all = report.certificates.map((c, index) => timed(c, index, report));
  const byRow = new Map(all.map((t) => [t.row, t]));
  return {
    all,
    find: (server, key) => byRow.get(rowKey(server, key)),
  };
}

/** A certificate's row: its server and its candidate key, which is also how a selection names what it presents. */
export function rowKey(server: string | null, key: string): string {
  return `${serverKey(server ?? undefined) ?? ""}\u0000${key}`;
}

function epoch(iso: string | null): number | undefined {
  if (iso === null) return undefined;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : ms;
}

function timed(c: ReportCertificate, index: number, report: Report): TimedCertificate {
  const cert = modelCertificate(c, report);
  const key = candidateKey(cert, index);
  return {
    row: rowKey(c.server, key),
    candidate: { key, cert },
    report: c,
    name: (c.subject === null ? undefined : commonName(c.subject)) ?? c.subject ?? key,
    from: epoch(c.notBefore),
    until: epoch(c.notAfter),
  };
}

/**
 * The report keeps what the preference between candidates reads (self-signed, status, dates, names); what it
 * leaves out stays undefined, which the model reads as "not in the paste".
 */
function modelCertificate(c: ReportCertificate, report: Report): Certificate {
  const block = report.blocks.findIndex((b) => b.startLine <= c.lines[0] && c.lines[1] <= b.endLine);
  return {
    kind: "certificate",
    server: c.server ?? undefined,
    thumbprint: c.thumbprint ?? undefined,
    subject: c.subject ?? undefined,
    issuer: c.issuer ?? undefined,
    domains: c.domains,
    services: c.services.filter(isService),
    notBefore: c.notBefore === null ? undefined : { raw: c.notBefore, iso: c.notBefore, readings: [c.notBefore] },
    notAfter: c.notAfter === null ? undefined : { raw: c.notAfter, iso: c.notAfter, readings: [c.notAfter] },
    selfSigned: c.selfSigned ?? undefined,
    hasPrivateKey: c.hasPrivateKey ?? undefined,
    status: c.status ?? undefined,
    rootCAType: c.rootCAType ?? undefined,
    publicKeySize: undefined,
    signatureAlgorithm: undefined,
    version: undefined,
    enhancedKeyUsage: undefined,
    friendlyName: undefined,
    serialNumber: undefined,
    truncated: c.truncated,
    origin: report.blocks[block]?.format === "pem" ? "pem" : "cmdlet",
    source: { block, startLine: c.lines[0], endLine: c.lines[1] },
  };
}

function isService(name: string): name is ExchangeService {
  return (EXCHANGE_SERVICES as readonly string[]).includes(name);
}
