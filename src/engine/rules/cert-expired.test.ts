import { story } from "../../__stories__/stories";
import rule from "./cert-expired";
import { testRule } from "./tester";

/** A 12-hour clock with day and month both ≤ 12: the paste cannot say which comes first. */
const undecided = (
  notAfter: string,
) => `[PS] C:\\>Get-ExchangeCertificate -Server EX06 | fl Thumbprint,Subject,Issuer,Services,NotBefore,NotAfter,IsSelfSigned

Thumbprint   : 0123456789ABCDEF0123456789ABCDEF01234567
Subject      : CN=smtp.fourthcoffee.com
Issuer       : CN=Sectigo RSA Domain Validation Secure Server CA, O=Sectigo Limited, L=Salford, S=Greater Manchester, C=GB
Services     : IIS
NotBefore    : 03/04/2022 1:00:00 PM
NotAfter     : ${notAfter}
IsSelfSigned : False
`;

const DIGICERT = "CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1, O=DigiCert Inc, C=US";

testRule(rule, {
  valid: [
    { name: "healthy hybrid server", paste: story("healthy-hybrid") },
    {
      name: "the 587 story before its Let's Encrypt certificate expires",
      paste: story("client-frontend-587-self-signed"),
    },
    {
      name: "an undecided date that is expired under one reading only gives no verdict (INPUT_AMBIGUOUS says so)",
      paste: undecided("12/01/2026 1:00:00 PM"),
    },
  ],
  invalid: [
    {
      name: "KB 2989382 story two years on: the expired internal certificate, the old certificate and the Auth certificate",
      paste: story("stale-tlsname-after-renewal"),
      asOf: "2028-11-23",
      expect: [
        {
          messageId: "internal",
          severity: "error",
          server: "EX01",
          thumbprint: "2B7C4E91D0A3F5E6C7B8A9D0E1F2A3B4C5D6E7F8",
          message: /expired on 2028-06-14, 161 days before 2028-11-23[\s\S]*DEFAULT_CERT_MISSING/,
        },
        {
          messageId: "unused",
          severity: "warning",
          thumbprint: "6A1F8D33B0C2E1F4A5968776C3D2E1F0A9B8C7D6",
          message: /Nothing in the paste uses it; remove it once you are sure nothing else does/,
        },
        { messageId: "auth", severity: "warning", thumbprint: "9D4E2A7F1C3B5D6E8F0A1B2C3D4E5F6A7B8C9D0E" },
      ],
    },
    {
      name: "the certificate the Default Frontend presents has expired: an error, renewed before removal",
      paste: story("client-frontend-587-self-signed").replace("CN=R11, O=Let's Encrypt, C=US", DIGICERT),
      asOf: "2027-01-15",
      expect: [
        {
          messageId: "used",
          severity: "error",
          server: "EX02",
          thumbprint: "7E6F5A4B3C2D1E0F9A8B7C6D5E4F3A2B1C0D9E8F",
          message: /14 days before 2027-01-15, and is in use \(presented by Default Frontend EX02\)/,
          fix: /Renew CN=\*\.northwind\.com[\s\S]*Get-ExchangeCertificate -Server 'EX02' -Thumbprint 7E6F5A4B3C2D1E0F9A8B7C6D5E4F3A2B1C0D9E8F \| New-ExchangeCertificate -Server 'EX02' -GenerateRequest -RequestFile \$CertificateRequest7E6F5A4B[\s\S]*\$Issued7E6F5A4B = Import-ExchangeCertificate -Server 'EX02' -FileData \(\[System\.IO\.File\]::ReadAllBytes\(\$IssuedFile7E6F5A4B\)\)\nEnable-ExchangeCertificate -Server 'EX02' -Thumbprint \$Issued7E6F5A4B\.Thumbprint -Services SMTP,IIS[\s\S]*Remove-ExchangeCertificate -Server 'EX02' -Thumbprint 7E6F5A4B3C2D1E0F9A8B7C6D5E4F3A2B1C0D9E8F/,
        },
      ],
    },
    {
      name: "an expired Let's Encrypt certificate is renewed by the ACME client, and its issuer may change",
      paste: story("client-frontend-587-self-signed"),
      asOf: "2027-01-15",
      expect: [
        {
          messageId: "used",
          thumbprint: "7E6F5A4B3C2D1E0F9A8B7C6D5E4F3A2B1C0D9E8F",
          fix: /^Renew CN=\*\.northwind\.com \(7E6F5A4B3C2D1E0F9A8B7C6D5E4F3A2B1C0D9E8F\) on EX02 \(it has expired\) with your ACME client[^\n]*the renewal's issuer may not be CN=R11, O=Let's Encrypt, C=US: every TlsCertificateName that names this certificate must then be pointed at the renewal[^\n]*\nRemove CN=\*\.northwind\.com[^\n]*\nRemove-ExchangeCertificate -Server 'EX02' -Thumbprint 7E6F5A4B3C2D1E0F9A8B7C6D5E4F3A2B1C0D9E8F$/,
        },
      ],
    },
    {
      name: "one certificate on two servers expired: renewed once on the first and copied to the second",
      paste: story("two-server-hybrid-renewal").replaceAll("CN=R10, O=Let's Encrypt, C=US", DIGICERT),
      asOf: "2026-11-24",
      expect: [
        {
          // The first holder's fix: the request and the import there, and no copy.
          messageId: "used",
          server: "EX01",
          thumbprint: "3E7A1C9B5D2F4E6A8C0B1D3F5A7C9E2B4D6F8A0C",
          fix: /^(?![\s\S]*Export-ExchangeCertificate)[\s\S]*New-ExchangeCertificate -Server 'EX01' -GenerateRequest -RequestFile \$CertificateRequest3E7A1C9B -PrivateKeyExportable:\$true[\s\S]*Enable-ExchangeCertificate -Server 'EX01' -Thumbprint \$Issued3E7A1C9B\.Thumbprint -Services SMTP,IIS\nRemove/,
        },
        {
          // The second's: the same request on EX01 (so the plan shows it once), then the copy to EX02.
          messageId: "used",
          server: "EX02",
          thumbprint: "3E7A1C9B5D2F4E6A8C0B1D3F5A7C9E2B4D6F8A0C",
          fix: /New-ExchangeCertificate -Server 'EX01' -GenerateRequest -RequestFile \$CertificateRequest3E7A1C9B -PrivateKeyExportable:\$true[\s\S]*Import-ExchangeCertificate -Server 'EX01' -FileData \(\[System\.IO\.File\]::ReadAllBytes[\s\S]*from EX01 to EX02 and enable it there for SMTP and IIS[\s\S]*Export-ExchangeCertificate -Server 'EX01' -Thumbprint \$Issued3E7A1C9B\.Thumbprint -BinaryEncoded -Password \$IssuedPassword3E7A1C9B\nImport-ExchangeCertificate -Server 'EX02' -FileData \$IssuedPfx3E7A1C9B\.FileData -Password \$IssuedPassword3E7A1C9B\nEnable-ExchangeCertificate -Server 'EX02' -Thumbprint \$Issued3E7A1C9B\.Thumbprint -Services SMTP,IIS\nRemove/,
        },
      ],
    },
    {
      name: "an undecided date that is expired under both readings",
      paste: undecided("03/04/2024 1:00:00 PM"),
      expect: [
        { messageId: "unused", server: "EX06", message: /expired on 2024-03-04 or 2024-04-03, 964 days before/ },
      ],
    },
  ],
});
