import { describe, expect, it } from "vitest";
import { story } from "./__stories__/stories";
import { analyze } from "./analyze";

const AS_OF = "2026-11-24";

/** One server's certificates as `Get-ExchangeCertificate | fl` prints them. */
function certs(
  list: {
    t: string;
    subject: string;
    issuer?: string;
    domains: string;
    services?: string;
    from?: string;
    to?: string;
    selfSigned?: boolean;
    status?: string;
  }[],
): string {
  return `[PS] C:\\>Get-ExchangeCertificate -Server EX01 | fl Thumbprint,Subject,Issuer,CertificateDomains,Services,NotBefore,NotAfter,IsSelfSigned,HasPrivateKey,Status\n\n${list
    .map(
      (c) => `Thumbprint         : ${c.t}
Subject            : ${c.subject}
Issuer             : ${c.issuer ?? (c.selfSigned ? c.subject : "CN=R11, O=Let's Encrypt, C=US")}
CertificateDomains : {${c.domains}}
Services           : ${c.services ?? "IIS, SMTP"}
NotBefore          : ${c.from ?? "2026-01-10 00:00:00"}
NotAfter           : ${c.to ?? "2027-01-10 00:00:00"}
IsSelfSigned       : ${c.selfSigned ? "True" : "False"}
HasPrivateKey      : True
Status             : ${c.status ?? "Valid"}
`,
    )
    .join("\n")}`;
}

function connector(o: { fqdn: string; auth?: string; tls?: string }): string {
  return `\n[PS] C:\\>Get-ReceiveConnector "EX01\\Default Frontend EX01" | fl Identity,AuthMechanism,Bindings,Fqdn,TlsCertificateName,TransportRole

Identity           : EX01\\Default Frontend EX01
AuthMechanism      : ${o.auth ?? "Tls, Integrated, BasicAuth, BasicAuthRequireTLS, ExchangeServer"}
Bindings           : {[::]:25, 0.0.0.0:25}
Fqdn               : ${o.fqdn}
TlsCertificateName : ${o.tls ?? ""}
TransportRole      : FrontendTransport
`;
}

const A = "A".repeat(40);
const B = "B".repeat(40);
const C = "C".repeat(40);

describe("analyze: which certificate Exchange presents (issue 3 acceptance)", () => {
  const cases: { name: string; paste: string; certificate: string | null; via: string; lit: string[] }[] = [
    {
      name: "stale TlsCertificateName: no STARTTLS and no fallback to a certificate covering the FQDN",
      paste:
        certs([{ t: A, subject: "CN=mail.contoso.com", domains: "mail.contoso.com" }]) +
        connector({ fqdn: "mail.contoso.com", tls: "<I>CN=R10, O=Let's Encrypt, C=US<S>CN=mail.contoso.com" }),
      certificate: null,
      via: "None",
      lit: ["tlsname-set", "tlsname-match", "result-none"],
    },
    {
      name: "AuthMechanism without Tls",
      paste:
        certs([{ t: A, subject: "CN=mail.contoso.com", domains: "mail.contoso.com" }]) +
        connector({ fqdn: "mail.contoso.com", auth: "Integrated, ExchangeServer" }),
      certificate: null,
      via: "None",
      lit: ["auth-tls", "result-none"],
    },
    {
      name: "a wildcard covers one label, not the apex",
      paste:
        certs([{ t: A, subject: "CN=*.contoso.com", domains: "*.contoso.com" }]) + connector({ fqdn: "contoso.com" }),
      certificate: null,
      via: "None",
      lit: ["fqdn-match", "result-none"],
    },
    {
      name: "a wildcard covers exactly one label",
      paste:
        certs([{ t: A, subject: "CN=*.contoso.com", domains: "*.contoso.com" }]) +
        connector({ fqdn: "smtp.contoso.com" }),
      certificate: A,
      via: "Fqdn",
      lit: ["fqdn-match", "result-starttls"],
    },
    {
      name: "a wildcard does not cover two labels",
      paste:
        certs([{ t: A, subject: "CN=*.contoso.com", domains: "*.contoso.com" }]) +
        connector({ fqdn: "a.b.contoso.com" }),
      certificate: null,
      via: "None",
      lit: ["result-none"],
    },
    {
      name: "CA-issued beats a newer self-signed certificate",
      paste:
        certs([
          { t: A, subject: "CN=mail.contoso.com", domains: "mail.contoso.com", from: "2026-01-01 00:00:00" },
          {
            t: B,
            subject: "CN=mail.contoso.com",
            domains: "mail.contoso.com",
            from: "2026-06-01 00:00:00",
            selfSigned: true,
          },
        ]) + connector({ fqdn: "mail.contoso.com" }),
      certificate: A,
      via: "Fqdn",
      lit: ["prefer-ca", "result-starttls"],
    },
    {
      name: "two renewals with the same issuer and subject: newest NotBefore",
      paste:
        certs([
          {
            t: A,
            subject: "CN=mail.contoso.com",
            domains: "mail.contoso.com",
            from: "2024-01-01 00:00:00",
            to: "2028-01-01 00:00:00",
          },
          {
            t: B,
            subject: "CN=mail.contoso.com",
            domains: "mail.contoso.com",
            from: "2026-05-01 00:00:00",
            to: "2027-05-01 00:00:00",
          },
        ]) + connector({ fqdn: "mail.contoso.com", tls: "<I>CN=R11, O=Let's Encrypt, C=US<S>CN=mail.contoso.com" }),
      certificate: B,
      via: "TlsCertificateName",
      lit: ["tlsname-match", "tlsname-tiebreak", "result-starttls"],
    },
    {
      name: "a matched certificate without the SMTP flag is still chosen",
      paste:
        certs([{ t: A, subject: "CN=mail.contoso.com", domains: "mail.contoso.com", services: "IIS" }]) +
        connector({ fqdn: "mail.contoso.com" }),
      certificate: A,
      via: "Fqdn",
      lit: ["chosen-smtp", "result-starttls"],
    },
    {
      name: "an expired certificate is still chosen",
      paste:
        certs([{ t: C, subject: "CN=mail.contoso.com", domains: "mail.contoso.com", to: "2026-01-01 00:00:00" }]) +
        connector({ fqdn: "mail.contoso.com" }),
      certificate: C,
      via: "Fqdn",
      lit: ["chosen-expiry", "result-starttls"],
    },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const report = await analyze(c.paste, { asOf: AS_OF });
      const [s] = report.selections;
      expect(s).toMatchObject({
        connector: "Default Frontend EX01",
        server: "EX01",
        certificate: c.certificate,
        starttls: c.certificate !== null,
        via: c.via,
      });
      const lit = (s?.steps ?? []).filter((st) => st.outcome !== "skipped").map((st) => st.id);
      for (const id of c.lit) expect(lit).toContain(id);
      for (const st of s?.steps ?? []) expect(st.detail.length).toBeGreaterThan(10);
    });
  }

  it("the two-renewal case notes that the NotAfter rule would choose differently", async () => {
    const [, , , , , , renewal] = cases;
    const report = await analyze(renewal?.paste ?? "", { asOf: AS_OF });
    const tiebreak = report.selections[0]?.steps.find((s) => s.id === "tlsname-tiebreak");
    expect(tiebreak?.caveat).toMatch(/NotAfter|expiry/i);
  });
});

describe("analyze: the seed stories (issue 4 acceptance)", () => {
  const rulesOf = async (name: string) => {
    const report = await analyze(story(name), { asOf: AS_OF });
    return {
      report,
      rules: report.findings.map((f) => f.rule),
      plan: report.fixPlan.flatMap((s) => s.commands).join("\n"),
    };
  };

  it("KB 3058190: the hybrid certificate is not enabled for SMTP", async () => {
    const { rules, plan, report } = await rulesOf("hybrid-cert-not-smtp");
    expect(rules).toContain("HYBRID_CERT_NOT_SMTP");
    expect(plan).toContain(
      "Enable-ExchangeCertificate -Server 'EXHYB01' -Thumbprint 4F3E2D1C0B9A8F7E6D5C4B3A2F1E0D9C8B7A6F5E -Services SMTP",
    );
    expect(report.evidence.some((e) => e.explainedBy.includes("HYBRID_CERT_NOT_SMTP"))).toBe(true);
  });

  it("KB 2989382: a stale TlsCertificateName after a renewal", async () => {
    const { rules, plan, report } = await rulesOf("stale-tlsname-after-renewal");
    expect(rules).toEqual(expect.arrayContaining(["TLSNAME_NOT_FOUND", "STARTTLS_UNAVAILABLE"]));
    expect(plan).toContain(
      "Enable-ExchangeCertificate -Server 'EX01' -Thumbprint 6A1F8D33B0C2E1F4A5968776C3D2E1F0A9B8C7D6 -Services SMTP",
    );
    expect(plan).toMatch(
      /Set-ReceiveConnector 'EX01\\Default Frontend EX01' -TlsCertificateName '<I>CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1/,
    );
    expect(report.fixPlan.some((s) => /overwrite/i.test(s.warning ?? ""))).toBe(true);
    expect(report.fixPlan.some((s) => /Hybrid Configuration Wizard/.test(s.why))).toBe(true);
  });

  it("port 587: Client Frontend presents the self-signed certificate", async () => {
    const { rules, plan } = await rulesOf("client-frontend-587-self-signed");
    expect(rules).toContain("SELF_SIGNED_PRESENTED");
    expect(plan).toContain(
      "Set-ReceiveConnector 'EX02\\Client Frontend EX02' -TlsCertificateName '<I>CN=R11, O=Let''s Encrypt, C=US<S>CN=*.northwind.com'",
    );
  });

  it("the default SMTP certificate was overwritten", async () => {
    const { rules } = await rulesOf("default-smtp-certificate-overwritten");
    expect(rules).toContain("DEFAULT_CERT_OVERWRITTEN");
  });

  it("a healthy configuration has no error finding", async () => {
    const { report } = await rulesOf("healthy-hybrid");
    expect(report.findings.filter((f) => f.severity === "error")).toEqual([]);
  });
});
