import { story } from "../../__stories__/stories";
import { testRule } from "./tester";
import rule from "./tlsname-ambiguous";

const ISSUER = "CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1, O=DigiCert Inc, C=US";
const SUBJECT = "CN=mail.tailspintoys.com, O=Tailspin Toys, L=Seattle, S=Washington, C=US";

const cert = (
  thumbprint: string,
  notBefore: string,
  notAfter: string,
  issuer = ISSUER,
) => `Thumbprint         : ${thumbprint}
Subject            : ${SUBJECT}
Issuer             : ${issuer}
CertificateDomains : {mail.tailspintoys.com}
Services           : IIS, SMTP
NotBefore          : ${notBefore}
NotAfter           : ${notAfter}
IsSelfSigned       : False
HasPrivateKey      : True
Status             : Valid
`;

const certificates = (
  ...certs: string[]
) => `[PS] C:\\>Get-ExchangeCertificate -Server EX04 | Format-List Thumbprint,Subject,Issuer,CertificateDomains,Services,NotBefore,NotAfter,IsSelfSigned,HasPrivateKey,Status

${certs.join("\n")}`;

const connectors = `
[PS] C:\\>Get-ReceiveConnector "EX04\\Default Frontend EX04" | Format-List Identity,Server,AuthMechanism,Bindings,Fqdn,TlsCertificateName,TransportRole

Identity           : EX04\\Default Frontend EX04
Server             : EX04
AuthMechanism      : Tls, Integrated, BasicAuth, BasicAuthRequireTLS, ExchangeServer
Bindings           : {[::]:25, 0.0.0.0:25}
Fqdn               : EX04.tailspin.local
TlsCertificateName : <I>${ISSUER}<S>${SUBJECT}
TransportRole      : FrontendTransport

[PS] C:\\>Get-SendConnector | Format-List Identity,SourceTransportServers,TlsCertificateName

Identity               : Outbound to Office 365 - 8e2f
SourceTransportServers : {EX04}
TlsCertificateName     : <I>${ISSUER}<S>${SUBJECT}
`;

const OLD = "1111222233334444555566667777888899990000";
const NEW = "AAAABBBBCCCCDDDDEEEEFFFF0000111122223333";

testRule(rule, {
  valid: [
    { name: "healthy hybrid server (one certificate matches)", paste: story("healthy-hybrid") },
    {
      name: "renewed from another CA: only one certificate has the named issuer",
      paste:
        certificates(
          cert(OLD, "3/1/2025 12:00:00 AM", "3/1/2026 11:59:59 PM"),
          cert(NEW, "2/15/2026 12:00:00 AM", "2/15/2027 11:59:59 PM", "CN=R11, O=Let's Encrypt, C=US"),
        ) + connectors,
    },
  ],
  invalid: [
    {
      name: "a normal renewal kept next to the old certificate: both rules pick the new one",
      paste:
        certificates(
          cert(OLD, "3/1/2025 12:00:00 AM", "3/1/2026 11:59:59 PM"),
          cert(NEW, "2/15/2026 12:00:00 AM", "2/15/2027 11:59:59 PM"),
        ) + connectors,
      expect: [
        {
          messageId: "agreed",
          severity: "info",
          server: "EX04",
          connector: "Default Frontend EX04",
          thumbprint: NEW,
          message: /^2 certificates on EX04[\s\S]*Exchange uses CN=mail\.tailspintoys\.com[^(]*\(AAAABBBB/,
        },
        { messageId: "agreed", server: "EX04", connector: "Outbound to Office 365 - 8e2f", thumbprint: NEW },
      ],
    },
    {
      name: "a re-issue with an earlier NotAfter: the NotAfter rule would pick the other one",
      paste:
        certificates(
          cert(OLD, "1/10/2026 12:00:00 AM", "1/10/2027 11:59:59 PM"),
          cert(NEW, "3/1/2026 12:00:00 AM", "12/31/2026 11:59:59 PM"),
        ) + connectors,
      expect: [
        {
          messageId: "caveat",
          server: "EX04",
          connector: "Default Frontend EX04",
          thumbprint: NEW,
          message: /newest NotBefore[\s\S]*latest NotAfter, which would be 1111222233334444555566667777888899990000/,
        },
        { messageId: "caveat", connector: "Outbound to Office 365 - 8e2f", thumbprint: NEW },
      ],
    },
  ],
});
