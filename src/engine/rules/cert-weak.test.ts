import { readFileSync } from "node:fs";
import { story } from "../../__stories__/stories";
import rule from "./cert-weak";
import { testRule } from "./tester";

const pem = (name: string) => readFileSync(new URL(`../../x509/__fixtures__/${name}`, import.meta.url), "utf8");

const LEGACY = "9A8B7C6D5E4F3A2B1C0D9E8F7A6B5C4D3E2F1A0B";
const CA = "3F4E5D6C7B8A9F0E1D2C3B4A5F6E7D8C9B0A1F2E";

/** An Exchange 2010-era server: 1024-bit self-signed certificate, SHA-1, still the internal transport certificate. */
const legacy = `[PS] C:\\>Get-ExchangeCertificate -Server EX2010 | fl Thumbprint,Subject,Issuer,Services,IsSelfSigned,PublicKeySize,@{n='SignatureAlgorithm';e={$_.SignatureAlgorithm.FriendlyName}}

Thumbprint         : ${LEGACY}
Subject            : CN=EX2010
Issuer             : CN=EX2010
Services           : IMAP, POP, IIS, SMTP
IsSelfSigned       : True
PublicKeySize      : 1024
SignatureAlgorithm : sha1RSA

Thumbprint         : ${CA}
Subject            : CN=mail.litware.com
Issuer             : CN=Litware Issuing CA 01, DC=litware, DC=local
Services           : IIS, SMTP
IsSelfSigned       : False
PublicKeySize      : 2048
SignatureAlgorithm : sha1RSA

[PS] C:\\>Get-TransportService EX2010 | fl Name,InternalTransportCertificateThumbprint

Name                                   : EX2010
InternalTransportCertificateThumbprint : ${LEGACY}

[PS] C:\\>Get-ReceiveConnector "EX2010\\Default Frontend EX2010" | fl Identity,Server,AuthMechanism,Bindings,Fqdn,TlsCertificateName

Identity           : EX2010\\Default Frontend EX2010
Server             : EX2010
AuthMechanism      : Tls, Integrated, BasicAuth, BasicAuthRequireTLS, ExchangeServer
Bindings           : {[::]:25, 0.0.0.0:25}
Fqdn               : mail.litware.com
TlsCertificateName :
`;

testRule(rule, {
  valid: [
    { name: "healthy hybrid server (2048-bit keys)", paste: story("healthy-hybrid") },
    { name: "an ECC P-256 key is not size-checked", paste: pem("ec-p256.pem") },
    { name: "a CA chain with SHA-256/384 signatures and 2048+ bit keys", paste: pem("chain-leaf-ca.pem") },
  ],
  invalid: [
    {
      name: "a 1024-bit SHA-1 self-signed internal transport certificate and a SHA-1 CA certificate in use",
      paste: legacy,
      expect: [
        {
          messageId: "installed",
          severity: "warning",
          server: "EX2010",
          thumbprint: LEGACY,
          message:
            /a 1024-bit key \(HealthChecker's minimum for RSA keys is 2048 bits\) and a weak signature algorithm \(sha1RSA\)[\s\S]*in use \(the internal transport certificate\)/,
          fix: /New-ExchangeCertificate -Server 'EX2010'/,
        },
        {
          messageId: "installed",
          server: "EX2010",
          thumbprint: CA,
          message:
            /^CN=mail\.litware\.com \([0-9A-F]+\) on EX2010 has a weak signature algorithm \(sha1RSA\)\. [\s\S]*presented by Default Frontend EX2010/,
          // A 2048-bit key is renewed as it is: only the CA's signature needs to change.
          fix: /^(?![\s\S]*KeySize)Renew CN=mail\.litware\.com[\s\S]*it has a weak signature algorithm[\s\S]*-GenerateRequest -RequestFile \$CertificateRequest3F4E5D6C$/m,
        },
      ],
    },
    {
      name: "a CA certificate with a 1024-bit key in use: its renewal asks for a 2048-bit key",
      paste: legacy.replace(/(Subject {12}: CN=mail\.litware\.com[\s\S]*?PublicKeySize {6}: )2048/, "$11024"),
      expect: [
        { messageId: "installed", thumbprint: LEGACY },
        {
          messageId: "installed",
          thumbprint: CA,
          message: /a 1024-bit key \(HealthChecker's minimum for RSA keys is 2048 bits\)/,
          fix: /same subject and names, a 2048-bit key[\s\S]*New-ExchangeCertificate -Server 'EX2010' -GenerateRequest -RequestFile \$CertificateRequest3F4E5D6C -KeySize 2048/,
        },
      ],
    },
    {
      name: "a pasted PEM certificate with a 1024-bit key (its self-signature is not judged)",
      paste: pem("legacy-rsa1024-sha1.pem"),
      expect: [
        {
          messageId: "pasted",
          server: undefined,
          message:
            /has a 1024-bit key \(HealthChecker's minimum for RSA keys is 2048 bits\), which HealthChecker would flag/,
        },
      ],
    },
  ],
});
