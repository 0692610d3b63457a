import { type DateOrder, decideDateOrder } from "../model/dates";
import type { Evidence } from "../model/evidence";
import type { InventoryItem } from "../model/inventory";
import type { MapContext } from "./cmdlets/context";
import { detectCmdlet } from "./cmdlets/detect";
import { mapInboundConnector, mapOutboundConnector } from "./cmdlets/exo-connectors";
import { Fields, LowerCaseNames } from "./cmdlets/fields";
import { mapCertificate } from "./cmdlets/get-exchange-certificate";
import { mapExchangeServer } from "./cmdlets/get-exchange-server";
import { mapHybridConfiguration } from "./cmdlets/get-hybrid-configuration";
import { mapReceiveConnector } from "./cmdlets/get-receive-connector";
import { mapSendConnector } from "./cmdlets/get-send-connector";
import { mapTransportService } from "./cmdlets/get-transport-service";
import { plannedCmdletOf, readPlannedCommand } from "./cmdlets/planned-command";
import type { Line } from "./lines";
import type { Region } from "./segment";
import type { BlockFormat, CmdletName, Unrecognized } from "./types";

/** A block before server attribution; items carry the block index in their source. */
export interface DraftBlock {
  readonly cmdlet: CmdletName | null;
  readonly format: BlockFormat;
  readonly startLine: number;
  endLine: number;
  readonly items: InventoryItem[];
  readonly echoServer: string | undefined;
  /** PEM payloads still to decode (lazily, in their own chunk). */
  readonly blobs: readonly { readonly base64: string; readonly startLine: number; readonly endLine: number }[];
}

export interface Assembled {
  readonly blocks: DraftBlock[];
  readonly unrecognized: Unrecognized[];
}

/** Turns regions into blocks of typed items, and everything else into "not understood" entries. */
export function assemble(lines: readonly Line[], regions: readonly Region[]): Assembled {
  const blocks: DraftBlock[] = [];
  const unrecognized: Unrecognized[] = [];
  const lineNo = (index: number) => lines[index]?.no ?? index + 1;
  // Every record's fields, folded once: the paste's date order is voted on by all of them before any is mapped.
  const names = new LowerCaseNames();
  const fieldsOf = regions.map((r) =>
    r.kind === "records" ? r.read.records.map((rec) => new Fields(rec, names)) : [],
  );
  const order = dateOrderOf(fieldsOf);

  for (const [k, region] of regions.entries()) {
    const startLine = lineNo(region.start);
    const endLine = lineNo(region.end - 1);
    switch (region.kind) {
      case "unknown":
        unrecognized.push({ startLine, endLine, reason: region.reason });
        break;
      case "command": {
        const cmdlet = plannedCmdletOf(region.echo.verbNoun);
        if (!cmdlet) break;
        const block = blocks.length;
        const { command, leftover } = readPlannedCommand(cmdlet, region.text, { block, startLine, endLine });
        blocks.push({
          cmdlet,
          format: "command",
          startLine,
          endLine,
          items: [command],
          echoServer: command.server,
          blobs: [],
        });
        if (leftover)
          unrecognized.push({
            startLine,
            endLine,
            reason: "pipeline after the command is not read",
            fragment: leftover,
          });
        break;
      }
      case "artifact": {
        const block = blocks.length;
        const items: Evidence[] = region.claim.evidence.map((e) => ({ ...e, source: { ...e.source, block } }));
        blocks.push({
          cmdlet: null,
          format: region.claim.format,
          startLine,
          endLine,
          items,
          echoServer: undefined,
          blobs: [],
        });
        for (const l of region.claim.unread)
          unrecognized.push({
            startLine: l.no,
            endLine: l.no,
            reason: `not understood inside this ${region.claim.format}`,
          });
        break;
      }
      case "pem": {
        const blobs = region.blobs?.blobs ?? [];
        blocks.push({ cmdlet: null, format: "pem", startLine, endLine, items: [], echoServer: undefined, blobs });
        for (const l of region.blobs?.unread ?? [])
          unrecognized.push({
            startLine: l.no,
            endLine: l.no,
            reason: "not base64 certificate data (snipped or damaged)",
          });
        break;
      }
      case "records":
        assembleRecords(
          region,
          fieldsOf[k] ?? [],
          { firstLine: startLine, lastLine: endLine, order },
          blocks,
          unrecognized,
        );
        break;
    }
  }
  return { blocks, unrecognized };
}

function assembleRecords(
  region: Extract<Region, { kind: "records" }>,
  fieldsOfRecords: readonly Fields[],
  { firstLine, lastLine, order }: { firstLine: number; lastLine: number; order: DateOrder | undefined },
  blocks: DraftBlock[],
  unrecognized: Unrecognized[],
): void {
  const { read, echo, format } = region;
  for (const l of read.unread)
    unrecognized.push({ startLine: l.no, endLine: l.no, reason: `not a line of this ${format} output` });
  for (const left of read.leftovers)
    unrecognized.push({ startLine: left.line, endLine: left.line, reason: left.reason, fragment: left.text });

  let current: DraftBlock | undefined;
  let blockStart = firstLine;
  for (const fields of fieldsOfRecords) {
    const { record } = fields;
    const cmdlet = detectCmdlet(fields.byLowerCaseName(), echo?.cmdlet);
    if (!cmdlet) {
      const names = [...record.fields.keys()];
      unrecognized.push({
        startLine: record.startLine,
        endLine: record.endLine,
        reason: `a ${format} record certflow does not read (properties ${names.slice(0, 4).join(", ")}${names.length > 4 ? ", …" : ""})`,
      });
      current = undefined;
      continue;
    }
    if (!current || current.cmdlet !== cmdlet) {
      current = {
        cmdlet,
        format,
        startLine: Math.min(blockStart, record.startLine),
        endLine: record.endLine,
        items: [],
        echoServer: echo?.server,
        blobs: [],
      };
      blocks.push(current);
      blockStart = Number.POSITIVE_INFINITY;
    }
    const ctx: MapContext = { block: blocks.length - 1, dateOrder: order, echoServer: echo?.server };
    current.items.push(mapRecord(cmdlet, fields, ctx));
    current.endLine = Math.max(current.endLine, record.endLine);
  }
  // The brackets that close a JSON array (or the 5.1 `{"value": […], "Count": n}` wrapper) follow the last record.
  if (format === "json" && current) current.endLine = Math.max(current.endLine, lastLine);
}

function mapRecord(cmdlet: CmdletName, f: Fields, ctx: MapContext): InventoryItem {
  switch (cmdlet) {
    case "Get-ExchangeCertificate":
      return mapCertificate(f, ctx);
    case "Get-ReceiveConnector":
      return mapReceiveConnector(f, ctx);
    case "Get-SendConnector":
      return mapSendConnector(f, ctx);
    case "Get-HybridConfiguration":
      return mapHybridConfiguration(f, ctx);
    case "Get-TransportService":
      return mapTransportService(f, ctx);
    case "Get-ExchangeServer":
      return mapExchangeServer(f, ctx);
    case "Get-InboundConnector":
      return mapInboundConnector(f, ctx);
    default:
      return mapOutboundConnector(f, ctx);
  }
}

/** One culture per paste: every certificate date votes on day/month order. */
function dateOrderOf(fieldsOf: readonly (readonly Fields[])[]): DateOrder | undefined {
  const raws: string[] = [];
  for (const records of fieldsOf) for (const fields of records) raws.push(...fields.dates);
  return decideDateOrder(raws).order;
}
