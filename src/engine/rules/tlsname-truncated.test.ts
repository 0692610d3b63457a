import { story } from "../../__stories__/stories";
import { fixture } from "../../parse/test-fixtures";
import { testRule } from "./tester";
import rule from "./tlsname-truncated";

const table = (
  value: string,
) => `[PS] C:\\>Get-ReceiveConnector -Server EX03 | Format-Table Identity,TlsCertificateName -AutoSize

Identity                     TlsCertificateName
--------                     ------------------
EX03\\Default Frontend EX03   ${value}
`;

const certificates = (...subjects: string[]) => `
[PS] C:\\>Get-ExchangeCertificate -Server EX03 | Format-List Thumbprint,Subject,Issuer,Services

${subjects
  .map(
    (subject, i) => `Thumbprint         : ${String(i + 5).repeat(2)}6B7C8D9E0F1A2B3C4D5E6F7A8B9C0D1E2F3A4B
Subject            : ${subject}
Issuer             : CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1, O=DigiCert Inc, C=US
Services           : IIS, SMTP
`,
  )
  .join("\n")}`;

const CUT = "<I>CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1, O=DigiCert Inc, C=US<S>CN=mail.wood...";

testRule(rule, {
  valid: [
    { name: "healthy hybrid server (values shown whole by Format-List)", paste: story("healthy-hybrid") },
    { name: "a whole value in a table", paste: table("<I>CN=R11, O=Let's Encrypt, C=US<S>CN=mail.woodgrove.net") },
    {
      name: "a malformed value is TLSNAME_SYNTAX's, not a cut one",
      paste: table("[I]CN=R11, O=Let's Encrypt, C=US[S]CN=mail.woodgrove.net"),
    },
  ],
  invalid: [
    {
      name: "sample 31: the hybrid configuration's value cut at a comma, no certificates pasted",
      paste: fixture("31-gethybridconfiguration-wrapped-truncated-tlscertname-ru-dates.txt"),
      expect: [
        {
          messageId: "unknown",
          severity: "info",
          server: undefined,
          connector: undefined,
          message: /CN=\*\.contoso\.ru,”[\s\S]*no certificates of MXM are in the paste/,
          fix: /Get-HybridConfiguration \| Format-List/,
        },
      ],
    },
    {
      name: "a table cut with ... whose start fits one installed certificate",
      paste: table(CUT) + certificates("CN=mail.woodgrovebank.com, O=Woodgrove Bank, L=London, C=GB"),
      expect: [
        {
          messageId: "one",
          server: "EX03",
          connector: "Default Frontend EX03",
          thumbprint: "556B7C8D9E0F1A2B3C4D5E6F7A8B9C0D1E2F3A4B",
          fix: /Get-ReceiveConnector 'EX03\\Default Frontend EX03' \| Format-List/,
        },
      ],
    },
    {
      name: "a cut start that fits two certificates names neither",
      paste:
        table(CUT) +
        certificates("CN=mail.woodgrovebank.com, O=Woodgrove Bank, L=London, C=GB", "CN=mail.woodgrove.net"),
      expect: [{ messageId: "several", thumbprint: undefined, message: /fits 2 installed certificates/ }],
    },
    {
      name: "a cut start no installed certificate begins with",
      paste: table(CUT) + certificates("CN=smtp.woodgrove.net"),
      expect: [{ messageId: "none", message: /No pasted certificate of EX03/ }],
    },
    {
      name: "a send connector's value cut with …",
      paste: `[PS] C:\\>Get-SendConnector | Format-List Identity,SourceTransportServers,TlsCertificateName

Identity               : Outbound to Office 365 - 5d1e
SourceTransportServers : {EX03}
TlsCertificateName     : <I>CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1, O=DigiCert Inc, C=US<S>CN=mail…
${certificates("CN=mail.woodgrovebank.com, O=Woodgrove Bank, L=London, C=GB")}`,
      expect: [
        {
          messageId: "one",
          connector: "Outbound to Office 365 - 5d1e",
          fix: /Get-SendConnector 'Outbound to Office 365 - 5d1e' \| Format-List/,
        },
      ],
    },
    {
      name: "a pasted command with a cut value",
      paste: `[PS] C:\\>Set-HybridConfiguration -TlsCertificateName '<I>CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1, O=DigiCert Inc, C=US<S>CN=mail.wood...'
`,
      expect: [{ messageId: "planned", message: /Paste the whole command/ }],
    },
  ],
});
