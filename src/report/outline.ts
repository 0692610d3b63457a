import { flatMapEach, mapEach } from "./lazy";
import type { Report } from "./types";

/**
 * The report as headed sections of tables and lines, shared by the text and
 * Markdown renderers so the two can never say different things. Lines and rows
 * are built as they are read, so the page can write a large report in slices.
 */
export interface Section {
  readonly title: string;
  readonly lines?: Iterable<string>;
  readonly table?: { readonly head: readonly string[]; readonly rows: Iterable<readonly string[]> };
}

export function outline(report: Report): Section[] {
  const sections: Section[] = [];
  const errors = report.findings.filter((f) => f.severity === "error").length;
  const warnings = report.findings.filter((f) => f.severity === "warning").length;
  const servers = new Set(report.certificates.map((c) => c.server ?? "(unnamed server)"));
  sections.push({
    title: "Summary",
    lines: [
      `As of ${report.asOf}: ${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}; ` +
        `${report.certificates.length} certificate${report.certificates.length === 1 ? "" : "s"} on ${servers.size} server${servers.size === 1 ? "" : "s"}, ` +
        `${report.connectors.length} connector${report.connectors.length === 1 ? "" : "s"}, ${report.evidence.length} evidence item${report.evidence.length === 1 ? "" : "s"}.`,
    ],
  });
  if (report.selections.length > 0) {
    sections.push({
      title: "Certificate per connector",
      lines: mapEach(report.selections, (s) => {
        const where = `${s.server ?? "(unnamed server)"} \\ ${s.connector}`;
        return s.certificate
          ? `${where}: presents ${s.certificate} via ${s.via}${s.fqdn ? ` (name ${s.fqdn})` : ""}`
          : `${where}: offers no STARTTLS${s.direction === "outbound" ? " certificate" : ""}`;
      }),
    });
  }
  if (report.findings.length > 0) {
    sections.push({
      title: "Findings",
      lines: mapEach(
        report.findings,
        (f) => `[${f.severity}] ${f.rule}: ${f.message}${f.lines.length > 0 ? ` (lines ${lineRanges(f.lines)})` : ""}`,
      ),
    });
  }
  if (report.fixPlan.length > 0) {
    sections.push({
      title: "Fix plan",
      lines: flatMapEach(report.fixPlan, (s) => [`${s.step}. ${s.why}`, ...s.commands.map((c) => `    ${c}`)]),
    });
  }
  if (report.certificates.length > 0) {
    sections.push({
      title: "Certificates",
      table: {
        head: ["Server", "Thumbprint", "Subject", "Services", "NotAfter", "Self-signed"],
        rows: mapEach(report.certificates, (c) => [
          c.server ?? "(unnamed)",
          c.thumbprint ?? "?",
          `${c.subject ?? "?"}${c.truncated.includes("subject") ? " (cut)" : ""}`,
          c.services.join(", ") || "None",
          c.notAfter?.slice(0, 10) ?? "?",
          c.selfSigned === null ? "?" : c.selfSigned ? "yes" : "no",
        ]),
      },
    });
  }
  if (report.connectors.length > 0) {
    sections.push({
      title: "Connectors",
      table: {
        head: ["Server", "Name", "Direction", "Fqdn", "TlsCertificateName"],
        rows: mapEach(report.connectors, (c) => [
          c.server ?? "(unnamed)",
          c.name ?? "(name not in paste)",
          c.direction,
          c.fqdn ?? "",
          c.tlsCertificateName ?? "(not in paste)",
        ]),
      },
    });
  }
  sections.push({
    title: "What was read",
    lines: mapEach(
      report.blocks,
      (b) =>
        `lines ${b.startLine}-${b.endLine}: ${b.cmdlet ?? b.format} (${b.format}, ${b.records} record${b.records === 1 ? "" : "s"})${b.server ? ` on ${b.server}` : ""}`,
    ),
  });
  if (report.unrecognized.length > 0) {
    sections.push({
      title: "Not understood",
      lines: mapEach(
        report.unrecognized,
        (u) =>
          `lines ${u.startLine}${u.endLine === u.startLine ? "" : `-${u.endLine}`}: ${u.reason}${u.fragment ? ` ("${u.fragment}")` : ""}`,
      ),
    });
  }
  return sections;
}

/** [1,2,3,7,9,10] → "1-3, 7, 9-10". */
export function lineRanges(lines: readonly number[]): string {
  const out: string[] = [];
  let start: number | undefined;
  let prev: number | undefined;
  for (const n of [...lines].sort((a, b) => a - b)) {
    if (start !== undefined && prev !== undefined && n === prev + 1) {
      prev = n;
      continue;
    }
    if (start !== undefined) out.push(start === prev ? `${start}` : `${start}-${prev}`);
    start = n;
    prev = n;
  }
  if (start !== undefined) out.push(start === prev ? `${start}` : `${start}-${prev}`);
  return out.join(", ");
}
