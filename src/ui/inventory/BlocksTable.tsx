import type { ReportBlock } from "../../report/types";
import tables from "../layout/DataTable.module.css";
import { LineLink } from "../lines/LineLink";
import { PAGE } from "../paging/pages";
import { ShowMore } from "../paging/ShowMore";
import { usePaging } from "../paging/use-paging";
import { Value } from "../values/Value";

export function BlocksTable({ blocks }: { readonly blocks: readonly ReportBlock[] }) {
  const paging = usePaging(blocks.length, PAGE.blocks);
  return (
    <>
      <div className={tables.scroll}>
        <table className={tables.table}>
          <caption>Blocks read</caption>
          <thead>
            <tr>
              <th scope="col">Lines</th>
              <th scope="col">Cmdlet</th>
              <th scope="col">Format</th>
              <th scope="col">Records</th>
              <th scope="col">Server</th>
            </tr>
          </thead>
          <tbody>
            {blocks.slice(0, paging.shown).map((block, i) => (
              <tr key={block.startLine} {...(i === paging.firstNew ? { ref: paging.focusRef, tabIndex: -1 } : {})}>
                <td>
                  <LineLink start={block.startLine} end={block.endLine} />
                </td>
                <td>
                  <Value value={block.cmdlet} />
                </td>
                <td>{block.format}</td>
                <td>{block.records}</td>
                <td>
                  <Value value={block.server} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ShowMore paging={paging} noun={["block", "blocks"]} />
    </>
  );
}
