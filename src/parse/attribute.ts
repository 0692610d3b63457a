import type { InventoryItem } from "../model/inventory";
import type { DraftBlock } from "./assemble";
import type { Block } from "./types";
import { isBlankString } from "./white-space";

/**
 * Gives every item a server. Blocks that reveal none take the `--server`
 * option, else — when the whole paste names exactly one server — that one
 * (a one-server paste is the common case), else they stay on the unnamed server.
 * Names are matched case-insensitively and printed as first seen.
 */
export function attributeServers(
  drafts: readonly DraftBlock[],
  option: string | undefined,
): { blocks: Block[]; items: InventoryItem[][] } {
  const canonical = new Map<string, string>();
  // Each spelling's answer, once known, never changes: items repeat a few spellings thousands of times.
  const answered = new Map<string, string>();
  const canon = (name: string | undefined): string | undefined => {
    if (name === undefined) return undefined;
    const known = answered.get(name);
    if (known !== undefined) return known;
    if (isBlankString(name)) return undefined;
    const key = name.toLowerCase();
    const answer = canonical.get(key) ?? name;
    if (answer === name) canonical.set(key, name);
    answered.set(name, answer);
    return answer;
  };
  for (const d of drafts) {
    canon(d.echoServer);
    // By index and without a list of names per item: this visits every item of the paste once, early.
    for (let k = 0; k < d.items.length; k++) {
      const item = d.items[k];
      if (item !== undefined) forEachNameIn(item, canon);
    }
  }
  const fallback = option ? canon(option) : canonical.size === 1 ? [...canonical.values()][0] : undefined;
  const fallbackFrom: Block["serverFrom"] = option ? "option" : "only-server";

  const blocks: Block[] = [];
  const items: InventoryItem[][] = [];
  for (const d of drafts) {
    let usedFallback = false;
    const attributed = d.items.map((item) => {
      if (!("server" in item)) return item;
      const own = canon(item.server);
      if (own) return own === item.server ? item : { ...item, server: own };
      if (!fallback || item.kind === "planned-command") return item;
      if (item.kind === "certificate" && item.origin === "pem" && !option) return item;
      usedFallback = true;
      return { ...item, server: fallback };
    });
    const servers = new Set<string>();
    for (const i of attributed) if ("server" in i && i.server) servers.add(i.server);
    const server = servers.size === 1 ? [...servers][0] : undefined;
    const serverFrom: Block["serverFrom"] =
      server === undefined ? undefined : d.echoServer ? "command" : usedFallback ? fallbackFrom : "property";
    blocks.push({
      cmdlet: d.cmdlet,
      format: d.format,
      startLine: d.startLine,
      endLine: d.endLine,
      records: d.items.length,
      server,
      serverFrom,
    });
    items.push(attributed);
  }
  return { blocks, items };
}

/** Visits the server names an item reveals (its own, or those it runs on). */
function forEachNameIn(item: InventoryItem, visit: (name: string) => void): void {
  switch (item.kind) {
    case "certificate":
    case "receive-connector":
    case "transport-service":
    case "planned-command":
      if (item.server) visit(item.server);
      return;
    case "exchange-server":
      if (item.name) visit(item.name);
      return;
    case "send-connector":
      for (const name of item.sourceTransportServers ?? []) visit(name);
      return;
    case "hybrid-configuration":
      for (const name of item.receivingTransportServers ?? []) visit(name);
      for (const name of item.sendingTransportServers ?? []) visit(name);
      for (const name of item.edgeTransportServers ?? []) visit(name);
      return;
    default:
      return;
  }
}
