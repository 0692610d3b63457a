import { story } from "../../__stories__/stories";
import rule from "./hybrid-send-tlsname";
import { certs, HYBRID, HYBRID_NAME } from "./lib/test-fabrikam-hybrid";
import { testRule } from "./tester";

const send = (
  tlsName: string,
  fqdn: string,
) => `[PS] C:\\Windows\\system32>Get-SendConnector | fl Identity,AddressSpaces,SourceTransportServers,DNSRoutingEnabled,Fqdn,TlsCertificateName,RequireTLS,TlsAuthLevel,TlsDomain,CloudServicesMailEnabled

Identity                 : Outbound to Office 365 - 9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d
AddressSpaces            : {smtp:fabrikam.mail.onmicrosoft.com;1}
SourceTransportServers   : {EXH1, EXH2}
DNSRoutingEnabled        : True
Fqdn                     : ${fqdn}
TlsCertificateName       : ${tlsName}
RequireTLS               : True
TlsAuthLevel             : DomainValidation
TlsDomain                : mail.protection.outlook.com
CloudServicesMailEnabled : True
`;

const CONNECTOR = "Outbound to Office 365 - 9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d";
const setup = (...parts: string[]) => [HYBRID, certs("EXH1"), certs("EXH2"), ...parts].join("\n\n");

testRule(rule, {
  valid: [
    { name: "healthy hybrid: the send connector names the hybrid certificate", paste: story("healthy-hybrid") },
    { name: "wizard settings on two source servers", paste: setup(send(HYBRID_NAME, "mail.fabrikam.com")) },
    {
      name: "empty TlsCertificateName with Fqdn mail.fabrikam.com selecting the hybrid certificate (HealthChecker PR #2234)",
      paste: setup(send("", "mail.fabrikam.com")),
    },
  ],
  invalid: [
    {
      name: "neither TlsCertificateName nor Fqdn: each server's own name selects its self-signed certificate",
      paste: setup(send("", "")),
      expect: [
        {
          messageId: "fqdnSelectsOther",
          severity: "error",
          server: "EXH1",
          connector: CONNECTOR,
          message: /on EXH1, with no Fqdn, the server's own name EXH1\.fabrikam\.local selects CN=EXH1/,
          fix: /Set-SendConnector 'Outbound to Office 365 - 9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d' -TlsCertificateName '<I>CN=Sectigo/,
        },
        { messageId: "fqdnSelectsOther", server: "EXH2", message: /selects CN=EXH2/ },
      ],
    },
    {
      name: "neither TlsCertificateName nor Fqdn and no certificates pasted: say what to paste",
      paste: [HYBRID, send("", "")].join("\n\n"),
      expect: [
        {
          messageId: "noName",
          severity: "info",
          connector: CONNECTOR,
          fix: /Get-SendConnector 'Outbound to Office 365 - 9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d' \| Format-List/,
        },
      ],
    },
    {
      name: "empty TlsCertificateName and an Fqdn only the self-signed certificates carry",
      paste: setup(send("", "EXH1.fabrikam.local")),
      expect: [
        {
          messageId: "fqdnSelectsOther",
          server: "EXH1",
          thumbprint: "5E5E5E5E5E5E5E5E5E5E5E5E5E5E5E5E5E5E5E5E",
          message: /selects CN=EXH1/,
        },
        { messageId: "fqdnSelectsOther", server: "EXH2", message: /selects no certificate/ },
      ],
    },
    {
      name: "names another certificate than the hybrid configuration",
      paste: setup(send("<I>CN=EXH1<S>CN=EXH1", "mail.fabrikam.com")),
      expect: [
        {
          messageId: "differs",
          connector: CONNECTOR,
          message: /names <I>CN=EXH1<S>CN=EXH1, but the hybrid configuration names/,
        },
      ],
    },
    {
      name: "the hybrid certificate is missing on source server EXH2: 454 4.7.5 from there",
      paste: [
        HYBRID,
        certs("EXH1"),
        certs("EXH2", false),
        send(HYBRID_NAME, "mail.fabrikam.com"),
        "454 4.7.5 The certificate specified in TlsCertificateName of the SendConnector could not be found.",
      ].join("\n\n"),
      expect: [
        {
          messageId: "missing",
          severity: "error",
          server: "EXH2",
          connector: CONNECTOR,
          message: /EXH2, one of its source servers, has no certificate/,
          fix: /Install the certificate issued by CN=Sectigo[\s\S]*on EXH2/,
        },
      ],
    },
  ],
});
