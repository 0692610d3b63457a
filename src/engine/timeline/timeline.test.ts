import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyze } from "../../analyze";
import { parse } from "../../parse";
import type { Report, ReportSelection } from "../../report/types";
import { buildTimeline } from "./timeline";
import type { TimelineEvent } from "./types";

const AS_OF = "2026-03-01";
const COLLECTED = readFileSync(
  new URL("../../parse/__fixtures__/collector/two-server-hybrid.txt", import.meta.url),
  "utf8",
);

/** A section as the collector prints it (docs/collector.md). */
function section(command: string, records: readonly Readonly<Record<string, string>>[]): string {
  const width = Math.max(...records.flatMap((r) => Object.keys(r).map((k) => k.length)));
  const body = records.map((r) =>
    Object.entries(r)
      .map(([k, v]) => `${k.padEnd(width)} : ${v}`.trimEnd())
      .join("\n"),
  );
  return `${command} | Format-List\n\n${body.join("\n\n")}\n`;
}

interface CertSpec {
  readonly thumbprint: string;
  readonly subject: string;
  readonly domains: readonly string[];
  readonly notBefore: string;
  readonly notAfter: string;
  readonly selfSigned: boolean;
}

const CA = "CN=R11, O=Let's Encrypt, C=US";

function certificates(specs: readonly CertSpec[]): string {
  return section(
    "Get-ExchangeCertificate -Server EX01",
    specs.map((c) => ({
      Thumbprint: c.thumbprint,
      Subject: c.subject,
      Issuer: c.selfSigned ? c.subject : CA,
      CertificateDomains: `{${c.domains.join(", ")}}`,
      Services: "IIS, SMTP",
      NotBefore: c.notBefore,
      NotAfter: c.notAfter,
      IsSelfSigned: c.selfSigned ? "True" : "False",
      HasPrivateKey: "True",
      Status: "Valid",
      RootCAType: c.selfSigned ? "Registry" : "ThirdParty",
    })),
  );
}

function paste(specs: readonly CertSpec[], options: { tlsName?: string; transport?: string } = {}): string {
  return [
    section("Get-ExchangeServer", [
      { Name: "EX01", Fqdn: "EX01.contoso.local", AdminDisplayVersion: "Version 15.2 (Build 1544.4)" },
    ]),
    certificates(specs),
    section("Get-ReceiveConnector -Server EX01", [
      {
        Identity: "EX01\\Default Frontend EX01",
        Bindings: "{[::]:25, 0.0.0.0:25}",
        Fqdn: "mail.contoso.com",
        AuthMechanism: "Tls, Integrated, BasicAuth, BasicAuthRequireTLS, ExchangeServer",
        PermissionGroups: "AnonymousUsers, ExchangeServers, ExchangeLegacyServers",
        TransportRole: "FrontendTransport",
        TlsCertificateName: options.tlsName ?? "",
      },
    ]),
    ...(options.transport === undefined
      ? []
      : [
          section("Get-TransportService EX01", [
            { Name: "EX01", InternalTransportCertificateThumbprint: options.transport },
          ]),
        ]),
  ].join("\n");
}

const thumb = (c: string) => c.repeat(40);
const LE_2025: CertSpec = {
  thumbprint: thumb("A"),
  subject: "CN=mail.contoso.com",
  domains: ["mail.contoso.com"],
  notBefore: "2025-06-12T00:00:00.0000000Z",
  notAfter: "2026-06-11T23:59:59.0000000Z",
  selfSigned: false,
};
const LE_2026: CertSpec = {
  ...LE_2025,
  thumbprint: thumb("B"),
  notBefore: "2026-04-01T00:00:00.0000000Z",
  notAfter: "2027-03-31T23:59:59.0000000Z",
};
const SELF_SIGNED: CertSpec = {
  thumbprint: thumb("C"),
  subject: "CN=EX01",
  domains: ["EX01", "EX01.contoso.local", "mail.contoso.com"],
  notBefore: "2023-01-10T08:00:00.0000000Z",
  notAfter: "2028-01-10T08:00:00.0000000Z",
  selfSigned: true,
};

const selectionOf = (report: Report, event: TimelineEvent): ReportSelection | undefined =>
  report.selections.find((s) => s.server === event.server && s.connector === event.connector);

/** The day after an event, as the engine would judge it. */
const dayAfter = (iso: string) => new Date(Date.parse(iso) + 86_400_000).toISOString().slice(0, 10);

describe("buildTimeline: the collector fixture (two Mailbox servers and an Edge)", () => {
  it("has one row per certificate per server, grouped by server and ordered by NotAfter", async () => {
    const report = await analyze(COLLECTED, { asOf: AS_OF });
    const timeline = buildTimeline(report);
    expect(timeline.rows).toHaveLength(report.certificates.length);
    expect([...new Set(timeline.rows.map((r) => r.server))]).toEqual(["EX01", "EX02", "EDGE01"]);
    for (const server of ["EX01", "EX02", "EDGE01"]) {
      const ends = timeline.rows.filter((r) => r.server === server).map((r) => r.notAfter ?? "");
      expect(ends).toEqual([...ends].sort());
    }
    expect(timeline.rows.every((r) => r.state === "valid")).toBe(true);
    const dates = report.certificates.flatMap((c) => [c.notBefore ?? "", c.notAfter ?? ""]).sort();
    expect([timeline.start, timeline.end]).toEqual([
      new Date(dates[0] ?? "").toISOString(),
      new Date(dates.at(-1) ?? "").toISOString(),
    ]);
    expect(timeline.asOf).toBe(`${AS_OF}T00:00:00.000Z`);
  });

  it("marks the internal transport certificates Get-TransportService names, and their expiry (event 12015)", async () => {
    const report = await analyze(COLLECTED, { asOf: AS_OF });
    const { inventory } = await parse(COLLECTED);
    const timeline = buildTimeline(report);
    const internal = inventory.transportServices.map((t) => [t.server, t.internalTransportCertificateThumbprint]);
    expect(timeline.rows.filter((r) => r.internalTransport).map((r) => [r.server, r.thumbprint])).toEqual(internal);
    const events = timeline.events.filter((e) => e.kind === "internal-expired");
    expect(events.map((e) => [e.server, timeline.rows.find((r) => r.key === e.row)?.thumbprint])).toEqual(internal);
    for (const e of events) {
      expect(e.eventId).toBe(12015);
      expect(e.date).toBe(timeline.rows.find((r) => r.key === e.row)?.notAfter);
    }
  });

  it("gives every connector the day its certificate expires, the one the engine then still presents", async () => {
    const report = await analyze(COLLECTED, { asOf: AS_OF });
    const timeline = buildTimeline(report);
    const expiring = timeline.events.filter((e) => e.kind === "presents-expired");
    expect(expiring).toHaveLength(report.selections.length);
    for (const s of report.selections) {
      const [event] = expiring.filter((e) => e.server === s.server && e.connector === s.connector);
      const chosen = report.certificates.find((c) => c.server === s.server && c.thumbprint === s.certificate);
      expect(event?.date).toBe(chosen?.notAfter);
      expect(event?.past).toBe(false);
      expect(event?.eventId).toBe(s.direction === "inbound" ? 12016 : null);
      expect(event?.message).toMatch(/^On \d{4}-\d{2}-\d{2}, (receive|send) connector '/);
      expect(event?.message.includes("event 12014")).toBe(s.via === "TlsCertificateName" && s.direction === "inbound");
    }
    const dates = timeline.events.map((e) => Date.parse(e.date));
    expect(dates).toEqual([...dates].sort((a, b) => a - b));
  });

  it("agrees with the engine run on the day after each event", async () => {
    const report = await analyze(COLLECTED, { asOf: AS_OF });
    for (const event of buildTimeline(report).events.filter((e) => e.kind === "presents-expired")) {
      const later = await analyze(COLLECTED, { asOf: dayAfter(event.date) });
      const selection = selectionOf(later, event);
      expect(selection?.steps.find((s) => s.id === "chosen-expiry")?.outcome).toBe("no");
      expect(selection?.certificate).toBe(selectionOf(report, event)?.certificate);
    }
  });
});

describe("buildTimeline: verdict changes", () => {
  it("when the CA certificate expires and a self-signed one matches, the connector switches to it", async () => {
    const text = paste([LE_2025, SELF_SIGNED]);
    const report = await analyze(text, { asOf: AS_OF });
    const timeline = buildTimeline(report);
    const events = timeline.events.filter((e) => e.connector === "Default Frontend EX01");
    expect(events.map((e) => [e.kind, e.date, e.eventId])).toEqual([
      ["switches", "2026-06-11T23:59:59Z", null],
      ["presents-expired", "2028-01-10T08:00:00Z", 12016],
    ]);
    const [switched] = events;
    expect(timeline.rows.find((r) => r.key === switched?.row)?.thumbprint).toBe(LE_2025.thumbprint);
    expect(timeline.rows.find((r) => r.key === switched?.next)?.thumbprint).toBe(SELF_SIGNED.thumbprint);
    expect(switched?.message).toContain(`would present ${SELF_SIGNED.thumbprint} (CN=EX01) instead`);
    const later = await analyze(text, { asOf: dayAfter(switched?.date ?? "") });
    expect(later.selections[0]?.certificate).toBe(SELF_SIGNED.thumbprint);
  });

  it("an expiry before the as-of date is in the past and says since when", async () => {
    const report = await analyze(paste([LE_2025]), { asOf: "2026-09-01" });
    const [event] = buildTimeline(report).events;
    expect(event).toMatchObject({ kind: "presents-expired", past: true, eventId: 12016 });
    expect(event?.message).toMatch(/^Since 2026-06-11, receive connector 'Default Frontend EX01' on EX01 presents/);
    expect(buildTimeline(report).rows[0]?.state).toBe("expired");
  });

  it("a renewed certificate not valid yet: the day it becomes valid, and that it is presented before", async () => {
    const report = await analyze(paste([LE_2025, LE_2026]), { asOf: AS_OF });
    const timeline = buildTimeline(report);
    expect(report.selections[0]?.certificate).toBe(LE_2026.thumbprint);
    const renewed = timeline.rows.find((r) => r.thumbprint === LE_2026.thumbprint);
    expect(renewed).toMatchObject({ state: "not-yet-valid", presentedBy: ["Default Frontend EX01"] });
    const [valid] = timeline.events.filter((e) => e.kind === "becomes-valid");
    expect(valid).toMatchObject({ date: "2026-04-01T00:00:00Z", row: renewed?.key, past: false });
    expect(valid?.message).toContain("Until then 'Default Frontend EX01' presents it before it is valid");
    expect(timeline.events.filter((e) => e.kind === "presents-expired").map((e) => e.date)).toEqual([
      "2027-03-31T23:59:59Z",
    ]);
  });

  it("on the TlsCertificateName path the named certificate stays, expired or not", async () => {
    const tlsName = `<I>${CA}<S>${LE_2025.subject}`;
    const report = await analyze(paste([LE_2025, SELF_SIGNED], { tlsName }), { asOf: AS_OF });
    const events = buildTimeline(report).events;
    expect(events.map((e) => [e.kind, e.date])).toEqual([["presents-expired", "2026-06-11T23:59:59Z"]]);
    expect(events[0]?.message).toContain("event 12014");
  });

  it("an internal transport certificate shows once per server, from the X-ANONYMOUSTLS step", async () => {
    const withTransport = buildTimeline(
      await analyze(paste([LE_2025, SELF_SIGNED], { transport: SELF_SIGNED.thumbprint }), { asOf: AS_OF }),
    );
    expect(withTransport.events.filter((e) => e.kind === "internal-expired").map((e) => e.date)).toEqual([
      SELF_SIGNED.notAfter.replace(".0000000Z", "Z"),
    ]);
    const without = buildTimeline(await analyze(paste([LE_2025, SELF_SIGNED]), { asOf: AS_OF }));
    expect(without.rows.some((r) => r.internalTransport)).toBe(false);
    expect(without.events.some((e) => e.kind === "internal-expired")).toBe(false);
  });

  it("dates the paste leaves open make an undated row and no event", async () => {
    const open = { ...LE_2025, notBefore: "04/02/2025 10:00:00 AM", notAfter: "04/02/2026 10:00:00 AM" };
    const report = await analyze(paste([open]), { asOf: AS_OF });
    expect(report.certificates[0]?.notAfter).toBeNull();
    const timeline = buildTimeline(report);
    expect(timeline.rows.map((r) => r.state)).toEqual(["undated"]);
    expect(timeline.events).toEqual([]);
    expect([timeline.start, timeline.end]).toEqual([timeline.asOf, timeline.asOf]);
  });

  it("a report without certificates has no rows and no events", async () => {
    const timeline = buildTimeline(await analyze("", { asOf: AS_OF }));
    expect(timeline).toMatchObject({ rows: [], events: [], start: timeline.asOf, end: timeline.asOf });
  });
});
