import type { Ref } from "react";
import type { ReportCertificate } from "../../report/types";
import tables from "../layout/DataTable.module.css";
import { LineLink } from "../lines/LineLink";
import { Value } from "../values/Value";
import { serverLabel, shortDate } from "./group";

/** One server's certificates. `firstNew`: the certificate, maybe in this table, that was just shown and takes the focus. */
export function CertificatesTable({
  server,
  certificates,
  firstNew,
  focusRef,
}: {
  readonly server: string | null;
  readonly certificates: readonly ReportCertificate[];
  readonly firstNew?: ReportCertificate;
  readonly focusRef?: Ref<HTMLTableRowElement>;
}) {
  return (
    <div className={tables.scroll}>
      <table className={tables.table}>
        <caption>Certificates on {serverLabel(server)}</caption>
        <thead>
          <tr>
            <th scope="col">Thumbprint</th>
            <th scope="col">Subject</th>
            <th scope="col">Services</th>
            <th scope="col">Not after</th>
            <th scope="col">Self-signed</th>
            <th scope="col">Private key</th>
            <th scope="col">Status</th>
            <th scope="col">Pasted at</th>
          </tr>
        </thead>
        <tbody>
          {certificates.map((certificate) => {
            const cut = (field: string) => certificate.truncated.includes(field);
            return (
              <tr
                key={`${certificate.lines[0]}-${certificate.thumbprint ?? certificate.subject ?? ""}`}
                {...(certificate === firstNew ? { ref: focusRef, tabIndex: -1 } : {})}
              >
                <td>
                  <Value value={certificate.thumbprint} cut={cut("thumbprint")} mono />
                </td>
                <td>
                  <Value value={certificate.subject} cut={cut("subject")} />
                </td>
                <td>
                  <Value value={certificate.services} cut={cut("services")} />
                </td>
                <td>
                  <Value value={shortDate(certificate.notAfter)} cut={cut("notAfter")} />
                </td>
                <td>
                  <Value value={certificate.selfSigned} />
                </td>
                <td>
                  <Value value={certificate.hasPrivateKey} />
                </td>
                <td>
                  <Value value={certificate.status} cut={cut("status")} />
                </td>
                <td>
                  <LineLink start={certificate.lines[0]} end={certificate.lines[1]} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
