import { describe, expect, it } from "vitest";
import { analyze } from "../src/analyze";
import { generateOrg, type OrgRecord, type PasteForm } from "./generate-org";

const AS_OF = "2026-01-15";

function text(record: OrgRecord, name: string): string | undefined {
  const value = record.properties[name];
  return typeof value === "string" ? value : undefined;
}

function serversOf(records: readonly OrgRecord[], cmdlet: OrgRecord["cmdlet"]): (string | undefined)[] {
  return records.filter((r) => r.cmdlet === cmdlet).map((r) => r.server);
}

describe("generateOrg", () => {
  it.each<{ forms: readonly PasteForm[]; servers: number }>([
    { forms: ["list"], servers: 3 },
    { forms: ["list-all"], servers: 3 },
    { forms: ["table"], servers: 3 },
    { forms: ["json"], servers: 3 },
    { forms: ["list", "list-all", "table", "json"], servers: 9 },
  ])("prints $servers servers as $forms that analyze reads whole", async ({ forms, servers }) => {
    const org = generateOrg({ servers, forms, seed: 7 });
    const report = await analyze(org.text, { asOf: AS_OF });

    expect(report.unrecognized).toEqual([]);
    expect(org.servers).toHaveLength(servers);
    for (const server of org.servers) {
      const certificates = org.records.filter((r) => r.cmdlet === "Get-ExchangeCertificate" && r.server === server);
      expect(report.certificates.filter((c) => c.server === server).map((c) => c.thumbprint)).toEqual(
        certificates.map((r) => text(r, "Thumbprint")),
      );
      const receive = report.connectors.filter((c) => c.direction === "receive" && c.server === server);
      expect(receive.map((c) => `${server}\\${c.name}`)).toEqual(
        org.records
          .filter((r) => r.cmdlet === "Get-ReceiveConnector" && r.server === server)
          .map((r) => text(r, "Identity")),
      );
    }
    expect(report.connectors.filter((c) => c.direction === "send")).toHaveLength(org.counts.sendConnectors);
    expect(serversOf(org.records, "Get-ExchangeCertificate")).toHaveLength(org.counts.certificates);
    expect(report.certificates).toHaveLength(org.counts.certificates);
    expect(report.connectors).toHaveLength(org.counts.receiveConnectors + org.counts.sendConnectors);
  });

  it.each<PasteForm>(["list", "list-all", "json"])(
    "gives back every TlsCertificateName and FQDN it printed as %s, however the console wrapped them",
    async (form) => {
      const org = generateOrg({ servers: 4, forms: [form], seed: 3 });
      const report = await analyze(org.text, { asOf: AS_OF });
      const printed = org.records
        .filter((r) => r.cmdlet === "Get-ReceiveConnector" || r.cmdlet === "Get-SendConnector")
        .map((r) => [text(r, "TlsCertificateName"), text(r, "Fqdn")]);
      expect(report.connectors.map((c) => [c.tlsCertificateName ?? "", c.fqdn])).toEqual(printed);
      expect(org.text).toMatch(/\n {20,}\S/);
    },
  );

  /** `12/5/2025 1:02:03 PM` (en-US console) or `/Date(1764892800000)/` (ConvertTo-Json) as ISO. */
  function iso(printed: string | undefined): string | undefined {
    const epoch = /^\/Date\((\d+)\)\/$/.exec(printed ?? "");
    if (epoch?.[1] !== undefined) return new Date(Number(epoch[1])).toISOString().replace(".000Z", "Z");
    const us = /^(\d+)\/(\d+)\/(\d{4}) (\d+):(\d\d):(\d\d) ([AP])M$/.exec(printed ?? "");
    if (us === null) return undefined;
    const [, month, day, year, hour, minute, second] = us.map(Number);
    const h = ((hour ?? 0) % 12) + (us[7] === "P" ? 12 : 0);
    return new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day, h, minute, second)).toISOString().replace(".000Z", "Z");
  }

  it.each<PasteForm>(["list", "json"])("reads back the certificate dates it printed as %s", async (form) => {
    const org = generateOrg({ servers: 2, forms: [form], seed: 5 });
    const report = await analyze(org.text, { asOf: AS_OF });
    const printed = org.records
      .filter((r) => r.cmdlet === "Get-ExchangeCertificate")
      .map((r) => [iso(text(r, "NotBefore")), iso(text(r, "NotAfter"))]);
    expect(printed.flat().every((d) => d !== undefined)).toBe(true);
    expect(report.certificates.map((c) => [c.notBefore, c.notAfter])).toEqual(printed);
  });

  it("is the same organisation for the same seed and another one for another seed", () => {
    const a = generateOrg({ servers: 5, seed: 11 });
    expect(generateOrg({ servers: 5, seed: 11 }).text).toBe(a.text);
    expect(generateOrg({ servers: 5, seed: 12 }).text).not.toBe(a.text);
  });

  it("grows with the number of servers and shares send connectors between groups of servers", () => {
    const small = generateOrg({ servers: 8, serversPerSendConnector: 4 });
    const large = generateOrg({ servers: 80, serversPerSendConnector: 4 });
    expect(large.text.length / small.text.length).toBeGreaterThan(9);
    expect(large.text.length / small.text.length).toBeLessThan(11);
    expect(small.counts).toMatchObject({ transportServices: 8, receiveConnectors: 40, hybridConfigurations: 1 });
    expect(small.counts.sendConnectors).toBe(2 + 1);
    expect(large.counts.sendConnectors).toBe(20 + 1);
  });

  it("prints one server's certificates, transport service and receive connectors in `fl *` form at about 20 KB", async () => {
    const one = generateOrg({ servers: 1, forms: ["list-all"], orgWide: false });
    expect(one.text.length).toBeGreaterThan(15_000);
    expect(one.text.length).toBeLessThan(30_000);
    expect(one.counts).toMatchObject({ sendConnectors: 0, hybridConfigurations: 0, transportServices: 1 });
    expect((await analyze(one.text, { asOf: AS_OF })).unrecognized).toEqual([]);
  });
});
