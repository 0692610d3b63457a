import { story } from "../../__stories__/stories";
import { fixture } from "../../parse/test-fixtures";
import rule from "./starttls-unavailable";
import { testRule } from "./tester";

const connector = (
  auth: string,
  fqdn: string,
  tlsName = "",
) => `[PS] C:\\>Get-ReceiveConnector -Server EX05 | fl Identity,Server,AuthMechanism,Bindings,Fqdn,TlsCertificateName,TransportRole

Identity           : EX05\\Default Frontend EX05
Server             : EX05
AuthMechanism      : ${auth}
Bindings           : {[::]:25, 0.0.0.0:25}
Fqdn               : ${fqdn}
TlsCertificateName : ${tlsName}
TransportRole      : FrontendTransport
`;

const certificates = `
[PS] C:\\>Get-ExchangeCertificate -Server EX05 | fl Thumbprint,Subject,Issuer,CertificateDomains,Services,IsSelfSigned,HasPrivateKey,Status,NotBefore,NotAfter

Thumbprint         : 11223344556677889900AABBCCDDEEFF00112233
Subject            : CN=EX05
Issuer             : CN=EX05
CertificateDomains : {EX05, EX05.tailspin.local}
Services           : IMAP, POP, IIS, SMTP
IsSelfSigned       : True
HasPrivateKey      : True
Status             : Valid
NotBefore          : 1/5/2025 3:00:00 PM
NotAfter           : 1/5/2030 3:00:00 PM
`;

testRule(rule, {
  valid: [
    { name: "healthy hybrid server", paste: story("healthy-hybrid") },
    {
      name: "FQDN covered by the self-signed certificate",
      paste: connector("Tls, ExchangeServer", "EX05.tailspin.local") + certificates,
    },
    {
      name: "AuthMechanism without Tls has its own finding",
      paste: connector("ExchangeServer", "mail.tailspin.com") + certificates,
    },
  ],
  invalid: [
    {
      name: "KB 2989382: stale TlsCertificateName, no STARTTLS",
      paste: story("stale-tlsname-after-renewal"),
      expect: [{ messageId: "noCertificate", severity: "error", server: "EX01", connector: "Default Frontend EX01" }],
    },
    {
      name: "no certificate covers the connector's FQDN",
      paste: connector("Tls, BasicAuth, BasicAuthRequireTLS", "mail.tailspin.com") + certificates,
      expect: [{ messageId: "noCertificate", server: "EX05", message: /mail\.tailspin\.com/ }],
    },
    {
      name: "event 12014 pasted alone (sample 04)",
      paste: fixture("04-event-12014-edge-fqdn-mismatch.txt"),
      expect: [
        {
          messageId: "fromEvidence",
          basis: "evidence",
          server: "mailgate",
          connector: "Default internal receive connector MAILGATE",
          fix: /Get-ReceiveConnector -Server 'mailgate' \| Format-List[\s\S]*Get-ExchangeCertificate -Server 'mailgate'/,
        },
      ],
    },
    {
      name: "EHLO on port 25 without STARTTLS while 587 offers it (sample 05)",
      paste: fixture("05-ehlo-587-vs-25-starttls-missing.txt"),
      expect: [{ messageId: "fromEvidence", basis: "evidence", message: /port 25/ }],
    },
    {
      name: "certificates of the server not pasted: says what to paste",
      paste: connector("Tls", "mail.tailspin.com"),
      expect: [
        { messageId: "cannotTell", severity: "info", fix: /Get-ExchangeCertificate -Server 'EX05' \| Format-List/ },
      ],
    },
  ],
});
