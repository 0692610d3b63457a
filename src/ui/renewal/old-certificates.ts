import { isThumbprint } from "../../model/thumbprint";
import type { Report, ReportCertificate } from "../../report/types";

/** A certificate that can be replaced: one thumbprint, on every server that holds it. */
export interface Replaceable {
  readonly thumbprint: string;
  readonly certificate: ReportCertificate;
  readonly servers: readonly string[];
  readonly label: string;
}

/** The pasted certificates by thumbprint, CA-issued first (those are the ones renewed), in paste order otherwise. */
export function replaceableCertificates(report: Report): Replaceable[] {
  const byThumbprint = new Map<string, { certificate: ReportCertificate; servers: string[] }>();
  for (const c of report.certificates) {
    if (c.thumbprint === null || !isThumbprint(c.thumbprint)) continue;
    const key = c.thumbprint.toUpperCase();
    const entry = byThumbprint.get(key) ?? { certificate: c, servers: [] };
    if (c.server !== null && !entry.servers.some((s) => s.toLowerCase() === c.server?.toLowerCase()))
      entry.servers.push(c.server);
    byThumbprint.set(key, entry);
  }
  const all = [...byThumbprint].map(([thumbprint, { certificate, servers }]) => ({
    thumbprint,
    certificate,
    servers,
    label: `${certificate.subject ?? "(no subject)"}, ${thumbprint}${servers.length > 0 ? `, on ${servers.join(", ")}` : ""}`,
  }));
  return [
    ...all.filter((r) => r.certificate.selfSigned !== true),
    ...all.filter((r) => r.certificate.selfSigned === true),
  ];
}
