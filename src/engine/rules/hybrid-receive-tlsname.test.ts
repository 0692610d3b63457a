import { story } from "../../__stories__/stories";
import rule from "./hybrid-receive-tlsname";
import { certs, HYBRID, HYBRID_NAME } from "./lib/test-fabrikam-hybrid";
import { testRule } from "./tester";

const frontend = (
  server: string,
  tlsName: string | undefined,
  fqdn = `${server}.fabrikam.local`,
  capabilities = "{mail.protection.outlook.com:AcceptCloudServicesMail}",
) => `[PS] C:\\Windows\\system32>Get-ReceiveConnector -Server ${server} | fl Identity,Server,Bindings,AuthMechanism,Fqdn${tlsName === undefined ? "" : ",TlsCertificateName"},TransportRole,TlsDomainCapabilities

Identity              : ${server}\\Default Frontend ${server}
Server                : ${server}
Bindings              : {[::]:25, 0.0.0.0:25}
AuthMechanism         : Tls, Integrated, BasicAuth, BasicAuthRequireTLS, ExchangeServer
Fqdn                  : ${fqdn}
${tlsName === undefined ? "" : `TlsCertificateName    : ${tlsName}\n`}TransportRole         : FrontendTransport
TlsDomainCapabilities : ${capabilities}
`;

const setup = (...parts: string[]) => [HYBRID, certs("EXH1"), certs("EXH2"), ...parts].join("\n\n");

testRule(rule, {
  valid: [
    { name: "healthy hybrid: Default Frontend EX19A names the hybrid certificate", paste: story("healthy-hybrid") },
    {
      name: "renewal story: the connector and the hybrid configuration name the same (stale) certificate",
      paste: story("stale-tlsname-after-renewal"),
    },
    {
      name: "both receiving servers configured like the wizard does",
      paste: setup(frontend("EXH1", HYBRID_NAME), frontend("EXH2", HYBRID_NAME)),
    },
    {
      name: "a server outside ReceivingTransportServers is not judged",
      paste: [HYBRID, certs("EXH1"), frontend("EXH1", HYBRID_NAME), frontend("EXOTHER", "")].join("\n\n"),
    },
  ],
  invalid: [
    {
      name: "EXH2 left out: no TlsCertificateName, its FQDN selects its self-signed certificate",
      paste: setup(frontend("EXH1", HYBRID_NAME), frontend("EXH2", "")),
      expect: [
        {
          messageId: "empty",
          severity: "error",
          server: "EXH2",
          connector: "Default Frontend EXH2",
          thumbprint: "6F6F6F6F6F6F6F6F6F6F6F6F6F6F6F6F6F6F6F6F",
          message: /presents CN=EXH2 \(6F6F.*SubjectMismatch/,
          fix: /Set-ReceiveConnector 'EXH2\\Default Frontend EXH2' -TlsCertificateName '<I>CN=Sectigo RSA Domain Validation Secure Server CA, O=Sectigo Limited, L=Salford, S=Greater Manchester, C=GB<S>CN=mail\.fabrikam\.com'[\s\S]*Get-Service -ComputerName 'EXH2' -Name 'MSExchangeFrontEndTransport' \| Restart-Service/,
        },
      ],
    },
    {
      name: "no TlsCertificateName, but the FQDN happens to select the hybrid certificate: a warning",
      paste: setup(frontend("EXH1", HYBRID_NAME), frontend("EXH2", "", "mail.fabrikam.com")),
      expect: [
        {
          messageId: "emptyWorks",
          severity: "warning",
          server: "EXH2",
          thumbprint: "7D7D7D7D7D7D7D7D7D7D7D7D7D7D7D7D7D7D7D7D",
        },
      ],
    },
    {
      name: "names the server's own certificate instead, and lacks the cloud capability",
      paste: setup(frontend("EXH1", "<I>CN=EXH1<S>CN=EXH1", undefined, "{}"), frontend("EXH2", HYBRID_NAME)),
      expect: [
        {
          messageId: "differs",
          severity: "error",
          server: "EXH1",
          message:
            /names <I>CN=EXH1<S>CN=EXH1.*presents CN=EXH1 \(5E5E.*also lack mail\.protection\.outlook\.com:AcceptCloudServicesMail/,
          fix: /-TlsCertificateName '<I>CN=Sectigo[\s\S]*-TlsDomainCapabilities 'mail\.protection\.outlook\.com:AcceptCloudServicesMail'/,
        },
      ],
    },
    {
      name: "right certificate, capability missing: one warning for the connector",
      paste: setup(frontend("EXH1", HYBRID_NAME, undefined, "{}"), frontend("EXH2", HYBRID_NAME)),
      expect: [
        {
          messageId: "capabilities",
          severity: "warning",
          server: "EXH1",
          fix: /Set-ReceiveConnector 'EXH1\\Default Frontend EXH1' -TlsDomainCapabilities/,
        },
      ],
    },
    {
      name: "TlsCertificateName not in the paste: ask for it",
      paste: setup(frontend("EXH1", undefined), frontend("EXH2", HYBRID_NAME)),
      expect: [
        {
          messageId: "notPasted",
          severity: "info",
          server: "EXH1",
          fix: /Get-ReceiveConnector -Server 'EXH1' \| Format-List/,
        },
      ],
    },
  ],
});
