import { story } from "../../__stories__/stories";
import rule from "./input-ambiguous";
import { testRule } from "./tester";

const A = "7A8B9C0D1E2F3A4B5C6D7E8F9A0B1C2D3E4F5A6B";
const B = "8B9C0D1E2F3A4B5C6D7E8F9A0B1C2D3E4F5A6B7C";

/** Dates on a 12-hour clock with day and month both ≤ 12: nothing in the paste says which comes first. */
const cert = (thumbprint: string, notBefore: string, notAfter: string) => `Thumbprint         : ${thumbprint}
Subject            : CN=mail.contoso.com
Issuer             : CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1, O=DigiCert Inc, C=US
CertificateDomains : {mail.contoso.com}
Services           : IIS, SMTP
NotBefore          : ${notBefore}
NotAfter           : ${notAfter}
IsSelfSigned       : False
HasPrivateKey      : True
Status             : Valid
`;

const certificates = (
  ...certs: string[]
) => `[PS] C:\\>Get-ExchangeCertificate -Server EX11 | fl Thumbprint,Subject,Issuer,CertificateDomains,Services,NotBefore,NotAfter,IsSelfSigned,HasPrivateKey,Status

${certs.join("\n")}`;

const frontend = (tlsCertificateName = "") => `
[PS] C:\\>Get-ReceiveConnector "EX11\\Default Frontend EX11" | fl Identity,Server,AuthMechanism,Bindings,Fqdn,TlsCertificateName

Identity           : EX11\\Default Frontend EX11
Server             : EX11
AuthMechanism      : Tls, Integrated, BasicAuth, BasicAuthRequireTLS, ExchangeServer
Bindings           : {[::]:25, 0.0.0.0:25}
Fqdn               : mail.contoso.com
TlsCertificateName : ${tlsCertificateName}
`;

testRule(rule, {
  valid: [
    { name: "healthy hybrid server: the day-first order is decided by 15/01/2024", paste: story("healthy-hybrid") },
    {
      name: "both readings expired: the verdict does not depend on it",
      paste: certificates(cert(A, "03/04/2022 1:00:00 PM", "03/04/2024 1:00:00 PM")),
    },
    {
      name: "both readings more than 60 days away",
      paste: certificates(cert(A, "03/04/2026 1:00:00 PM", "05/06/2028 1:00:00 PM")),
    },
  ],
  invalid: [
    {
      name: "expired under one reading, expiring under the other",
      paste: certificates(cert(A, "03/04/2025 1:00:00 PM", "12/01/2026 1:00:00 PM")),
      expect: [
        {
          messageId: "date",
          severity: "info",
          server: "EX11",
          thumbprint: A,
          message:
            /NotAfter of CN=mail\.contoso\.com[\s\S]*“12\/01\/2026 1:00:00 PM”[\s\S]*between 2026-01-12 and 2026-12-01[\s\S]*read as 2026-01-12 it expired 315 days before 2026-11-24, read as 2026-12-01 it expires in 7 days/,
          fix: /NotAfter\.ToString\('o'\)/,
        },
      ],
    },
    {
      name: "expiring within 60 days under one reading only",
      paste: certificates(cert(A, "03/04/2025 1:00:00 PM", "01/02/2027 1:00:00 PM")),
      expect: [
        {
          messageId: "date",
          message: /read as 2027-01-02 it expires in 39 days \(under 60\), read as 2027-02-01 it has 69 days left/,
        },
      ],
    },
    {
      name: "which of two certificates Default Frontend presents depends on how NotBefore is read",
      paste:
        certificates(
          cert(A, "03/04/2026 1:00:00 PM", "2027-10-01 00:00:00"),
          cert(B, "04/03/2026 1:00:00 PM", "2027-10-01 00:00:00"),
        ) + frontend(),
      expect: [
        {
          messageId: "date",
          thumbprint: A,
          message: /^NotBefore of [\s\S]*which certificate 'Default Frontend EX11' presents depends on it/,
        },
        {
          messageId: "date",
          thumbprint: B,
          message: /^NotBefore of [\s\S]*which certificate 'Default Frontend EX11' presents depends on it/,
        },
      ],
    },
    {
      name: "TlsCertificateName matches two: NotBefore decides, but the NotAfter rule's pick depends on how NotAfter is read",
      paste:
        certificates(
          cert(B, "2026-01-01 00:00:00", "2027-03-20 00:00:00"),
          cert(A, "2026-06-01 00:00:00", "03/04/2027 1:00:00 PM"),
        ) + frontend("<I>CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1, O=DigiCert Inc, C=US<S>CN=mail.contoso.com"),
      expect: [
        {
          messageId: "date",
          thumbprint: A,
          message: /^NotAfter of [\s\S]*which certificate 'Default Frontend EX11' presents depends on it/,
        },
      ],
    },
  ],
});
