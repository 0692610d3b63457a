import { story } from "../../__stories__/stories";
import { fixture } from "../../parse/test-fixtures";
import { testRule } from "./tester";
import rule from "./tlsname-too-long";

const SUBJECT =
  "CN=mail.contoso-international-holdings.com, OU=Enterprise Messaging Infrastructure Services, OU=Global Information Technology Department, O=Contoso International Holdings Corporation Limited, L=Stockholm, S=Stockholm County, C=SE";
const ISSUER =
  "CN=Contoso International Holdings Issuing Certification Authority 02, OU=Public Key Infrastructure, O=Contoso International Holdings Corporation Limited, C=SE";
const LONG = `<I>${ISSUER}<S>${SUBJECT}`;

const certificates = `[PS] C:\\>Get-ExchangeCertificate -Server HYB01 | Format-List Thumbprint,Subject,Issuer,CertificateDomains,Services

Thumbprint         : 4C5D6E7F8091A2B3C4D5E6F708192A3B4C5D6E7F
Subject            : ${SUBJECT}
Issuer             : ${ISSUER}
CertificateDomains : {mail.contoso-international-holdings.com}
Services           : IIS, SMTP
`;

const receive = (tlsName: string, fqdn: string) => `
[PS] C:\\>Get-ReceiveConnector -Server HYB01 | Format-List Identity,Server,Bindings,Fqdn,TlsCertificateName,TransportRole

Identity           : HYB01\\Default Frontend HYB01
Server             : HYB01
Bindings           : {[::]:25, 0.0.0.0:25}
Fqdn               : ${fqdn}
TlsCertificateName : ${tlsName}
TransportRole      : FrontendTransport
`;

const hybrid = `
[PS] C:\\>Get-HybridConfiguration | Format-List TlsCertificateName,SendingTransportServers,ReceivingTransportServers

TlsCertificateName        : ${LONG}
SendingTransportServers   : {HYB01}
ReceivingTransportServers : {HYB01}
`;

testRule(rule, {
  valid: [
    { name: "healthy hybrid server (a 143-character value)", paste: story("healthy-hybrid") },
    {
      name: "exactly 256 characters",
      paste: receive(`<I>CN=${"a".repeat(256 - "<I>CN=<S>CN=b".length)}<S>CN=b`, "mail.contoso.com"),
    },
  ],
  invalid: [
    {
      name: "sample 17: the HCW's New-SendConnector refused by AD, no configuration pasted",
      paste: fixture("17-hcw-error-new-sendconnector-msexchsmtptlscertificate-len.txt"),
      expect: [
        {
          messageId: "hcw",
          severity: "error",
          basis: "evidence",
          server: "365HYP01",
          message: /msExchSmtpTLSCertificate \(length 552\)/,
          fix: /Get-HybridConfiguration \| Format-List[\s\S]*shorter[\s\S]*Hybrid Configuration Wizard/,
        },
      ],
    },
    {
      name: "the hybrid configuration's long value explains the wizard error",
      paste: certificates + hybrid + fixture("17-hcw-error-new-sendconnector-msexchsmtptlscertificate-len.txt"),
      expect: [
        {
          messageId: "stored",
          basis: "configuration",
          server: undefined,
          message: /the hybrid configuration is 393 characters/,
        },
      ],
    },
    {
      name: "a receive connector whose Fqdn is on the certificate: clear the value and let the Fqdn select it",
      paste: certificates + receive(LONG, "mail.contoso-international-holdings.com"),
      expect: [
        {
          messageId: "stored",
          server: "HYB01",
          connector: "Default Frontend HYB01",
          fix: /Set-ReceiveConnector 'HYB01\\Default Frontend HYB01' -TlsCertificateName \$null[\s\S]*MSExchangeFrontEndTransport/,
        },
      ],
    },
    {
      name: "a receive connector whose Fqdn is not on the certificate: a shorter certificate",
      paste: certificates + receive(LONG, "HYB01.contoso.local"),
      expect: [{ messageId: "stored", fix: /shorter/ }],
    },
    {
      name: "a pasted command with a value that is too long",
      paste: `[PS] C:\\>Set-SendConnector 'Outbound to Office 365 - 7a1c' -TlsCertificateName '${LONG}'\n`,
      expect: [{ messageId: "planned", connector: "Outbound to Office 365 - 7a1c", message: /393 characters/ }],
    },
  ],
});
