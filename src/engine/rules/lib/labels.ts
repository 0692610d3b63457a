import type { ReceiveConnector, SendConnector } from "../../../model/connector";
import { connectorIdentity } from "../../fix/steps";

/** How findings name things: the connector's name, else its identity. */
export function connectorName(c: ReceiveConnector | SendConnector): string {
  return c.name ?? connectorIdentity(c) ?? "(unnamed connector)";
}

export function serverText(server: string | undefined): string {
  return server ?? "the unnamed server";
}

export function listText(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}
