import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyze } from "../analyze";
import { readDate } from "../model/dates";
import { parse } from "./index";
import { lineAccounting } from "./test-coverage";
import type { CmdletName } from "./types";

/**
 * The collector script (public/Get-CertflowInput.ps1), its documented output (docs/collector.md) and a
 * fixture of that output for a two-server hybrid organisation with one Edge: the org run on a Mailbox
 * server followed by the run on the Edge.
 */
const read = (path: string) => readFileSync(new URL(path, import.meta.url), "utf8");
const FIXTURE = read("./__fixtures__/collector/two-server-hybrid.txt");
const SCRIPT = read("../../public/Get-CertflowInput.ps1");
const DOC = read("../../docs/collector.md");

interface Section {
  readonly line: number;
  readonly echo: string;
  readonly cmdlet: string;
  readonly server: string | undefined;
  /** The Format-List property names, as typed in the command. */
  readonly properties: readonly string[];
  /** One entry per record: its property labels in order. */
  readonly records: readonly (readonly string[])[];
}

/** Reads a collector text by its own rules (docs/collector.md), independently of the parser. */
function sections(text: string): Section[] {
  const lines = text.split("\n");
  const out: Section[] = [];
  let current: { line: number; echo: string; records: string[][] } | undefined;
  let record: string[] | undefined;
  const flush = () => {
    if (!current) return;
    const m = /^(Get-\w+)(?: -Server (\S+)| (\w+))? \| Format-List (.*) \| Out-String -Width 4096$/.exec(current.echo);
    if (!m?.[1] || m[4] === undefined) throw new Error(`not a collector command: ${current.echo}`);
    out.push({
      line: current.line,
      echo: current.echo,
      cmdlet: m[1],
      server: m[2] ?? m[3],
      properties: propertyNames(m[4]),
      records: current.records,
    });
  };
  lines.forEach((text, index) => {
    if (/^Get-\w+/.test(text)) {
      flush();
      current = { line: index + 1, echo: text, records: [] };
      record = undefined;
    } else if (text.trim() === "") {
      record = undefined;
    } else if (current) {
      const label = /^(\w+)\s* : ?/.exec(text)?.[1];
      if (label === undefined) throw new Error(`line ${index + 1} is not a Format-List line: ${text}`);
      if (!record) {
        record = [];
        current.records.push(record);
      }
      record.push(label);
    }
  });
  flush();
  return out;
}

/** `Name, Fqdn, @{Name='NotAfter'; Expression={ … }}` → ["Name", "Fqdn", "NotAfter"]. */
function propertyNames(list: string): string[] {
  const names: string[] = [];
  let depth = 0;
  let item = "";
  for (const c of `${list},`) {
    if (c === "{") depth++;
    if (c === "}") depth--;
    if (c === "," && depth === 0) {
      const t = item.trim();
      names.push(/^@\{Name='(\w+)'/.exec(t)?.[1] ?? t);
      item = "";
    } else item += c;
  }
  return names;
}

/** The script's `$xProperties = @( … )` lists: quoted names and the Name of calculated properties. */
function scriptLists(): Map<string, string[]> {
  const lists = new Map<string, string[]>();
  for (const m of SCRIPT.matchAll(/^\$(\w+Properties) = @\(\n([\s\S]*?)^\)/gm)) {
    const body = (m[2] ?? "").replace(/; Expression = \{.*\} \}/g, " }");
    const names = [...body.matchAll(/@\{ Name = '(\w+)'|'(\w+)'/g)].map((n) => n[1] ?? n[2] ?? "");
    lists.set(m[1] ?? "", names);
  }
  const single = /^\$(\w+Properties) = @\(('[^\n]*)\)$/gm;
  for (const m of SCRIPT.matchAll(single))
    lists.set(
      m[1] ?? "",
      [...(m[2] ?? "").matchAll(/'(\w+)'/g)].map((n) => n[1] ?? ""),
    );
  return lists;
}

const LIST_OF: Readonly<Record<string, string>> = {
  "Get-ExchangeServer": "serverProperties",
  "Get-ExchangeCertificate": "certificateProperties",
  "Get-ReceiveConnector": "receiveConnectorProperties",
  "Get-TransportService": "transportProperties",
  "Get-SendConnector": "sendConnectorProperties",
  "Get-HybridConfiguration": "hybridProperties",
};

/** Code without `<# … #>` help and `#` comments: what PowerShell runs. */
function scriptCode(): string {
  return SCRIPT.replace(/<#[\s\S]*?#>/g, "")
    .split("\n")
    .map((line) => line.replace(/(^|\s)#.*$/, ""))
    .join("\n");
}

describe("collector output: the fixture, parsed", () => {
  const expected = sections(FIXTURE);

  it("has no line certflow does not understand, and accounts for each line once", async () => {
    const r = await parse(FIXTURE);
    expect(r.unrecognized).toEqual([]);
    expect(r.ambiguities).toEqual([]);
    for (const [line, count] of lineAccounting(FIXTURE, r)) expect({ line, count }).toEqual({ line, count: 1 });
  });

  it("makes every section one block of its cmdlet, on the server its command names", async () => {
    const r = await parse(FIXTURE);
    expect(expected.length).toBe(13);
    expect(
      r.blocks.map((b) => ({ cmdlet: b.cmdlet, format: b.format, startLine: b.startLine, records: b.records })),
    ).toEqual(
      expected.map((s) => ({ cmdlet: s.cmdlet, format: "list", startLine: s.line, records: s.records.length })),
    );
    r.blocks.forEach((b, i) => {
      const server = expected[i]?.server;
      if (server === undefined) expect(b.serverFrom).not.toBe("command");
      else expect({ server: b.server, from: b.serverFrom }).toEqual({ server, from: "command" });
    });
  });

  it("reads every certificate, connector, transport service, server and the hybrid configuration", async () => {
    const { inventory: inv } = await parse(FIXTURE);
    const count = (cmdlet: CmdletName) =>
      expected.filter((s) => s.cmdlet === cmdlet).reduce((n, s) => n + s.records.length, 0);
    expect(inv.certificates).toHaveLength(count("Get-ExchangeCertificate"));
    expect(inv.receiveConnectors).toHaveLength(count("Get-ReceiveConnector"));
    expect(inv.sendConnectors).toHaveLength(count("Get-SendConnector"));
    expect(inv.transportServices).toHaveLength(count("Get-TransportService"));
    expect(inv.servers).toHaveLength(count("Get-ExchangeServer"));
    expect(inv.hybridConfigurations).toHaveLength(1);
    expect([inv.certificates.length, inv.receiveConnectors.length, inv.sendConnectors.length]).toEqual([10, 11, 3]);
    expect(new Set(inv.certificates.map((c) => c.server))).toEqual(new Set(["EX01", "EX02", "EDGE01"]));
    for (const c of [...inv.certificates, ...inv.receiveConnectors, ...inv.sendConnectors]) {
      expect(c.truncated).toEqual([]);
    }
    expect(inv.transportServices.map((t) => [t.server, t.internalTransportCertificateThumbprint?.length])).toEqual([
      ["EX01", 40],
      ["EX02", 40],
      ["EDGE01", 40],
    ]);
    expect(inv.hybridConfigurations[0]?.edgeTransportServers).toEqual(["EDGE01"]);
  });

  it("reads every certificate date as the instant the script printed in ISO 8601", async () => {
    const { inventory } = await parse(FIXTURE);
    for (const c of inventory.certificates) {
      for (const d of [c.notBefore, c.notAfter]) {
        expect(d?.raw).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}Z$/);
        expect(d?.iso).toBe(new Date(d?.raw ?? "").toISOString().replace(".000Z", "Z"));
      }
    }
  });

  it("gives every receive and send connector a selection when analysed", async () => {
    const report = await analyze(FIXTURE, { asOf: "2026-03-01" });
    const { inventory } = await parse(FIXTURE);
    const selected = (server: string | undefined, connector: string | undefined) =>
      report.selections.filter((s) => s.server === (server ?? null) && s.connector === connector);
    for (const c of inventory.receiveConnectors) {
      expect(selected(c.server, c.name), `${c.server}\\${c.name}`).toHaveLength(1);
      expect(selected(c.server, c.name)[0]?.direction).toBe("inbound");
    }
    for (const c of inventory.sendConnectors) {
      for (const server of c.sourceTransportServers ?? []) expect(selected(server, c.name)).toHaveLength(1);
    }
    expect(report.selections.every((s) => s.starttls && s.certificate !== null)).toBe(true);
    expect(report.findings.filter((f) => f.severity === "error")).toEqual([]);
  });
});

describe("collector output: the dates the script can print", () => {
  it.each([
    ["2027-03-31T22:59:59.0000000Z", "2027-03-31T22:59:59Z"],
    ["2027-03-31T23:59:59.0000000+01:00", "2027-03-31T22:59:59Z"],
    ["2026-10-25T01:30:00.1230000-04:00", "2026-10-25T05:30:00.123Z"],
  ])("reads %s as %s", (raw, iso) => {
    expect(readDate(raw).iso).toBe(iso);
  });
});

describe("collector script: public/Get-CertflowInput.ps1", () => {
  it("prints for each cmdlet exactly the properties its list names, in that order", () => {
    const lists = scriptLists();
    for (const section of sections(FIXTURE)) {
      const list = lists.get(LIST_OF[section.cmdlet] ?? "");
      expect(list, section.cmdlet).toBeDefined();
      expect(section.properties, section.echo).toEqual(list);
      for (const labels of section.records) expect(labels).toEqual(list);
    }
  });

  it("prints the calculated date properties exactly as the script defines them", () => {
    const defined = [...SCRIPT.matchAll(/@\{ Name = '(\w+)'; Expression = \{(.*)\} \}/g)];
    expect(defined.map((d) => d[1])).toEqual(["NotBefore", "NotAfter"]);
    const echo = sections(FIXTURE).find((s) => s.cmdlet === "Get-ExchangeCertificate")?.echo ?? "";
    for (const [, name, body] of defined) expect(echo).toContain(`@{Name='${name}'; Expression={${body}}}`);
  });

  it("changes nothing: no cmdlet that writes, anywhere in the file (the local clipboard aside)", () => {
    const writers =
      /\b(?:Set|New|Enable|Disable|Remove|Add|Clear|Import|Export|Install|Uninstall|Start|Stop|Restart|Suspend|Resume|Update|Register|Unregister|Invoke|Move|Rename|Reset|Send|Test|Mount|Dismount|Retry|Redirect|Complete|Connect|Disconnect|Publish|Unpublish|Grant|Revoke|Block|Unblock|Protect|Unprotect|Restore|Backup|Save|Sync|Edit|Copy|Unlock|Lock)-(?!Clipboard\b)\w+/gi;
    expect(SCRIPT.match(writers)).toBeNull();
    expect(SCRIPT).not.toMatch(/\[(?:System\.)?IO\.|Invoke-Expression|\biex\b|-Confirm|-Force\b|\.Delete\(|\.Save\(/i);
  });

  it("runs only reading cmdlets and its own functions", () => {
    const code = scriptCode();
    const own = new Set([...code.matchAll(/^function (\w+-\w+)/gm)].map((m) => m[1]));
    const used = new Set([...code.matchAll(/(?<![\w$.-])([A-Z][A-Za-z]+-[A-Z]\w+)\b/g)].map((m) => m[1]));
    const reading = new Set([
      "Get-ExchangeServer",
      "Get-ExchangeCertificate",
      "Get-ReceiveConnector",
      "Get-TransportService",
      "Get-TransportServer",
      "Get-SendConnector",
      "Get-HybridConfiguration",
      "Get-Command",
      "Format-List",
      "Out-String",
      "Where-Object",
      "Write-Warning",
      "Write-Verbose",
      "Write-Host",
      "Set-Clipboard",
    ]);
    const unexpected = [...used].filter((name) => name !== undefined && !reading.has(name) && !own.has(name));
    expect(unexpected).toEqual([]);
    expect(used.has("Get-ExchangeCertificate")).toBe(true);
    expect([...own].every((name) => name?.startsWith("Get-") || name?.startsWith("ConvertTo-"))).toBe(true);
  });

  it("is plain ASCII, which Windows PowerShell 5.1 reads the same without a byte-order mark", () => {
    const outside = [...SCRIPT].filter((c) => !(c === "\t" || c === "\n" || c === "\r" || (c >= " " && c <= "~")));
    expect(outside).toEqual([]);
  });
});

describe("collector output: the example in docs/collector.md", () => {
  it("parses without an unrecognised line", async () => {
    const examples = [...DOC.matchAll(/^```text collector-output\n([\s\S]*?)^```$/gm)].map((m) => m[1] ?? "");
    expect(examples.length).toBeGreaterThan(0);
    for (const example of examples) {
      const r = await parse(example);
      expect(r.unrecognized).toEqual([]);
      expect(r.blocks.length).toBe(sections(example).length);
    }
  });
});
