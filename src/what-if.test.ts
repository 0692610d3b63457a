import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { WhatIfEdit } from "./engine/whatif/edits";
import { whatIf } from "./what-if";

const story = readFileSync("src/__stories__/stale-tlsname-after-renewal.txt", "utf8");
const NEW = "6A1F8D33B0C2E1F4A5968776C3D2E1F0A9B8C7D6";
const NEW_NAME =
  "<I>CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1, O=DigiCert Inc, C=US<S>CN=mail.contoso.com, O=Contoso Ltd, L=Seattle, S=Washington, C=US";
const edits: WhatIfEdit[] = [
  {
    kind: "set-tlsname",
    connectorKind: "receive",
    server: "EX01",
    connector: "Default Frontend EX01",
    value: NEW_NAME,
  },
  { kind: "enable-smtp", server: "EX01", thumbprint: NEW },
];
const key = (f: { rule: string; server: string | null; connector: string | null }) => [f.rule, f.server, f.connector];

describe("whatIf on the stale-TlsCertificateName story", () => {
  it("brings STARTTLS back on Default Frontend EX01 with the new certificate", async () => {
    const r = await whatIf(story, { asOf: "2026-11-24" }, edits);
    expect(r.unmatched).toEqual([]);
    expect(r.diff.connectors).toEqual([
      {
        server: "EX01",
        connector: "Default Frontend EX01",
        direction: "inbound",
        before: "no STARTTLS",
        after: `CN=mail.contoso.com, O=Contoso Ltd, L=Seattle, S=Washington, C=US (${NEW})`,
        changed: true,
      },
    ]);
    const selection = r.after.selections.find((s) => s.connector === "Default Frontend EX01");
    expect([selection?.certificate, selection?.starttls]).toEqual([NEW, true]);
  });

  it("makes TLSNAME_NOT_FOUND and STARTTLS_UNAVAILABLE vanish; the hybrid configuration still names the old certificate", async () => {
    const r = await whatIf(story, { asOf: "2026-11-24" }, edits);
    expect(r.diff.vanished.map(key)).toEqual([
      ["STARTTLS_UNAVAILABLE", "EX01", "Default Frontend EX01"],
      ["TLSNAME_NOT_FOUND", "EX01", "Default Frontend EX01"],
    ]);
    expect(r.diff.appeared.map(key)).toEqual([["HYBRID_RECEIVE_TLSNAME", "EX01", "Default Frontend EX01"]]);
    expect(r.after.findings.map((f) => f.rule)).not.toContain("TLSNAME_NOT_FOUND");
  });

  it("lists the commands that make the edits real", async () => {
    const r = await whatIf(story, { asOf: "2026-11-24" }, edits);
    expect(r.commands).toEqual([
      "Set-ReceiveConnector 'EX01\\Default Frontend EX01' -TlsCertificateName '<I>CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1, O=DigiCert Inc, C=US<S>CN=mail.contoso.com, O=Contoso Ltd, L=Seattle, S=Washington, C=US'",
      `Enable-ExchangeCertificate -Server 'EX01' -Thumbprint ${NEW} -Services SMTP`,
    ]);
  });

  it("names a certificate added without a thumbprint by its subject in the diff", async () => {
    const r = await whatIf(story, { asOf: "2026-11-24" }, [
      {
        kind: "add-certificate",
        server: "EX01",
        subject: "CN=mail.contoso.com, O=Contoso Ltd, L=Seattle, S=Washington, C=US",
        issuer: "CN=GeoTrust TLS RSA CA G1, OU=www.digicert.com, O=DigiCert Inc, C=US",
        domains: ["mail.contoso.com"],
        notBefore: "2026-06-01",
        notAfter: "2027-06-01",
        selfSigned: false,
        services: ["SMTP"],
      },
    ]);
    expect(r.diff.connectors.find((c) => c.connector === "Default Frontend EX01")?.after).toBe(
      "CN=mail.contoso.com, O=Contoso Ltd, L=Seattle, S=Washington, C=US (thumbprint not known)",
    );
  });

  it("changes nothing without edits, and reports an edit naming a certificate not in the paste", async () => {
    const none = await whatIf(story, { asOf: "2026-11-24" }, []);
    expect(none.after).toEqual(none.before);
    expect(none.diff.connectors.every((c) => !c.changed)).toBe(true);
    expect([none.diff.appeared, none.diff.vanished]).toEqual([[], []]);
    const stale = await whatIf(story, { asOf: "2026-11-24" }, [
      { kind: "enable-smtp", server: "EX02", thumbprint: NEW },
    ]);
    expect(stale.unmatched.map((u) => u.index)).toEqual([0]);
    expect(stale.diff.vanished).toEqual([]);
  });
});
