import { describe, expect, it } from "vitest";
import { story } from "../../__stories__/stories";
import { parse } from "../../parse";
import { fixture } from "../../parse/test-fixtures";
import { runEngine } from "../engine";
import rule from "./name-mismatch";
import { testRule } from "./tester";

const ISSUER = "CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1, O=DigiCert Inc, C=US";
const MAIL = "1C2D3E4F5A6B7C8D9E0F1A2B3C4D5E6F7A8B9C0D";
const WILDCARD = "2D3E4F5A6B7C8D9E0F1A2B3C4D5E6F7A8B9C0D1E";

const certificates = (
  server: string,
) => `[PS] C:\\>Get-ExchangeCertificate -Server ${server} | fl Thumbprint,Subject,Issuer,CertificateDomains,Services,IsSelfSigned,HasPrivateKey,Status,NotAfter

Thumbprint         : ${MAIL}
Subject            : CN=mail.contoso.com
Issuer             : ${ISSUER}
CertificateDomains : {mail.contoso.com, autodiscover.contoso.com}
Services           : IIS, SMTP
IsSelfSigned       : False
HasPrivateKey      : True
Status             : Valid
NotAfter           : 2027-08-01 23:59:59

Thumbprint         : ${WILDCARD}
Subject            : CN=*.contoso.com
Issuer             : ${ISSUER}
CertificateDomains : {*.contoso.com, contoso.com}
Services           : SMTP
IsSelfSigned       : False
HasPrivateKey      : True
Status             : Valid
NotAfter           : 2027-09-01 23:59:59

Thumbprint         : 3E4F5A6B7C8D9E0F1A2B3C4D5E6F7A8B9C0D1E2F
Subject            : CN=${server}
Issuer             : CN=${server}
CertificateDomains : {${server}, ${server}.contoso.local}
Services           : IMAP, POP, IIS, SMTP
IsSelfSigned       : True
HasPrivateKey      : True
Status             : Valid
NotAfter           : 2029-01-01 10:00:00
`;

const receive = (server: string, fqdn: string, tlsName: string) => `
[PS] C:\\>Get-ReceiveConnector -Server ${server} | fl Identity,Server,AuthMechanism,Bindings,Fqdn,TlsCertificateName,TransportRole

Identity           : ${server}\\Default Frontend ${server}
Server             : ${server}
AuthMechanism      : Tls, Integrated, BasicAuth, BasicAuthRequireTLS, ExchangeServer
Bindings           : {[::]:25, 0.0.0.0:25}
Fqdn               : ${fqdn}
TlsCertificateName : ${tlsName}
TransportRole      : FrontendTransport
`;

const named = (subject: string) => `<I>${ISSUER}<S>${subject}`;

testRule(rule, {
  valid: [
    {
      name: "healthy hybrid server: Default Frontend keeps the server's own FQDN, as the HCW leaves it",
      paste: story("healthy-hybrid"),
    },
    {
      name: "the port-587 story: chosen by Fqdn, so the name is covered",
      paste: story("client-frontend-587-self-signed"),
    },
    {
      name: "a TlsCertificateName whose certificate covers the Fqdn",
      paste: certificates("EX07") + receive("EX07", "mail.contoso.com", named("CN=mail.contoso.com")),
    },
    {
      name: "a wildcard covering the one-label Fqdn",
      paste: certificates("EX07") + receive("EX07", "smtp.contoso.com", named("CN=*.contoso.com")),
    },
  ],
  invalid: [
    {
      name: "Fqdn smtp.contoso.com, TlsCertificateName names mail.contoso.com: point it at the wildcard",
      paste: certificates("EX07") + receive("EX07", "smtp.contoso.com", named("CN=mail.contoso.com")),
      expect: [
        {
          messageId: "receive",
          severity: "warning",
          server: "EX07",
          connector: "Default Frontend EX07",
          thumbprint: MAIL,
          message:
            /announces itself as smtp\.contoso\.com but presents CN=mail\.contoso\.com[\s\S]*covers mail\.contoso\.com and autodiscover\.contoso\.com, not smtp\.contoso\.com\./,
          fix: /Set-ReceiveConnector 'EX07\\Default Frontend EX07' -TlsCertificateName '<I>CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1, O=DigiCert Inc, C=US<S>CN=\*\.contoso\.com'[\s\S]*MSExchangeFrontEndTransport/,
        },
      ],
    },
    {
      name: "a wildcard covers one label only",
      paste: certificates("EX07") + receive("EX07", "mail.eu.contoso.com", named("CN=*.contoso.com")),
      expect: [
        {
          messageId: "receive",
          thumbprint: WILDCARD,
          message: /not mail\.eu\.contoso\.com \(a wildcard covers exactly one left-most label\)/,
          fix: /No certificate on EX07 covers mail\.eu\.contoso\.com/,
        },
      ],
    },
    {
      name: "a send connector naming a certificate without its Fqdn",
      paste: `${certificates("EX07")}
[PS] C:\\>Get-SendConnector | fl Identity,SourceTransportServers,AddressSpaces,Fqdn,TlsCertificateName

Identity               : Outbound to Office 365 - 4b1a
SourceTransportServers : {EX07}
AddressSpaces          : {smtp:contoso.mail.onmicrosoft.com;1}
Fqdn                   : smtp.contoso.com
TlsCertificateName     : ${named("CN=mail.contoso.com")}
`,
      expect: [
        {
          messageId: "send",
          server: "EX07",
          connector: "Outbound to Office 365 - 4b1a",
          message: /TlsSenderCertificateName/,
        },
      ],
    },
    {
      name: "sample 10: Exchange Online's SubjectMismatch alone",
      paste: fixture("10-exo-msgtrace-450-4.4.317-subjectmismatch.txt"),
      expect: [
        {
          messageId: "exoEvidence",
          basis: "evidence",
          server: undefined,
          connector: undefined,
          message:
            /deliver to mail\.contoso\.com:25: it expected a certificate for \*\.contoso\.com but was presented CN=ExchangeServer01/,
          fix: /Get-ReceiveConnector \| Format-List[\s\S]*Get-ExchangeCertificate \| Format-List/,
        },
      ],
    },
    {
      name: "sample 10 with the configuration: Default Frontend presents the self-signed certificate",
      paste:
        certificates("ExchangeServer01") +
        receive("ExchangeServer01", "ExchangeServer01.contoso.local", "") +
        fixture("10-exo-msgtrace-450-4.4.317-subjectmismatch.txt"),
      expect: [
        {
          messageId: "exo",
          basis: "configuration",
          server: "ExchangeServer01",
          connector: "Default Frontend ExchangeServer01",
          thumbprint: "3E4F5A6B7C8D9E0F1A2B3C4D5E6F7A8B9C0D1E2F",
          message: /expected a certificate for \*\.contoso\.com when it connected to mail\.contoso\.com:25/,
          fix: /Set-ReceiveConnector 'ExchangeServer01\\Default Frontend ExchangeServer01' -TlsCertificateName '<I>[^']*<S>CN=\*\.contoso\.com'[\s\S]*Hybrid Configuration Wizard/,
        },
      ],
    },
  ],
});

describe("NAME_MISMATCH with Exchange Online's SubjectMismatch", () => {
  const mismatch = fixture("10-exo-msgtrace-450-4.4.317-subjectmismatch.txt").replace(
    "CN=ExchangeServer01",
    "CN=mail.contoso.com",
  );
  const inbound = (server: string, fqdn: string) => `
[PS] C:\\>Get-ReceiveConnector -Server ${server} | fl Identity,Server,AuthMechanism,Bindings,Fqdn,TlsCertificateName,TransportRole

Identity           : ${server}\\Inbound from Office 365
Server             : ${server}
AuthMechanism      : Tls, Integrated, BasicAuth, BasicAuthRequireTLS, ExchangeServer
Bindings           : {0.0.0.0:25}
Fqdn               : ${fqdn}
TlsCertificateName : ${named("CN=mail.contoso.com")}
TransportRole      : FrontendTransport
`;
  const findings = async (paste: string) => {
    const parsed = await parse(paste, {});
    return runEngine(parsed, new Date("2026-06-01T00:00:00Z"))
      .findings.filter((f) => f.rule === rule.id)
      .map((f) => ({ server: f.server, connector: f.connector, explains: f.explains.map((e) => e.facts.tlsError) }));
  };

  it("a connector that already has a finding gains the evidence, with no second finding", async () => {
    const paste = [certificates("EX01"), receive("EX01", "smtp.contoso.com", named("CN=mail.contoso.com")), mismatch];
    expect(await findings(paste.join("\n"))).toEqual([
      { server: "EX01", connector: "Default Frontend EX01", explains: ["SubjectMismatch"] },
    ]);
  });

  it("a connector of the same name on another server gets a finding of its own", async () => {
    const paste = [
      certificates("EX01"),
      inbound("EX01", "smtp.contoso.com"),
      certificates("EX02"),
      inbound("EX02", "mail.contoso.com"),
      mismatch,
    ];
    expect(await findings(paste.join("\n"))).toEqual([
      { server: "EX01", connector: "Inbound from Office 365", explains: ["SubjectMismatch"] },
      { server: "EX02", connector: "Inbound from Office 365", explains: ["SubjectMismatch"] },
    ]);
  });
});
