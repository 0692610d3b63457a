import { describe, expect, it } from "vitest";
import { parse } from "./index";
import { lineAccounting } from "./test-coverage";
import { fixture, fixtureNames } from "./test-fixtures";

describe("parse: every sample", () => {
  for (const name of fixtureNames()) {
    it(`${name}: accounts for every non-blank line exactly once`, async () => {
      const text = fixture(name);
      const result = await parse(text);
      for (const [line, count] of lineAccounting(text, result)) {
        expect({ line, count }).toEqual({ line, count: 1 });
      }
    });
  }
});

describe("parse: Get-ExchangeCertificate", () => {
  it("reads sample 02 (fl, Russian dates, prompt) day-first", async () => {
    const r = await parse(fixture("02-getexcert-fl-ru-dates-prompt.txt"));
    const certs = r.inventory.certificates;
    expect(certs.map((c) => c.thumbprint)).toEqual([
      "3DAF40EC85C62DD39D98696AB5413E3EB83D6415",
      "BBA9F942B32F3E0F6E0C4E735BD1F38D4C06612E",
      "7274AA46956DFF4E80B13168A7B6B0037C99CA14",
    ]);
    expect(certs[0]?.notAfter?.iso).toBe("2028-02-02T04:22:23Z");
    expect(certs[2]?.notAfter?.iso).toBe("2033-01-30T02:48:33Z");
    expect(certs[1]?.services).toEqual(["IMAP", "POP", "IIS", "SMTP"]);
    expect(certs[1]?.domains).toEqual(["MOS-MAIL", "MOS-MAIL.avalonelectrotech.local"]);
    expect(certs[2]?.services).toEqual([]);
    expect(r.blocks[0]).toMatchObject({ cmdlet: "Get-ExchangeCertificate", format: "list", startLine: 1, records: 3 });
    expect(r.unrecognized).toEqual([]);
  });

  it("maps the Services flags of sample 01 and reports the annotation, not as part of the subject", async () => {
    const r = await parse(fixture("01-getexcert-table-annotated-kjpark.txt"));
    const byThumb = new Map(r.inventory.certificates.map((c) => [c.thumbprint, c]));
    expect(byThumb.get("B8FFF722AAF9E4CFA055581061F6020C70BAC8AF")?.services).toEqual(["IIS", "SMTP"]);
    expect(byThumb.get("B8FFF722AAF9E4CFA055581061F6020C70BAC8AF")?.subject).toBe(
      "CN=outlook.exchange.info, OU=EXCH, O=EXCHANGE LAB, L=JUNG-GU, S=SEOUL, C=KR",
    );
    expect(byThumb.get("C07B19E88671134C4C4A38D72F0A587974CE137D")?.services).toEqual(["IMAP", "POP", "IIS", "SMTP"]);
    expect(byThumb.get("4CE834243B37D27F29379287D3DED6294935EB2D")?.services).toEqual(["SMTP"]);
    expect(byThumb.get("EB68147037AA94700E07832B99A71CC6F6FAAD5A")?.services).toEqual([]);
    expect(r.unrecognized.some((u) => u.fragment?.includes("<== Exchange Server Certificate for Exporting"))).toBe(
      true,
    );
  });

  it("maps Exchange 2010 six-letter flags (07, 08) and marks width-cut subjects", async () => {
    const before = await parse(fixture("07-getexcert-table-ex2010-6flags-narrow-before.txt"));
    const after = await parse(fixture("08-getexcert-table-ex2010-after-renew-lost-smtp.txt"));
    expect(before.inventory.certificates.map((c) => c.services)).toEqual([
      ["IMAP", "POP", "IIS", "SMTP"],
      ["SMTP", "Federation"],
      ["SMTP"],
    ]);
    expect(after.inventory.certificates.map((c) => c.services)).toEqual([
      ["IMAP", "POP"],
      ["SMTP", "Federation"],
      ["SMTP"],
    ]);
    for (const c of [...before.inventory.certificates, ...after.inventory.certificates]) {
      expect(c.truncated).toContain("subject");
    }
    expect(before.blocks[0]).toMatchObject({ cmdlet: "Get-ExchangeCertificate", format: "table", startLine: 1 });
  });
});

describe("parse: connectors and configuration", () => {
  it("reads the trimmed, double-spaced Default Frontend of sample 23 and keeps TlsCertificateName unknown", async () => {
    const r = await parse(fixture("23-getreceiveconnector-fl-doublespaced-trimmed.txt"));
    const [c] = r.inventory.receiveConnectors;
    expect(c?.authMechanism).toEqual(["Tls", "Integrated", "BasicAuth", "BasicAuthRequireTLS", "ExchangeServer"]);
    expect(c?.bindings).toEqual(["[::]:25", "0.0.0.0:25"]);
    expect(c?.fqdn).toBe("LON-EX01.Constoso.local");
    expect(c?.tlsCertificateName).toBeUndefined();
    expect(c?.permissionGroups).toEqual(["AnonymousUsers", "ExchangeServers", "ExchangeLegacyServers", "Custom"]);
    expect(r.unrecognized).toEqual([]);
  });

  it("marks the cut TlsCertificateName of sample 31 and rejoins the wrapped Features", async () => {
    const r = await parse(fixture("31-gethybridconfiguration-wrapped-truncated-tlscertname-ru-dates.txt"));
    const [h] = r.inventory.hybridConfigurations;
    expect(h?.truncated).toContain("tlsCertificateName");
    expect(h?.tlsCertificateName).toMatch(
      /^<I>CN=GlobalSign RSA OV SSL CA 2018, O=GlobalSign nv-sa, C=BE<S>CN=\*\.contoso\.ru/,
    );
    expect(h?.features).toContain("SecureMail");
    expect(h?.receivingTransportServers).toEqual(["MXM"]);
    expect(r.blocks[0]).toMatchObject({ cmdlet: "Get-HybridConfiguration", startLine: 1 });
  });
});

describe("parse: JSON and CSV output", () => {
  it("reads Get-ReceiveConnector | ConvertTo-Json with enums as numbers and an SmtpX509Identifier", async () => {
    const text = `PS C:\\> Get-ReceiveConnector -Server EX01 | ConvertTo-Json -Depth 2
[
    {
        "AuthMechanism":  31,
        "Bindings":  [
                         "[::]:25",
                         "0.0.0.0:25"
                     ],
        "Fqdn":  "mail.contoso.com",
        "TlsCertificateName":  {
                                   "CertificateIssuer":  "CN=R11, O=Let's Encrypt, C=US",
                                   "CertificateSubject":  "CN=mail.contoso.com",
                                   "SubjectCommonName":  "mail.contoso.com"
                               },
        "PermissionGroups":  14,
        "Identity":  "EX01\\\\Default Frontend EX01",
        "Name":  "Default Frontend EX01",
        "TransportRole":  "FrontendTransport"
    },
    {
        "AuthMechanism":  64,
        "Bindings":  [ "0.0.0.0:587" ],
        "Fqdn":  "EX01.contoso.local",
        "TlsCertificateName":  null,
        "Identity":  "EX01\\\\Client Frontend EX01",
        "Name":  "Client Frontend EX01"
    }
]`;
    const r = await parse(text);
    const [a, b] = r.inventory.receiveConnectors;
    expect(r.blocks[0]).toMatchObject({
      cmdlet: "Get-ReceiveConnector",
      format: "json",
      startLine: 1,
      records: 2,
      server: "EX01",
    });
    expect(a).toMatchObject({
      server: "EX01",
      name: "Default Frontend EX01",
      authMechanism: ["Tls", "Integrated", "BasicAuth", "BasicAuthRequireTLS", "ExchangeServer"],
      permissionGroups: ["ExchangeUsers", "ExchangeServers", "ExchangeLegacyServers"],
      bindings: ["[::]:25", "0.0.0.0:25"],
      tlsCertificateName: "<I>CN=R11, O=Let's Encrypt, C=US<S>CN=mail.contoso.com",
    });
    expect(b?.authMechanism).toBeUndefined();
    expect(b?.tlsCertificateName).toBe("");
  });

  it("reads Get-ExchangeCertificate | Export-Csv, where collections print as type names", async () => {
    const text = `#TYPE Microsoft.Exchange.Management.SystemConfigurationTasks.ExchangeCertificate
"Thumbprint","Subject","Issuer","Services","NotAfter","NotBefore","IsSelfSigned","HasPrivateKey","CertificateDomains"
"6A1F8D33B0C2E1F4A5968776C3D2E1F0A9B8C7D6","CN=mail.contoso.com","CN=R11, O=Let's Encrypt, C=US","IIS, SMTP","12/31/2026 8:14:06 AM","10/2/2026 8:14:07 AM","False","True","Microsoft.Exchange.Data.MultiValuedProperty\`1[Microsoft.Exchange.Data.SmtpDomainWithSubdomains]"`;
    const r = await parse(text, { server: "EX09" });
    const [c] = r.inventory.certificates;
    expect(r.blocks[0]).toMatchObject({
      cmdlet: "Get-ExchangeCertificate",
      format: "csv",
      server: "EX09",
      serverFrom: "option",
    });
    expect(c).toMatchObject({
      thumbprint: "6A1F8D33B0C2E1F4A5968776C3D2E1F0A9B8C7D6",
      selfSigned: false,
      hasPrivateKey: true,
    });
    expect(c?.services).toEqual(["IIS", "SMTP"]);
    expect(c?.domains).toBeUndefined();
    expect(c?.notAfter?.iso).toBe("2026-12-31T08:14:06Z");
  });
});
