import { story } from "../../__stories__/stories";
import { fixture } from "../../parse/test-fixtures";
import rule from "./cert-no-private-key";
import { testRule } from "./tester";

const KEYLESS = "6C1D2E3F4A5B6C7D8E9F0A1B2C3D4E5F6A7B8C9D";

const certificates = (
  hasKey: string,
  services = "IIS, SMTP",
) => `[PS] C:\\>Get-ExchangeCertificate -Server S2 | fl Thumbprint,Subject,Issuer,CertificateDomains,Services,IsSelfSigned,HasPrivateKey,Status

Thumbprint         : ${KEYLESS}
Subject            : CN=mail.d2.com
Issuer             : CN=R11, O=Let's Encrypt, C=US
CertificateDomains : {mail.d2.com, autodiscover.d2.com}
Services           : ${services}
IsSelfSigned       : False
HasPrivateKey      : ${hasKey}
Status             : Valid
`;

const connector = `
[PS] C:\\>Get-SendConnector | fl Identity,SourceTransportServers,AddressSpaces,TlsCertificateName

Identity               : Outbound to Office 365 - 2c4d
SourceTransportServers : {S2}
AddressSpaces          : {smtp:d2.mail.onmicrosoft.com;1}
TlsCertificateName     : <I>CN=R11, O=Let's Encrypt, C=US<S>CN=mail.d2.com
`;

/** KB 4495258's send log shape, one field per row. */
const sendLog = `
2019-04-23T08:10:11.123Z,Outbound to Office 365 - 2c4d,08D6C7C1A2B3C4D5,16,,,*,CN=mail.d2.com,Certificate subject
2019-04-23T08:10:11.123Z,Outbound to Office 365 - 2c4d,08D6C7C1A2B3C4D5,17,,,*,"CN=R11, O=Let's Encrypt, C=US",Certificate issuer name
2019-04-23T08:10:11.123Z,Outbound to Office 365 - 2c4d,08D6C7C1A2B3C4D5,18,,,*,,TLS negotiation failed with error NoCredentials
`;

testRule(rule, {
  valid: [
    { name: "healthy hybrid server", paste: story("healthy-hybrid") },
    { name: "a certificate with its key", paste: certificates("True") + connector },
    {
      name: "HasPrivateKey not in the paste is not judged",
      paste: story("client-frontend-587-self-signed").replace(/^HasPrivateKey.*$/gm, ""),
    },
  ],
  invalid: [
    {
      name: "sample 34: Enable-ExchangeCertificate refused with PrivateKeyMissing, no certificate list pasted",
      paste: fixture("34-enable-exchangecertificate-privatekeymissing-wrapped-error.txt"),
      expect: [
        {
          messageId: "evidence",
          severity: "warning",
          basis: "evidence",
          server: "S2",
          thumbprint: undefined,
          message: /failed on S2[\s\S]*PrivateKeyMissing/,
          fix: /Get-ExchangeCertificate -Server 'S2' \| Format-List[\s\S]*Import-ExchangeCertificate -Server S2[\s\S]*-Services SMTP/,
        },
      ],
    },
    {
      name: "the send connector's certificate has no key: an error that explains sample 34 and the NoCredentials log",
      paste:
        certificates("False") +
        connector +
        sendLog +
        fixture("34-enable-exchangecertificate-privatekeymissing-wrapped-error.txt"),
      expect: [
        {
          messageId: "used",
          severity: "error",
          basis: "configuration",
          server: "S2",
          thumbprint: KEYLESS,
          message: /in use \(presented by Outbound to Office 365 - 2c4d; named by Outbound to Office 365 - 2c4d\)/,
          fix: new RegExp(
            `Remove-ExchangeCertificate -Server 'S2' -Thumbprint ${KEYLESS}[\\s\\S]*Enable-ExchangeCertificate -Server 'S2' -Thumbprint ${KEYLESS} -Services SMTP`,
          ),
        },
      ],
    },
    {
      name: "an unused certificate without its key is a warning",
      paste: certificates("False", "None"),
      expect: [{ messageId: "unused", severity: "warning", thumbprint: KEYLESS, message: /\.cer file/ }],
    },
    {
      name: "a NoCredentials send log alone",
      paste: sendLog,
      expect: [
        {
          messageId: "noCredentials",
          basis: "evidence",
          connector: "Outbound to Office 365 - 2c4d",
          message: /KB 4495258/,
        },
      ],
    },
  ],
});
