import { story } from "../../__stories__/stories";
import rule from "./inconsistent-servers";
import { certs, HYBRID_NAME } from "./lib/test-fabrikam-hybrid";
import { testRule } from "./tester";

const receive = (
  server: string,
  frontendName: string,
) => `[PS] C:\\Windows\\system32>Get-ReceiveConnector -Server ${server} | fl Identity,Server,Bindings,AuthMechanism,Fqdn,TlsCertificateName,TransportRole

Identity           : ${server}\\Default Frontend ${server}
Server             : ${server}
Bindings           : {[::]:25, 0.0.0.0:25}
AuthMechanism      : Tls, Integrated, BasicAuth, BasicAuthRequireTLS, ExchangeServer
Fqdn               : ${server}.fabrikam.local
TlsCertificateName : ${frontendName}
TransportRole      : FrontendTransport

Identity           : ${server}\\Default ${server}
Server             : ${server}
Bindings           : {[::]:2525, 0.0.0.0:2525}
AuthMechanism      : Tls, Integrated, BasicAuth, BasicAuthRequireTLS, ExchangeServer
Fqdn               : ${server}.fabrikam.local
TlsCertificateName :
TransportRole      : HubTransport
`;

const send = (
  tlsName: string,
) => `[PS] C:\\Windows\\system32>Get-SendConnector | fl Identity,AddressSpaces,SourceTransportServers,Fqdn,TlsCertificateName,RequireTLS

Identity               : To Partner
AddressSpaces          : {smtp:partner.example;1}
SourceTransportServers : {EXH1, EXH2}
Fqdn                   : mail.fabrikam.com
TlsCertificateName     : ${tlsName}
RequireTLS             : True
`;

testRule(rule, {
  valid: [
    { name: "healthy hybrid: one server", paste: story("healthy-hybrid") },
    {
      name: "both servers name the same certificate; each Hub connector uses its own self-signed certificate",
      paste: [certs("EXH1"), certs("EXH2"), receive("EXH1", HYBRID_NAME), receive("EXH2", HYBRID_NAME)].join("\n\n"),
    },
    {
      name: "a send connector whose Fqdn selects the same public certificate on both servers",
      paste: [certs("EXH1"), certs("EXH2"), send("")].join("\n\n"),
    },
  ],
  invalid: [
    {
      name: "EXH2's Default Frontend lacks TlsCertificateName: intermittent SubjectMismatch",
      paste: [certs("EXH1"), certs("EXH2"), receive("EXH1", HYBRID_NAME), receive("EXH2", "")].join("\n\n"),
      expect: [
        {
          messageId: "receive",
          severity: "warning",
          connector: "Default Frontend",
          message:
            /EXH1: TlsCertificateName <I>CN=Sectigo.* → CN=mail\.fabrikam\.com \(7D7D.*; EXH2: no TlsCertificateName → CN=EXH2 \(6F6F.*its own self-signed certificate.*intermittent 450 4\.4\.317/,
          fix: /Set-ReceiveConnector 'EXH2\\Default Frontend EXH2' -TlsCertificateName '<I>CN=Sectigo RSA Domain Validation Secure Server CA[\s\S]*Get-Service -ComputerName 'EXH2' -Name 'MSExchangeFrontEndTransport' \| Restart-Service/,
        },
      ],
    },
    {
      name: "servers that make the same choice are named together, each Frontend left on its own self-signed certificate",
      paste: [
        ...["EXH1", "EXH2", "EXH3", "EXH4"].map((server) => certs(server)),
        receive("EXH1", HYBRID_NAME),
        receive("EXH2", ""),
        receive("EXH3", HYBRID_NAME),
        receive("EXH4", ""),
      ].join("\n\n"),
      expect: [
        {
          messageId: "receive",
          connector: "Default Frontend",
          message:
            /differ between servers: EXH1 and EXH3: TlsCertificateName <I>CN=Sectigo[^;]* → CN=mail\.fabrikam\.com [^;]*\(7D7D7D7D7D7D7D7D7D7D7D7D7D7D7D7D7D7D7D7D\); EXH2 and EXH4: no TlsCertificateName → each its own self-signed certificate\. Senders/,
          fix: /'EXH2\\Default Frontend EXH2'[\s\S]*'EXH4\\Default Frontend EXH4'/,
        },
      ],
    },
    {
      name: "copies of one issuer and subject with different thumbprints are one choice, told by subject and issuer",
      paste: [
        certs("EXH1"),
        certs("EXH2"),
        certs("EXH3").replace("7D7D7D7D7D7D7D7D7D7D7D7D7D7D7D7D7D7D7D7D", "8E8E8E8E8E8E8E8E8E8E8E8E8E8E8E8E8E8E8E8E"),
        receive("EXH1", HYBRID_NAME),
        receive("EXH2", ""),
        receive("EXH3", HYBRID_NAME),
      ].join("\n\n"),
      expect: [
        {
          messageId: "receive",
          connector: "Default Frontend",
          message:
            /servers: EXH1 and EXH3: TlsCertificateName <I>[^;]* → CN=mail\.fabrikam\.com issued by Sectigo RSA Domain Validation Secure Server CA \(2 different thumbprints\); EXH2: no TlsCertificateName → CN=EXH2 \(6F6F/,
        },
      ],
    },
    {
      name: "the public certificate is missing on EXH2: the partner connector presents different certificates",
      paste: [certs("EXH1"), certs("EXH2", false), send("")].join("\n\n"),
      expect: [
        {
          messageId: "send",
          connector: "To Partner",
          message: /EXH1: CN=mail\.fabrikam\.com .*; EXH2: no certificate/,
          fix: /Install CN=mail\.fabrikam\.com \(7D7D7D7D7D7D7D7D7D7D7D7D7D7D7D7D7D7D7D7D\)[\s\S]*on EXH2/,
        },
      ],
    },
  ],
});
