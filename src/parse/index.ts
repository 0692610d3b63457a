import type { Certificate } from "../model/certificate";
import { uniqueCertificates } from "../model/certificate-merge";
import { emptyInventory, type Inventory, type InventoryItem } from "../model/inventory";
import { assemble, type DraftBlock } from "./assemble";
import { attributeServers } from "./attribute";
import { capLongLines, type Line, splitLines } from "./lines";
import { segment } from "./segment";
import type { Ambiguity, ParseOptions, ParseResult, Unrecognized } from "./types";
import { isBlankString } from "./white-space";

/**
 * Reads a whole paste into a typed inventory. Never throws on any input: what
 * it cannot read is listed in `unrecognized` with its line numbers.
 */
export async function parse(text: string, options: ParseOptions = {}): Promise<ParseResult> {
  const { lines, tooLong } = capLongLines(splitLines(text));
  const regions = segment(lines);
  const { blocks: drafts, unrecognized } = assemble(lines, regions);
  unrecognized.push(...tooLong);
  const decoded = await decodePems(drafts, unrecognized);
  const { blocks, items } = attributeServers(decoded, options.server);
  const inventory = collect(items);
  accountForEveryLine(lines, blocks, unrecognized);
  unrecognized.sort((a, b) => a.startLine - b.startLine || a.endLine - b.endLine);
  return {
    lineCount: lines.length,
    blocks,
    unrecognized,
    ambiguities: ambiguitiesOf(inventory),
    inventory,
  };
}

/** Certificates pasted as PEM/base64 are decoded by the lazily loaded x509 chunk. */
async function decodePems(drafts: readonly DraftBlock[], unrecognized: Unrecognized[]): Promise<DraftBlock[]> {
  if (!drafts.some((d) => d.blobs.length > 0)) return [...drafts];
  const { decodeBlob } = await import("./pem-certificates");
  const out: DraftBlock[] = [];
  for (const [block, d] of drafts.entries()) {
    if (d.blobs.length === 0) {
      out.push(d);
      continue;
    }
    const items: InventoryItem[] = [];
    for (const blob of d.blobs) {
      const result = await decodeBlob(blob, block);
      if (result.ok) items.push(...result.certificates);
      else unrecognized.push({ startLine: blob.startLine, endLine: blob.endLine, reason: result.reason });
    }
    out.push({ ...d, items });
  }
  return out;
}

function collect(items: readonly InventoryItem[][]): Inventory {
  const inv = emptyInventory();
  const certificates: Certificate[] = [];
  const acc = {
    receiveConnectors: [...inv.receiveConnectors],
    sendConnectors: [...inv.sendConnectors],
    hybridConfigurations: [...inv.hybridConfigurations],
    transportServices: [...inv.transportServices],
    servers: [...inv.servers],
    inboundConnectors: [...inv.inboundConnectors],
    outboundConnectors: [...inv.outboundConnectors],
    plannedCommands: [...inv.plannedCommands],
    evidence: [...inv.evidence],
  };
  for (const item of items.flat()) {
    switch (item.kind) {
      case "certificate":
        certificates.push(item);
        break;
      case "receive-connector":
        acc.receiveConnectors.push(item);
        break;
      case "send-connector":
        acc.sendConnectors.push(item);
        break;
      case "hybrid-configuration":
        acc.hybridConfigurations.push(item);
        break;
      case "transport-service":
        acc.transportServices.push(item);
        break;
      case "exchange-server":
        acc.servers.push(item);
        break;
      case "inbound-connector":
        acc.inboundConnectors.push(item);
        break;
      case "outbound-connector":
        acc.outboundConnectors.push(item);
        break;
      case "planned-command":
        acc.plannedCommands.push(item);
        break;
      case "evidence":
        acc.evidence.push(item);
        break;
    }
  }
  return { ...acc, certificates: uniqueCertificates(certificates) };
}

/** Dates that can be read two ways, named for the report. */
function ambiguitiesOf(inventory: Inventory): Ambiguity[] {
  const out: Ambiguity[] = [];
  for (const c of inventory.certificates) {
    for (const [what, d] of [
      ["NotBefore", c.notBefore],
      ["NotAfter", c.notAfter],
    ] as const) {
      if (d && d.iso === null && d.readings.length > 1) {
        out.push({
          line: c.source.startLine,
          what: `${what} of ${c.thumbprint ?? c.subject ?? "a certificate"} (${d.raw})`,
          readings: d.readings,
        });
      }
    }
  }
  return out;
}

/**
 * The last guard of "no line silently dropped": any non-blank line that no
 * block and no entry covers is reported as not understood.
 */
function accountForEveryLine(
  lines: readonly Line[],
  blocks: readonly { startLine: number; endLine: number }[],
  unrecognized: Unrecognized[],
): void {
  const covered = new Uint8Array(lines.length + 2);
  for (const b of blocks) for (let n = b.startLine; n <= b.endLine; n++) covered[n] = 1;
  for (const u of unrecognized)
    if (u.fragment === undefined) for (let n = u.startLine; n <= u.endLine; n++) covered[n] = 1;
  // The run of uncovered lines as two numbers (0: none, line numbers start at 1), and the lines by index: this
  // walks every line of the paste once, and runs before the engine has had reason to optimise it, where each
  // step of an iterator and each widened run would be an object.
  let runStart = 0;
  let runEnd = 0;
  const flush = () => {
    if (runStart !== 0) unrecognized.push({ startLine: runStart, endLine: runEnd, reason: "not understood" });
    runStart = 0;
  };
  for (let k = 0; k < lines.length; k++) {
    const l = lines[k];
    if (l === undefined) continue;
    // Almost every line is covered: whether it is blank matters then only to end a run.
    if (covered[l.no]) {
      if (runStart !== 0 && !isBlankString(l.text)) flush();
      continue;
    }
    if (isBlankString(l.text)) continue;
    if (runStart === 0) runStart = l.no;
    runEnd = l.no;
  }
  flush();
}
