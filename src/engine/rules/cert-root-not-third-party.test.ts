import { readFileSync } from "node:fs";
import { story } from "../../__stories__/stories";
import rule from "./cert-root-not-third-party";
import { testRule } from "./tester";

const fixture = (name: string) => readFileSync(new URL(`../../parse/__fixtures__/${name}`, import.meta.url), "utf8");

const cert = (
  thumbprint: string,
  subject: string,
  issuer: string,
  root: string,
  status = "Valid",
  selfSigned = "False",
) => `Thumbprint    : ${thumbprint}
Subject       : ${subject}
Issuer        : ${issuer}
Services      : IIS, SMTP
IsSelfSigned  : ${selfSigned}
HasPrivateKey : True
Status        : ${status}
RootCAType    : ${root}
`;

const list = (server: string, ...certs: string[]) =>
  `[PS] C:\\Windows\\system32>Get-ExchangeCertificate -Server ${server} | fl Thumbprint,Subject,Issuer,Services,IsSelfSigned,HasPrivateKey,Status,RootCAType\n\n${certs.join("\n")}`;

const QUOVADIS = cert(
  "172FF4C1A3B4D13282A17C8080C1E552475CD4CB",
  "CN=owa.domain.com",
  "CN=QuoVadis EV SSL ICA G1, O=QuoVadis Limited, C=BM",
  "Registry",
);

const HYBRID = `[PS] C:\\Windows\\system32>Get-HybridConfiguration | fl TlsCertificateName,ReceivingTransportServers,SendingTransportServers,EdgeTransportServers

TlsCertificateName        : <I>CN=QuoVadis EV SSL ICA G1, O=QuoVadis Limited, C=BM<S>CN=owa.domain.com
ReceivingTransportServers : {EXH1}
SendingTransportServers   : {EXH1}
EdgeTransportServers      : {}
`;

testRule(rule, {
  valid: [
    {
      name: "healthy hybrid: the DigiCert certificate is ThirdParty, self-signed ones are Registry",
      paste: story("healthy-hybrid"),
    },
    {
      name: "only self-signed and OAuth certificates (fixture 02)",
      paste: fixture("02-getexcert-fl-ru-dates-prompt.txt"),
    },
    {
      name: "an enterprise CA certificate and a pending request",
      paste: list(
        "EXH2",
        cert(
          "1111111111111111111111111111111111111111",
          "CN=exh2.corp.contoso.com",
          "CN=Contoso Issuing CA, DC=corp, DC=contoso, DC=com",
          "Enterprise",
        ),
        cert(
          "2222222222222222222222222222222222222222",
          "CN=mail.contoso.com",
          "CN=mail.contoso.com",
          "Unknown",
          "PendingRequest",
        ),
      ),
    },
  ],
  invalid: [
    {
      name: "a public certificate whose chain is not installed shows Registry (mattallford sample)",
      paste: list("EXH1", QUOVADIS),
      expect: [
        {
          messageId: "root",
          severity: "warning",
          server: "EXH1",
          thumbprint: "172FF4C1A3B4D13282A17C8080C1E552475CD4CB",
          message: /RootCAType is Registry/,
          fix: /Intermediate Certification Authorities[\s\S]*Get-ExchangeCertificate -Server 'EXH1' -Thumbprint 172FF4C1A3B4D13282A17C8080C1E552475CD4CB \| Format-List/,
        },
      ],
    },
    {
      name: "the hybrid certificate with RootCAType Registry is an error: the wizard will not offer it",
      paste: `${HYBRID}\n\n${list("EXH1", QUOVADIS)}`,
      expect: [
        {
          messageId: "hybridRoot",
          severity: "error",
          server: "EXH1",
          message: /only offers certificates whose RootCAType is ThirdParty/,
        },
      ],
    },
    {
      name: "GroupPolicy and Unknown roots on CA-issued certificates",
      paste: list(
        "EXH3",
        cert("3333333333333333333333333333333333333333", "CN=relay.contoso.com", "CN=Contoso Policy CA", "GroupPolicy"),
        cert(
          "4444444444444444444444444444444444444444",
          "CN=smtp.contoso.com",
          "CN=Sectigo RSA Domain Validation Secure Server CA",
          "Unknown",
        ),
      ),
      expect: [
        { messageId: "root", thumbprint: "3333333333333333333333333333333333333333", message: /Group Policy/ },
        { messageId: "root", thumbprint: "4444444444444444444444444444444444444444", message: /could not work out/ },
      ],
    },
  ],
});
