import type { Inventory } from "../../model/inventory";
import { contextLookup, type SelectAllOptions } from "./context";
import { selectForReceiveConnector } from "./receive";
import { selectForSendConnector } from "./send";
import type { Selection } from "./types";

/**
 * One selection per receive connector, and one per send connector and source
 * transport server (send connectors are organisation objects that run on each
 * of them). A send connector whose source servers are not in the paste gets
 * one selection for the unnamed server.
 */
export function selectAll(inventory: Inventory, options: SelectAllOptions): Selection[] {
  const contextFor = contextLookup(inventory, options);
  const receive = inventory.receiveConnectors.map((connector) =>
    selectForReceiveConnector(connector, contextFor(connector.server)),
  );
  const send = inventory.sendConnectors.flatMap((connector) => {
    const servers = connector.sourceTransportServers;
    const list: readonly (string | undefined)[] = servers === undefined || servers.length === 0 ? [undefined] : servers;
    return list.map((server) => selectForSendConnector(connector, server, contextFor(server)));
  });
  return [...receive, ...send];
}
