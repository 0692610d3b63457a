import type { ReportConnector } from "../../report/types";
import tables from "../layout/DataTable.module.css";
import { LineLink } from "../lines/LineLink";
import { PAGE } from "../paging/pages";
import { ShowMore } from "../paging/ShowMore";
import { usePaging } from "../paging/use-paging";
import { Value } from "../values/Value";

export function ConnectorsTable({ connectors }: { readonly connectors: readonly ReportConnector[] }) {
  const paging = usePaging(connectors.length, PAGE.connectorRows);
  return (
    <>
      <div className={tables.scroll}>
        <table className={tables.table}>
          <caption>Connectors</caption>
          <thead>
            <tr>
              <th scope="col">Server</th>
              <th scope="col">Name</th>
              <th scope="col">Direction</th>
              <th scope="col">FQDN</th>
              <th scope="col">TlsCertificateName</th>
              <th scope="col">Bindings</th>
              <th scope="col">Pasted at</th>
            </tr>
          </thead>
          <tbody>
            {connectors.slice(0, paging.shown).map((connector, i) => {
              const cut = (field: string) => connector.truncated.includes(field);
              return (
                <tr
                  key={`${connector.lines[0]}-${connector.name ?? ""}`}
                  {...(i === paging.firstNew ? { ref: paging.focusRef, tabIndex: -1 } : {})}
                >
                  <td>
                    <Value value={connector.server} />
                  </td>
                  <td>
                    <Value value={connector.name} cut={cut("name")} />
                  </td>
                  <td>{connector.direction}</td>
                  <td>
                    <Value value={connector.fqdn} cut={cut("fqdn")} />
                  </td>
                  <td>
                    <Value value={connector.tlsCertificateName} cut={cut("tlsCertificateName")} mono />
                  </td>
                  <td>
                    <Value value={connector.bindings} cut={cut("bindings")} />
                  </td>
                  <td>
                    <LineLink start={connector.lines[0]} end={connector.lines[1]} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <ShowMore paging={paging} noun={["connector row", "connector rows"]} />
    </>
  );
}
