import { readFileSync } from "node:fs";
import rule from "./chain-incomplete";
import { testRule } from "./tester";

const fixture = (name: string) => readFileSync(new URL(`../../parse/__fixtures__/${name}`, import.meta.url), "utf8");

const LEAF_ONLY = `$ openssl s_client -connect mail.tailspintoys.com:25 -starttls smtp
CONNECTED(00000003)
depth=0 CN = mail.tailspintoys.com
verify error:num=20:unable to get local issuer certificate
verify error:num=21:unable to verify the first certificate
---
Certificate chain
 0 s:CN = mail.tailspintoys.com
   i:C = US, O = Let's Encrypt, CN = R11
---
Server certificate
subject=CN = mail.tailspintoys.com
issuer=C = US, O = Let's Encrypt, CN = R11
---
`;

const EVENT_2004 = `Log Name:      Application
Source:        MSExchangeTransport
Date:          3/2/2026 10:00:00 AM
Event ID:      2004
Task Category: SmtpSend
Level:         Warning
Computer:      EX04.contoso.local
Description:
Send connector Outbound to Office 365: Message delivery was not successful. The message with message ID 12345 was acknowledged with SMTP response 454 4.7.0 Failed to establish appropriate TLS channel: UntrustedRoot: Access Denied.
`;

const NDR_UNTRUSTED =
  "Reason: [{LED=450 4.4.317 Cannot connect to remote server [Message=UntrustedRoot] [LastAttemptedServerName=mail.contoso.com] [LastAttemptedIP=203.0.113.10:25]}]";

const RECEIVE_LOG_UNTRUSTED = fixture("06-smtpreceive-protocollog-selfsigned-sent.txt").replace(
  "'EmptyCertificate'",
  "'UntrustedRoot'",
);

testRule(rule, {
  valid: [
    {
      name: "EXO 451 5.7.3 alone names no root (fixture 26): left to the evidence explanation",
      paste: fixture("26-exo-msgtrace-and-protocollog-starttls-required-root-g2.txt"),
    },
    {
      name: "EHLO before and after TLS (fixture 25)",
      paste: fixture("25-telnet-and-openssl-ehlo-before-after-tls-tabbed.txt"),
    },
    {
      name: "a client without a certificate is normal (fixture 06)",
      paste: fixture("06-smtpreceive-protocollog-selfsigned-sent.txt"),
    },
    {
      name: "SubjectMismatch is about names, not the chain (fixture 10)",
      paste: fixture("10-exo-msgtrace-450-4.4.317-subjectmismatch.txt"),
    },
  ],
  invalid: [
    {
      name: "sample 19 run twice and pasted as one: each session has its own two certificates",
      paste: [
        fixture("19-openssl-starttls-exchange-internal-ca-verify20.txt"),
        fixture("19-openssl-starttls-exchange-internal-ca-verify20.txt"),
      ].join("\n\n"),
      expect: [
        { messageId: "opensslRoot", message: /sent 2 certificates/ },
        { messageId: "opensslRoot", message: /sent 2 certificates/ },
      ],
    },
    {
      name: "openssl from a machine without the internal root (fixture 19): not an Exchange fault",
      paste: fixture("19-openssl-starttls-exchange-internal-ca-verify20.txt"),
      expect: [
        {
          messageId: "opensslRoot",
          severity: "warning",
          basis: "evidence",
          message:
            /exchange01\.int\.contoso\.com:25.*sent 2 certificates.*the machine that ran openssl does not trust CN=Contoso Offline Root CA.*not an Exchange certificate-selection fault/,
          fix: /import CN=Contoso Offline Root CA/,
        },
      ],
    },
    {
      name: "the server sends only its leaf",
      paste: LEAF_ONLY,
      expect: [
        {
          messageId: "opensslLeaf",
          basis: "evidence",
          message: /sent only its own certificate, CN=mail\.tailspintoys\.com.*CN=R11, O=Let's Encrypt, C=US/,
          fix: /Intermediate Certification Authorities/,
        },
      ],
    },
    {
      name: "Test-Certificate: untrusted root and revoked (fixture 12)",
      paste: fixture("12-test-certificate-chain-revoked-untrusted.txt"),
      expect: [
        {
          messageId: "testCertificate",
          basis: "evidence",
          thumbprint: "886843E0A76558D7209FD3945B62A951FD08ECD8",
          message: /CERT_TRUST_IS_UNTRUSTED_ROOT.*does not chain it to a trusted root.*also revoked/,
        },
      ],
    },
    {
      name: "Exchange Online's 450 4.4.317 UntrustedRoot: send the intermediates",
      paste: NDR_UNTRUSTED,
      expect: [
        {
          messageId: "ndrUntrustedRoot",
          basis: "evidence",
          message: /mail\.contoso\.com presented \(450 4\.4\.317 UntrustedRoot\).*only its leaf/,
        },
      ],
    },
    {
      name: "event 2004 UntrustedRoot on the Office 365 send connector (KB 2888788)",
      paste: EVENT_2004,
      expect: [
        {
          messageId: "peerRejectsRoot",
          server: "EX04.contoso.local",
          connector: "Outbound to Office 365",
          message: /^Event 2004 on EX04\.contoso\.local.*internal-CA certificate/,
          fix: /Get-SendConnector \| Format-List[\s\S]*Get-ExchangeCertificate -Server 'EX04\.contoso\.local'/,
        },
      ],
    },
    {
      name: "the receive log shows the remote certificate's root is not trusted: DigiCert Global Root G2",
      paste: RECEIVE_LOG_UNTRUSTED,
      expect: [
        {
          messageId: "remoteUntrusted",
          server: "SERVER-HOSTNAME",
          connector: "Default Frontend SERVER-HOSTNAME",
          message: /UntrustedRoot.*DigiCert Global Root G2.*DF3C24F9BFD666761B268073FE06D1CC8D4F82A4/,
        },
      ],
    },
  ],
});
