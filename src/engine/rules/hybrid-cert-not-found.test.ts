import { readFileSync } from "node:fs";
import { story } from "../../__stories__/stories";
import rule from "./hybrid-cert-not-found";
import { testRule } from "./tester";

const fixture = (name: string) => readFileSync(new URL(`../../parse/__fixtures__/${name}`, import.meta.url), "utf8");

const hybrid = (
  tlsName: string,
  servers: string,
) => `[PS] C:\\Windows\\system32>Get-HybridConfiguration | fl TlsCertificateName,ReceivingTransportServers,SendingTransportServers,EdgeTransportServers

TlsCertificateName        : ${tlsName}
ReceivingTransportServers : {${servers}}
SendingTransportServers   : {${servers}}
EdgeTransportServers      : {}
`;

const certs = (
  server: string,
  subject: string,
  issuer: string,
  thumbprint: string,
) => `[PS] C:\\Windows\\system32>Get-ExchangeCertificate -Server ${server} | fl Thumbprint,Subject,Issuer,Services,IsSelfSigned,NotAfter,HasPrivateKey,Status

Thumbprint    : ${thumbprint}
Subject       : ${subject}
Issuer        : ${issuer}
Services      : IIS, SMTP
IsSelfSigned  : False
NotAfter      : 2027-08-01 10:00:00
HasPrivateKey : True
Status        : Valid

Thumbprint    : 5${thumbprint.slice(1, 39)}5
Subject       : CN=${server}
Issuer        : CN=${server}
Services      : IMAP, POP, IIS, SMTP
IsSelfSigned  : True
NotAfter      : 2029-08-01 10:00:00
HasPrivateKey : True
Status        : Valid
`;

const SECTIGO =
  "CN=Sectigo RSA Domain Validation Secure Server CA, O=Sectigo Limited, L=Salford, S=Greater Manchester, C=GB";
const HYBRID_NAME = `<I>${SECTIGO}<S>CN=mail.fabrikam.com`;

testRule(rule, {
  valid: [
    { name: "healthy hybrid: EX19A holds the DigiCert certificate", paste: story("healthy-hybrid") },
    {
      name: "TlsCertificateName cut by the console (fixture 31): no verdict from a cut value",
      paste: fixture("31-gethybridconfiguration-wrapped-truncated-tlscertname-ru-dates.txt"),
    },
    {
      name: "certificates of a server outside the hybrid configuration are not judged",
      paste: `${hybrid(HYBRID_NAME, "EXH1")}\n\n${certs("EXH1", "CN=mail.fabrikam.com", SECTIGO, "1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A")}\n\n${certs("EXOTHER", "CN=other.fabrikam.com", SECTIGO, "2B2B2B2B2B2B2B2B2B2B2B2B2B2B2B2B2B2B2B2B")}`,
    },
  ],
  invalid: [
    {
      name: "KB 3058190 story: EXHYB02's certificates are not in the paste",
      paste: story("hybrid-cert-not-smtp"),
      expect: [
        {
          messageId: "notPasted",
          severity: "info",
          server: "EXHYB02",
          message: /sending and receiving server.*Paste Get-ExchangeCertificate -Server EXHYB02 \| fl\./,
          fix: /Get-ExchangeCertificate -Server 'EXHYB02' \| Format-List/,
        },
      ],
    },
    {
      name: "renewal story: the DigiCert renewal has another issuer than the GeoTrust name in the hybrid configuration",
      paste: story("stale-tlsname-after-renewal"),
      asOf: "2024-06-01",
      expect: [
        {
          messageId: "renewed",
          severity: "error",
          server: "EX01",
          thumbprint: "6A1F8D33B0C2E1F4A5968776C3D2E1F0A9B8C7D6",
          message: /GeoTrust TLS RSA CA G1.*same subject from another issuer/,
          fix: /Enable-ExchangeCertificate -Server 'EX01' -Thumbprint 6A1F8D33B0C2E1F4A5968776C3D2E1F0A9B8C7D6 -Services SMTP[\s\S]*Re-run the Hybrid Configuration Wizard/,
        },
      ],
    },
    {
      name: "renewal story later on: the renewal has expired too, so a new certificate is needed",
      paste: story("stale-tlsname-after-renewal"),
      asOf: "2027-06-01",
      expect: [
        {
          messageId: "renewed",
          server: "EX01",
          fix: /^Get a new certificate: the existing one, CN=mail\.contoso\.com[\s\S]*New-ExchangeCertificate -Server 'EX01' -GenerateRequest -SubjectName 'CN=mail\.contoso\.com, O=Contoso Ltd, L=Seattle, S=Washington, C=US' -DomainName 'mail\.contoso\.com','autodiscover\.contoso\.com' -RequestFile \$CertificateRequestmailcontosocom/,
        },
      ],
    },
    {
      name: "second hybrid server lacks the certificate: copy it from the first",
      paste: `${hybrid(HYBRID_NAME, "EXH1, EXH2")}\n\n${certs("EXH1", "CN=mail.fabrikam.com", SECTIGO, "1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A")}\n\n${certs("EXH2", "CN=legacy.fabrikam.com", SECTIGO, "3C3C3C3C3C3C3C3C3C3C3C3C3C3C3C3C3C3C3C3C")}`,
      expect: [
        {
          messageId: "notFound",
          server: "EXH2",
          message: /none of the certificates pasted for EXH2 \(a sending and receiving server\)/,
          fix: new RegExp(
            [
              "Copy CN=mail\\.fabrikam\\.com \\(1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A\\) with its private key from EXH1 to EXH2",
              "\\$PfxPassword = Read-Host -AsSecureString -Prompt 'A password for the exported \\.pfx'",
              "\\$Pfx = Export-ExchangeCertificate -Server 'EXH1' -Thumbprint 1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A -BinaryEncoded -Password \\$PfxPassword",
              "Import-ExchangeCertificate -Server 'EXH2' -FileData \\$Pfx\\.FileData -Password \\$PfxPassword",
              "Enable CN=mail\\.fabrikam\\.com [^\\n]* for SMTP on EXH2[^\\n]*",
              "Enable-ExchangeCertificate -Server 'EXH2' -Thumbprint 1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A -Services SMTP",
            ].join("[^\\n]*\\n"),
          ),
        },
      ],
    },
    {
      name: "an Edge server lacks the certificate: the copy goes by file, in each server's own shell",
      paste: `${hybrid(HYBRID_NAME, "").replace("EdgeTransportServers      : {}", "EdgeTransportServers      : {EDGE1, EDGE2}")}\n\n${certs("EDGE1", "CN=mail.fabrikam.com", SECTIGO, "1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A")}\n\n${certs("EDGE2", "CN=legacy.fabrikam.com", SECTIGO, "3C3C3C3C3C3C3C3C3C3C3C3C3C3C3C3C3C3C3C3C")}`,
      expect: [
        {
          messageId: "notFound",
          server: "EDGE2",
          fix: /^Export CN=mail\.fabrikam\.com \(1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A\) with its private key from EDGE1 to a \.pfx file \(Export-ExchangeCertificate -BinaryEncoded -Password … -FileName …\) and import it on EDGE2 \(Import-ExchangeCertificate -FileData \(\[System\.IO\.File\]::ReadAllBytes\(…\)\) -Password …\), each in that server's own Exchange Management Shell[^\n]*\nRe-run the Hybrid Configuration Wizard/,
        },
      ],
    },
    {
      name: "second hybrid server lacks the certificate and the first has only an expired one: a new certificate, not a copy",
      paste: `${hybrid(HYBRID_NAME, "EXH1, EXH2")}\n\n${certs("EXH1", "CN=mail.fabrikam.com", SECTIGO, "1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A").replace("2027-08-01", "2025-08-01")}\n\n${certs("EXH2", "CN=legacy.fabrikam.com", SECTIGO, "3C3C3C3C3C3C3C3C3C3C3C3C3C3C3C3C3C3C3C3C")}`,
      expect: [
        {
          messageId: "notFound",
          server: "EXH2",
          // Requested on the first hybrid server and copied with its key to the second, for both servers' findings alike.
          fix: /^Get a new certificate: the existing one, CN=mail\.fabrikam\.com \(1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A\) on EXH1, is expired or has no private key: make a certificate request for CN=mail\.fabrikam\.com on EXH1[\s\S]*New-ExchangeCertificate -Server 'EXH1' -GenerateRequest -SubjectName 'CN=mail\.fabrikam\.com' -PrivateKeyExportable:\$true -RequestFile \$CertificateRequestmailfabrikamcom\n[\s\S]*\$Issuedmailfabrikamcom = Import-ExchangeCertificate -Server 'EXH1'[\s\S]*Import-ExchangeCertificate -Server 'EXH2' -FileData \$IssuedPfxmailfabrikamcom\.FileData -Password \$IssuedPasswordmailfabrikamcom\nEnable-ExchangeCertificate -Server 'EXH2' -Thumbprint \$Issuedmailfabrikamcom\.Thumbprint -Services SMTP\nRe-run the Hybrid Configuration Wizard/,
        },
      ],
    },
    {
      name: "the hybrid configuration spells the issuer with other spacing",
      paste: `${hybrid(`<I>${SECTIGO.replace(/, /g, ",")}<S>CN=mail.fabrikam.com`, "EXH1")}\n\n${certs("EXH1", "CN=mail.fabrikam.com", SECTIGO, "1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A")}`,
      expect: [
        {
          messageId: "near",
          server: "EXH1",
          thumbprint: "1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A",
          fix: /Set-HybridConfiguration -TlsCertificateName '<I>CN=Sectigo RSA Domain Validation Secure Server CA, O=Sectigo Limited/,
        },
      ],
    },
  ],
});
