import { story } from "../../__stories__/stories";
import rule from "./cert-shadowed";
import { testRule } from "./tester";

const PUBLIC = "4A5B6C7D8E9F0A1B2C3D4E5F6A7B8C9D0E1F2A3B";
const INTERNAL_CA = "5B6C7D8E9F0A1B2C3D4E5F6A7B8C9D0E1F2A3B4C";
const WILDCARD = "6C7D8E9F0A1B2C3D4E5F6A7B8C9D0E1F2A3B4C5D";

const cert = (
  thumbprint: string,
  subject: string,
  issuer: string,
  domains: string,
  notBefore: string,
  services = "IIS, SMTP",
) => `Thumbprint         : ${thumbprint}
Subject            : ${subject}
Issuer             : ${issuer}
CertificateDomains : {${domains}}
Services           : ${services}
NotBefore          : ${notBefore}
NotAfter           : 2027-10-01 00:00:00
IsSelfSigned       : False
HasPrivateKey      : True
Status             : Valid
`;

const certificates = (
  ...certs: string[]
) => `[PS] C:\\>Get-ExchangeCertificate -Server EX10 | fl Thumbprint,Subject,Issuer,CertificateDomains,Services,NotBefore,NotAfter,IsSelfSigned,HasPrivateKey,Status

${certs.join("\n")}`;

const frontend = (tlsName: string) => `
[PS] C:\\>Get-ReceiveConnector "EX10\\Default Frontend EX10" | fl Identity,Server,AuthMechanism,Bindings,Fqdn,TlsCertificateName

Identity           : EX10\\Default Frontend EX10
Server             : EX10
AuthMechanism      : Tls, Integrated, BasicAuth, BasicAuthRequireTLS, ExchangeServer
Bindings           : {[::]:25, 0.0.0.0:25}
Fqdn               : mail.contoso.com
TlsCertificateName : ${tlsName}
`;

const publicCert = cert(
  PUBLIC,
  "CN=mail.contoso.com",
  "CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1, O=DigiCert Inc, C=US",
  "mail.contoso.com",
  "2026-09-01 00:00:00",
);
const internalCert = (services = "IIS, SMTP") =>
  cert(
    INTERNAL_CA,
    "CN=mail.contoso.com",
    "CN=Contoso Issuing CA 01, DC=contoso, DC=local",
    "mail.contoso.com, EX10.contoso.local",
    "2025-04-01 00:00:00",
    services,
  );

testRule(rule, {
  valid: [
    { name: "healthy hybrid server", paste: story("healthy-hybrid") },
    { name: "the port-587 story (one CA certificate)", paste: story("client-frontend-587-self-signed") },
    {
      name: "a second certificate not enabled for SMTP is not a contender",
      paste: certificates(publicCert, internalCert("IIS")) + frontend(""),
    },
  ],
  invalid: [
    {
      name: "an internal-CA certificate for the same name loses to the newer public one",
      paste: certificates(publicCert, internalCert()) + frontend(""),
      expect: [
        {
          messageId: "shadowed",
          severity: "info",
          server: "EX10",
          connector: "Default Frontend EX10",
          thumbprint: INTERNAL_CA,
          message: new RegExp(
            `covers the name of 'Default Frontend EX10'[\\s\\S]*CN=mail\\.contoso\\.com \\(${PUBLIC}\\) takes precedence \\(older NotBefore`,
          ),
        },
      ],
    },
    {
      name: "a certificate covering the Fqdn is unused because TlsCertificateName names another",
      paste:
        certificates(
          publicCert,
          cert(
            WILDCARD,
            "CN=*.contoso.com",
            "CN=R11, O=Let's Encrypt, C=US",
            "*.contoso.com, contoso.com",
            "2026-10-01 00:00:00",
            "SMTP",
          ),
        ) + frontend("<I>CN=R11, O=Let's Encrypt, C=US<S>CN=*.contoso.com"),
      expect: [
        {
          messageId: "shadowed",
          thumbprint: PUBLIC,
          message: /CN=\*\.contoso\.com \([0-9A-F]+\) takes precedence \(the connector's TlsCertificateName names it/,
        },
      ],
    },
  ],
});
