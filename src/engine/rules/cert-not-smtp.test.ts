import { story } from "../../__stories__/stories";
import { fixture } from "../../parse/test-fixtures";
import rule from "./cert-not-smtp";
import { testRule } from "./tester";

const RENEWED = "6A1F8D33B0C2E1F4A5968776C3D2E1F0A9B8C7D6";

/** KB 2989382's story after the admin pointed the connector and the hybrid configuration at the renewed certificate, which still lacks SMTP. */
const renamed = story("stale-tlsname-after-renewal").replaceAll(
  "<I>CN=GeoTrust TLS RSA CA G1, OU=www.digicert.com, O=DigiCert Inc, C=US",
  "<I>CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1, O=DigiCert Inc, C=US",
);

const wildcard = (
  services: string,
) => `[PS] C:\\>Get-ExchangeCertificate -Server HUB01 | fl Thumbprint,Subject,Issuer,CertificateDomains,Services

Thumbprint         : 5D4C3B2A1F0E9D8C7B6A5F4E3D2C1B0A9F8E7D6C
Subject            : CN=*.domain.com, OU=Enterprise SSL Wildcard, OU=Contoso IT, O=Contoso Corporation
Issuer             : CN=Trusted Secure Certificate Authority 5, O=Corporation Service Company, L=Wilmington, S=DE, C=US
CertificateDomains : {*.domain.com, domain.com}
Services           : ${services}

`;

const exchange2010 = `[PS] C:\\>Get-ExchangeServer HUB10 | fl Name,Fqdn,AdminDisplayVersion

Name                : HUB10
Fqdn                : HUB10.fabrikam.local
AdminDisplayVersion : Version 14.3 (Build 123.4)

[PS] C:\\>Get-ExchangeCertificate -Server HUB10 | fl Thumbprint,Subject,Issuer,CertificateDomains,Services,IsSelfSigned

Thumbprint         : 1A2B3C4D5E6F7A8B9C0D1E2F3A4B5C6D7E8F9A0B
Subject            : CN=mail.fabrikam.com
Issuer             : CN=Go Daddy Secure Certificate Authority - G2, OU=http://certs.godaddy.com/repository/, O="GoDaddy.com, Inc.", L=Scottsdale, S=Arizona, C=US
CertificateDomains : {mail.fabrikam.com}
Services           : IMAP, POP, IIS
IsSelfSigned       : False

[PS] C:\\>Get-ReceiveConnector -Server HUB10 | fl Identity,Server,AuthMechanism,Bindings,Fqdn

Identity      : HUB10\\Default HUB10
Server        : HUB10
AuthMechanism : Tls, Integrated, BasicAuth, BasicAuthRequireTLS, ExchangeServer
Bindings      : {0.0.0.0:25}
Fqdn          : mail.fabrikam.com
`;

testRule(rule, {
  valid: [
    { name: "healthy hybrid server", paste: story("healthy-hybrid") },
    {
      name: "KB 3058190: the hybrid certificate alone is HYBRID_CERT_NOT_SMTP's",
      paste: story("hybrid-cert-not-smtp"),
    },
    { name: "KB 2989382: a certificate nothing uses", paste: story("stale-tlsname-after-renewal") },
    {
      name: "UnknownCredentials with a certificate that is enabled for SMTP has another cause",
      paste: wildcard("IIS, SMTP") + fixture("16-queue-and-smtpsend-log-unknowncredentials.txt"),
    },
  ],
  invalid: [
    {
      name: "sample 16: UnknownCredentials in the send log, no certificate list pasted",
      paste: fixture("16-queue-and-smtpsend-log-unknowncredentials.txt"),
      expect: [
        {
          messageId: "log",
          severity: "error",
          basis: "evidence",
          connector: "Outbound to Office 365",
          message: /presenting CN=\*\.domain\.com, OU=Enterprise SSL Wildcard[\s\S]*KB 4051498/,
          fix: /Get-ExchangeCertificate \| Format-List[\s\S]*-Services SMTP/,
        },
      ],
    },
    {
      name: "sample 16 with the certificate list: the certificate lacks SMTP",
      paste: wildcard("IIS") + fixture("16-queue-and-smtpsend-log-unknowncredentials.txt"),
      expect: [
        {
          messageId: "selected",
          basis: "configuration",
          server: "HUB01",
          thumbprint: "5D4C3B2A1F0E9D8C7B6A5F4E3D2C1B0A9F8E7D6C",
          message: /Services: IIS\), yet the pasted log shows Outbound to Office 365 presenting it/,
          fix: /Enable-ExchangeCertificate -Server 'HUB01' -Thumbprint 5D4C3B2A1F0E9D8C7B6A5F4E3D2C1B0A9F8E7D6C -Services SMTP/,
        },
      ],
    },
    {
      name: "sample 16: of two certificates with the log's subject, the one with the log's issuer is the one presented",
      paste:
        wildcard("IIS").replace("CN=Trusted Secure Certificate Authority 5", "CN=Another CA") +
        wildcard("IIS")
          .replaceAll("HUB01", "HUB02")
          .replace("5D4C3B2A1F0E9D8C7B6A5F4E3D2C1B0A9F8E7D6C", "6E5D4C3B2A1F0E9D8C7B6A5F4E3D2C1B0A9F8E7D") +
        fixture("16-queue-and-smtpsend-log-unknowncredentials.txt"),
      expect: [
        {
          messageId: "selected",
          server: "HUB02",
          thumbprint: "6E5D4C3B2A1F0E9D8C7B6A5F4E3D2C1B0A9F8E7D",
          message: /yet the pasted log shows Outbound to Office 365 presenting it/,
        },
      ],
    },
    {
      name: "the connector names the renewed certificate, which is only enabled for IIS",
      paste: renamed,
      expect: [
        {
          messageId: "selected",
          severity: "error",
          server: "EX01",
          thumbprint: RENEWED,
          message:
            /yet it is presented by Default Frontend EX01; it is named by Default Frontend EX01\. Exchange 2013 and later still use it/,
          fix: new RegExp(`Enable-ExchangeCertificate -Server 'EX01' -Thumbprint ${RENEWED} -Services SMTP`),
        },
      ],
    },
    {
      name: "Exchange 2010: the only certificate covering the connector's FQDN lacks SMTP, so it is left out",
      paste: exchange2010,
      expect: [
        {
          messageId: "filtered",
          server: "HUB10",
          message: /the only certificate covering mail\.fabrikam\.com of Default HUB10\. Exchange 2010 leaves/,
          fix: /Enable-ExchangeCertificate -Server 'HUB10' -Thumbprint 1A2B3C4D5E6F7A8B9C0D1E2F3A4B5C6D7E8F9A0B -Services SMTP/,
        },
      ],
    },
  ],
});
