import type { Certificate } from "./certificate";
import type { InboundConnector, OutboundConnector, ReceiveConnector, SendConnector } from "./connector";
import type { Evidence } from "./evidence";
import type { PlannedCommand } from "./planned";
import type { ExchangeServer, HybridConfiguration, TransportService } from "./server";

/** Everything the paste told us, typed and with line numbers. */
export interface Inventory {
  readonly certificates: readonly Certificate[];
  readonly receiveConnectors: readonly ReceiveConnector[];
  readonly sendConnectors: readonly SendConnector[];
  readonly hybridConfigurations: readonly HybridConfiguration[];
  readonly transportServices: readonly TransportService[];
  readonly servers: readonly ExchangeServer[];
  readonly inboundConnectors: readonly InboundConnector[];
  readonly outboundConnectors: readonly OutboundConnector[];
  readonly plannedCommands: readonly PlannedCommand[];
  readonly evidence: readonly Evidence[];
}

export type InventoryItem =
  | Certificate
  | ReceiveConnector
  | SendConnector
  | HybridConfiguration
  | TransportService
  | ExchangeServer
  | InboundConnector
  | OutboundConnector
  | PlannedCommand
  | Evidence;

export function emptyInventory(): Inventory {
  return {
    certificates: [],
    receiveConnectors: [],
    sendConnectors: [],
    hybridConfigurations: [],
    transportServices: [],
    servers: [],
    inboundConnectors: [],
    outboundConnectors: [],
    plannedCommands: [],
    evidence: [],
  };
}
