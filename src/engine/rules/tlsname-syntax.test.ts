import { story } from "../../__stories__/stories";
import { fixture } from "../../parse/test-fixtures";
import { testRule } from "./tester";
import rule from "./tlsname-syntax";

/** The two certificates of the port-587 story (EX02): a Let's Encrypt wildcard and the self-signed one. */
const certificates = `[PS] C:\\>Get-ExchangeCertificate -Server EX02 | Format-List Thumbprint,Subject,Issuer,CertificateDomains,Services,NotBefore,NotAfter,IsSelfSigned,HasPrivateKey,Status

Thumbprint         : 7E6F5A4B3C2D1E0F9A8B7C6D5E4F3A2B1C0D9E8F
Subject            : CN=*.northwind.com
Issuer             : CN=R11, O=Let's Encrypt, C=US
CertificateDomains : {*.northwind.com, northwind.com}
Services           : IIS, SMTP
NotBefore          : 10/2/2026 8:14:07 AM
NotAfter           : 12/31/2026 8:14:06 AM
IsSelfSigned       : False
HasPrivateKey      : True
Status             : Valid

Thumbprint         : 3C2B1A0F9E8D7C6B5A4F3E2D1C0B9A8F7E6D5C4B
Subject            : CN=EX02
Issuer             : CN=EX02
CertificateDomains : {EX02, EX02.corp.northwind.local}
Services           : IMAP, POP, IIS, SMTP
NotBefore          : 2/3/2023 4:05:06 PM
NotAfter           : 2/3/2028 4:05:06 PM
IsSelfSigned       : True
HasPrivateKey      : True
Status             : Valid
`;

const receive = (tlsName: string) => `
[PS] C:\\>Get-ReceiveConnector -Server EX02 | Format-List Identity,Server,Bindings,AuthMechanism,Fqdn,TlsCertificateName,TransportRole

Identity           : EX02\\Default Frontend EX02
Server             : EX02
Bindings           : {[::]:25, 0.0.0.0:25}
AuthMechanism      : Tls, Integrated, BasicAuth, BasicAuthRequireTLS, ExchangeServer
Fqdn               : smtp.northwind.com
TlsCertificateName : ${tlsName}
TransportRole      : FrontendTransport
`;

const send = (tlsName: string) => `
[PS] C:\\>Get-SendConnector | Format-List Identity,SourceTransportServers,AddressSpaces,Fqdn,TlsCertificateName

Identity               : Internet mail
SourceTransportServers : {EX02}
AddressSpaces          : {SMTP:*;1}
Fqdn                   : smtp.northwind.com
TlsCertificateName     : ${tlsName}
`;

const hybrid = (tlsName: string) => `
[PS] C:\\>Get-HybridConfiguration | Format-List TlsCertificateName,ReceivingTransportServers,SendingTransportServers

TlsCertificateName        : ${tlsName}
ReceivingTransportServers : {EX02}
SendingTransportServers   : {EX02}
`;

const planned = (command: string) => `${certificates}
[PS] C:\\>${command}
`;

const WILDCARD = "7E6F5A4B3C2D1E0F9A8B7C6D5E4F3A2B1C0D9E8F";
const FIXED =
  /Set-ReceiveConnector 'EX02\\Default Frontend EX02' -TlsCertificateName '<I>CN=R11, O=Let''s Encrypt, C=US<S>CN=\*\.northwind\.com'/;

testRule(rule, {
  valid: [
    { name: "healthy hybrid server", paste: story("healthy-hybrid") },
    {
      name: "lower-case tags are accepted",
      paste: certificates + receive("<i>CN=R11, O=Let's Encrypt, C=US<s>CN=*.northwind.com"),
    },
    {
      name: "a quoted RDN value is DN syntax, not a stray quote",
      paste: receive(
        '<I>CN=Go Daddy Secure Certificate Authority - G2, O="GoDaddy.com, Inc.", L=Scottsdale, S=Arizona, C=US<S>CN=mail.northwind.com',
      ),
    },
    {
      name: "a value cut by the console is TLSNAME_TRUNCATED's, not a syntax error (sample 31)",
      paste: fixture("31-gethybridconfiguration-wrapped-truncated-tlscertname-ru-dates.txt"),
    },
    {
      name: "a pasted command with the documented run-time recipe",
      paste: planned(
        `Set-ReceiveConnector "EX02\\Client Frontend EX02" -TlsCertificateName "<I>$($c.Issuer)<S>$($c.Subject)"`,
      ),
    },
    {
      name: "a pasted command passing a variable",
      paste: planned("Set-SendConnector 'Internet mail' -TlsCertificateName $TLSCertName"),
    },
    {
      name: "a pasted command clearing the value",
      paste: planned(`Set-ReceiveConnector "EX02\\Default Frontend EX02" -TlsCertificateName $null`),
    },
    {
      name: "a pasted command with straight quotes and a well-formed value",
      paste: planned(
        `Set-ReceiveConnector 'EX02\\Client Frontend EX02' -TlsCertificateName '<I>CN=R11, O=Let''s Encrypt, C=US<S>CN=*.northwind.com'`,
      ),
    },
  ],
  invalid: [
    {
      name: "[I]…[S]… from the 2013 help, rebuilt from the certificate it means",
      paste: certificates + receive("[I]CN=R11, O=Let's Encrypt, C=US[S]CN=*.northwind.com"),
      expect: [
        {
          messageId: "receive",
          severity: "error",
          server: "EX02",
          connector: "Default Frontend EX02",
          thumbprint: WILDCARD,
          message: /square brackets[\s\S]*no STARTTLS[\s\S]*evidently means CN=\*\.northwind\.com/,
          fix: FIXED,
        },
      ],
    },
    {
      name: "issuer and subject run together (tags lost to HTML)",
      paste: certificates + receive("CN=R11, O=Let's Encrypt, C=USCN=*.northwind.com"),
      expect: [{ messageId: "receive", thumbprint: WILDCARD, message: /run together/, fix: FIXED }],
    },
    {
      name: "send connector with the tags reversed and RDNs re-spaced",
      paste: certificates + send("<S>CN=*.northwind.com<I>CN=R11,O=Let's Encrypt,C=US"),
      expect: [
        {
          messageId: "send",
          server: "EX02",
          connector: "Internet mail",
          thumbprint: WILDCARD,
          message: /reversed[\s\S]*454 4\.7\.5/,
          fix: /Set-SendConnector 'Internet mail' -TlsCertificateName '<I>CN=R11, O=Let''s Encrypt, C=US<S>CN=\*\.northwind\.com'[\s\S]*MSExchangeTransport/,
        },
      ],
    },
    {
      name: "hybrid configuration with a closing </S> from a blog",
      paste: certificates + hybrid("<I>CN=R11, O=Let's Encrypt, C=US<S>CN=*.northwind.com</S>"),
      expect: [
        {
          messageId: "hybrid",
          server: undefined,
          connector: undefined,
          thumbprint: WILDCARD,
          message: /closing tag/,
          fix: /Set-HybridConfiguration -TlsCertificateName '<I>CN=R11, O=Let''s Encrypt, C=US<S>CN=\*\.northwind\.com'[\s\S]*Hybrid Configuration Wizard/,
        },
      ],
    },
    {
      name: "no certificate nearly matches: the documented recipe and what to paste",
      paste: certificates + receive("[I]CN=Sectigo RSA Domain Validation Secure Server CA[S]CN=mail.fabrikam.com"),
      expect: [
        {
          messageId: "receive",
          thumbprint: undefined,
          message: /No installed certificate nearly matches[\s\S]*Get-ExchangeCertificate -Thumbprint/,
          fix: /Get-ExchangeCertificate -Server 'EX02' \| Format-List/,
        },
      ],
    },
    {
      name: "pasted command with typographic quotes around the value",
      paste: planned(
        "Set-ReceiveConnector 'EX02\\Client Frontend EX02' -TlsCertificateName “<I>CN=R11, O=Let's Encrypt, C=US<S>CN=*.northwind.com”",
      ),
      expect: [
        {
          messageId: "typographic",
          server: "EX02",
          connector: "Client Frontend EX02",
          thumbprint: WILDCARD,
          message: /“ ”/,
          fix: /Set-ReceiveConnector 'EX02\\Client Frontend EX02' -TlsCertificateName '<I>CN=R11, O=Let''s Encrypt, C=US<S>CN=\*\.northwind\.com'/,
        },
      ],
    },
    {
      name: "pasted command with a missing <S> and typographic quotes",
      paste: planned(
        "Set-ReceiveConnector 'EX02\\Client Frontend EX02' -TlsCertificateName ‘<I>CN=R11, O=Let’’s Encrypt, C=US CN=*.northwind.com’",
      ),
      expect: [{ messageId: "planned", server: "EX02", message: /<S> tag[\s\S]*also wrapped in typographic quotes/ }],
    },
    {
      name: "pasted command without quotes: PowerShell splits the value at the commas",
      paste: planned(
        "Set-ReceiveConnector 'EX02\\Client Frontend EX02' -TlsCertificateName <I>CN=R11,O=Contoso,C=US<S>CN=mail.northwind.com",
      ),
      expect: [{ messageId: "unquoted", server: "EX02", connector: "Client Frontend EX02", message: /3 pieces/ }],
    },
    {
      name: "pasted recipe that lost its tags",
      paste: planned(`Set-SendConnector "Internet mail" -TlsCertificateName "$($c.Issuer)$($c.Subject)"`),
      expect: [{ messageId: "expression", connector: "Internet mail", message: /run together/ }],
    },
  ],
});
