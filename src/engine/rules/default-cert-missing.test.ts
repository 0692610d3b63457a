import { story } from "../../__stories__/stories";
import rule from "./default-cert-missing";
import { eventText } from "./lib/test-event";
import { testRule } from "./tester";

const transport = (
  server: string,
  thumbprint: string,
) => `[PS] C:\\Windows\\system32>Get-TransportService ${server} | fl Name,InternalTransportCertificateThumbprint

Name                                   : ${server}
InternalTransportCertificateThumbprint : ${thumbprint}
`;

const CERTIFICATES = `[PS] C:\\Windows\\system32>Get-ExchangeCertificate -Server EX07 | fl Thumbprint,Subject,Issuer,Services,IsSelfSigned,NotAfter,HasPrivateKey,Status

Thumbprint    : 3A3A3A3A3A3A3A3A3A3A3A3A3A3A3A3A3A3A3A3A
Subject       : CN=EX07
Issuer        : CN=EX07
Services      : IMAP, POP, IIS, SMTP
IsSelfSigned  : True
NotAfter      : 2026-03-01 10:00:00
HasPrivateKey : True
Status        : Valid

Thumbprint    : 4B4B4B4B4B4B4B4B4B4B4B4B4B4B4B4B4B4B4B4B
Subject       : CN=mail.contoso.com
Issuer        : CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1, O=DigiCert Inc, C=US
Services      : IIS, SMTP
IsSelfSigned  : False
NotAfter      : 2027-05-01 10:00:00
HasPrivateKey : True
Status        : Valid
`;

const WITH_NEW_SELF_SIGNED = `${CERTIFICATES}
Thumbprint    : 6C6C6C6C6C6C6C6C6C6C6C6C6C6C6C6C6C6C6C6C
Subject       : CN=EX07
Issuer        : CN=EX07
Services      : SMTP
IsSelfSigned  : True
NotAfter      : 2031-03-01 10:00:00
HasPrivateKey : True
Status        : Valid
`;

testRule(rule, {
  valid: [
    { name: "healthy hybrid: CN=EX19A is installed and valid", paste: story("healthy-hybrid") },
    {
      name: "overwrite story: the default is installed and valid (another rule's concern)",
      paste: story("default-smtp-certificate-overwritten"),
    },
    {
      name: "thumbprint pasted without the server's certificates: cannot tell whether it is installed",
      paste: transport("EX07", "9F9F9F9F9F9F9F9F9F9F9F9F9F9F9F9F9F9F9F9F"),
    },
    {
      name: "internal transport certificate still valid on the as-of date",
      paste: `${transport("EX07", "3A3A3A3A3A3A3A3A3A3A3A3A3A3A3A3A3A3A3A3A")}\n\n${CERTIFICATES}`,
      asOf: "2026-01-15",
    },
  ],
  invalid: [
    {
      name: "renewal story: Setup's CN=EX01 expired in June 2028; a new self-signed certificate is needed",
      paste: story("stale-tlsname-after-renewal"),
      asOf: "2028-07-01",
      expect: [
        {
          messageId: "expired",
          severity: "error",
          server: "EX01",
          thumbprint: "2B7C4E91D0A3F5E6C7B8A9D0E1F2A3B4C5D6E7F8",
          message: /expired on 2028-06-14.*12015/,
          fix: /New-ExchangeCertificate -Server 'EX01' -PrivateKeyExportable:\$true -FriendlyName 'EX01' -DomainName 'EX01' -IncludeServerFQDN -Services SMTP -Force/,
        },
      ],
    },
    {
      name: "expired default with a newer self-signed installed: enable that one",
      paste: `${transport("EX07", "3A3A3A3A3A3A3A3A3A3A3A3A3A3A3A3A3A3A3A3A")}\n\n${WITH_NEW_SELF_SIGNED}`,
      expect: [
        {
          messageId: "expired",
          server: "EX07",
          fix: /Enable-ExchangeCertificate -Server 'EX07' -Thumbprint 6C6C6C6C6C6C6C6C6C6C6C6C6C6C6C6C6C6C6C6C -Services SMTP -Force/,
        },
      ],
    },
    {
      name: "thumbprint not among the server's certificates: event 12013",
      paste: `${transport("EX07", "9F9F9F9F9F9F9F9F9F9F9F9F9F9F9F9F9F9F9F9F")}\n\n${WITH_NEW_SELF_SIGNED}`,
      expect: [
        {
          messageId: "notInstalled",
          server: "EX07",
          thumbprint: "9F9F9F9F9F9F9F9F9F9F9F9F9F9F9F9F9F9F9F9F",
          message: /not among the 3 certificates pasted for EX07.*12013/,
          fix: /Enable-ExchangeCertificate -Server 'EX07' -Thumbprint 6C6C6C6C6C6C6C6C6C6C6C6C6C6C6C6C6C6C6C6C -Services SMTP -Force/,
        },
      ],
    },
    {
      name: "empty thumbprint: event 12012 and no X-ANONYMOUSTLS",
      paste: `${transport("EX07", "")}\n\n${CERTIFICATES}`,
      asOf: "2026-01-15",
      expect: [
        {
          messageId: "empty",
          server: "EX07",
          message: /X-ANONYMOUSTLS.*12012/,
          fix: /Enable-ExchangeCertificate -Server 'EX07' -Thumbprint 3A3A3A3A3A3A3A3A3A3A3A3A3A3A3A3A3A3A3A3A -Services SMTP -Force/,
        },
      ],
    },
    {
      name: "event 12013 alone: explain it and ask for Get-TransportService",
      paste: eventText(
        "12013",
        "Microsoft Exchange could not load the certificate with thumbprint of 1A2B3C4D5E6F708192A3B4C5D6E7F8091A2B3C4D from the personal store on the local computer. This certificate was configured for authentication with other Exchange servers.",
      ),
      expect: [
        {
          messageId: "event12013",
          basis: "evidence",
          server: "EX09.contoso.local",
          thumbprint: "1A2B3C4D5E6F708192A3B4C5D6E7F8091A2B3C4D",
          fix: /Get-TransportService 'EX09\.contoso\.local' \| Format-List[\s\S]*Get-ExchangeCertificate -Server 'EX09\.contoso\.local' \| Format-List/,
        },
      ],
    },
    {
      name: "event 12012 alone",
      paste: eventText(
        "12012",
        "The internal transport certificate that is used for SMTP authentication by Microsoft Exchange could not be read from Active Directory. The certificate may be missing.",
      ),
      expect: [{ messageId: "event12012", basis: "evidence", severity: "error", server: "EX09.contoso.local" }],
    },
  ],
});
