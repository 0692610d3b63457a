import { story } from "../../__stories__/stories";
import { fixture } from "../../parse/test-fixtures";
import rule from "./cert-status-invalid";
import { testRule } from "./tester";

const REVOKED = "886843E0A76558D7209FD3945B62A951FD08ECD8";

const certificate = (
  status: string,
) => `[PS] C:\\>Get-ExchangeCertificate -Server EX01 | fl Thumbprint,Subject,Issuer,CertificateDomains,Services,Status

Thumbprint         : ${REVOKED}
Subject            : CN=mail.contoso.com
Issuer             : CN=GeoTrust TLS RSA CA G1, OU=www.digicert.com, O=DigiCert Inc, C=US
CertificateDomains : {mail.contoso.com}
Services           : IIS, SMTP
Status             : ${status}
`;

const frontend = `
[PS] C:\\>Get-ReceiveConnector "EX01\\Default Frontend EX01" | fl Identity,Server,AuthMechanism,Bindings,Fqdn,TlsCertificateName

Identity           : EX01\\Default Frontend EX01
Server             : EX01
AuthMechanism      : Tls, Integrated, BasicAuth, BasicAuthRequireTLS, ExchangeServer
Bindings           : {[::]:25, 0.0.0.0:25}
Fqdn               : EX01.contoso.local
TlsCertificateName : <I>CN=GeoTrust TLS RSA CA G1, OU=www.digicert.com, O=DigiCert Inc, C=US<S>CN=mail.contoso.com
`;

testRule(rule, {
  valid: [
    { name: "healthy hybrid server", paste: story("healthy-hybrid") },
    { name: "Status Valid", paste: certificate("Valid") },
    { name: "Status not in the paste", paste: story("hybrid-cert-not-smtp").replace(/^Status\s+:.*$/gm, "") },
  ],
  invalid: [
    {
      name: "sample 12: Test-Certificate alone shows a revoked certificate with an untrusted root",
      paste: fixture("12-test-certificate-chain-revoked-untrusted.txt"),
      expect: [
        {
          messageId: "chainTest",
          severity: "warning",
          basis: "evidence",
          thumbprint: REVOKED,
          message: /it is revoked, its chain ends in an untrusted root and its revocation status could not be checked/,
          fix: /Get-ExchangeCertificate \| Format-List[\s\S]*cannot be repaired/,
        },
      ],
    },
    {
      name: "the hybrid certificate named by Default Frontend is Revoked, with the chain test pasted",
      paste: certificate("Revoked") + frontend + fixture("12-test-certificate-chain-revoked-untrusted.txt"),
      expect: [
        {
          messageId: "named",
          basis: "configuration",
          server: "EX01",
          thumbprint: REVOKED,
          message:
            /Status Revoked: the certificate authority has revoked it[\s\S]*named by Default Frontend EX01[\s\S]*no STARTTLS/,
          fix: new RegExp(`Test-Certificate -Cert 'Cert:\\\\LocalMachine\\\\My\\\\${REVOKED}'[\\s\\S]*Replace it`),
        },
      ],
    },
    {
      name: "RevocationCheckFailure on an unused certificate",
      paste: certificate("RevocationCheckFailure"),
      expect: [{ messageId: "status", server: "EX01", message: /revocation list/, fix: /CRL and OCSP/ }],
    },
    {
      name: "a chain test contradicting Status Valid is reported from the evidence",
      paste: certificate("Valid") + fixture("12-test-certificate-chain-revoked-untrusted.txt"),
      expect: [
        { messageId: "chainTest", basis: "evidence", server: "EX01", message: /shows it with Status Valid on EX01/ },
      ],
    },
  ],
});
