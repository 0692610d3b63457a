import { story } from "../../__stories__/stories";
import rule from "./hybrid-cert-self-signed";
import { testRule } from "./tester";

const hybrid = (
  tlsName: string,
) => `[PS] C:\\Windows\\system32>Get-HybridConfiguration | fl TlsCertificateName,ReceivingTransportServers,SendingTransportServers,EdgeTransportServers,OnPremisesSmartHost

TlsCertificateName        : ${tlsName}
ReceivingTransportServers : {EXH1}
SendingTransportServers   : {EXH1}
EdgeTransportServers      : {}
OnPremisesSmartHost       : mail.fabrikam.com
`;

const CERTS = `[PS] C:\\Windows\\system32>Get-ExchangeCertificate -Server EXH1 | fl Thumbprint,Subject,Issuer,CertificateDomains,Services,IsSelfSigned,NotAfter,HasPrivateKey,Status,RootCAType

Thumbprint         : 5E5E5E5E5E5E5E5E5E5E5E5E5E5E5E5E5E5E5E5E
Subject            : CN=EXH1
Issuer             : CN=EXH1
CertificateDomains : {EXH1, EXH1.fabrikam.local}
Services           : IMAP, POP, IIS, SMTP
IsSelfSigned       : True
NotAfter           : 2029-08-01 10:00:00
HasPrivateKey      : True
Status             : Valid
RootCAType         : Registry

Thumbprint         : 7D7D7D7D7D7D7D7D7D7D7D7D7D7D7D7D7D7D7D7D
Subject            : CN=mail.fabrikam.com
Issuer             : CN=Sectigo RSA Domain Validation Secure Server CA, O=Sectigo Limited, L=Salford, S=Greater Manchester, C=GB
CertificateDomains : {mail.fabrikam.com, autodiscover.fabrikam.com}
Services           : IIS
IsSelfSigned       : False
NotAfter           : 2027-08-01 10:00:00
HasPrivateKey      : True
Status             : Valid
RootCAType         : ThirdParty
`;

testRule(rule, {
  valid: [
    { name: "healthy hybrid: a DigiCert certificate", paste: story("healthy-hybrid") },
    {
      name: "KB 3058190 story: a Sectigo certificate (not SMTP-enabled is another rule)",
      paste: story("hybrid-cert-not-smtp"),
    },
  ],
  invalid: [
    {
      name: "the hybrid configuration names the server's self-signed certificate; a Sectigo one for mail.fabrikam.com is installed",
      paste: `${hybrid("<I>CN=EXH1<S>CN=EXH1")}\n\n${CERTS}`,
      expect: [
        {
          messageId: "selfSigned",
          severity: "error",
          server: "EXH1",
          thumbprint: "5E5E5E5E5E5E5E5E5E5E5E5E5E5E5E5E5E5E5E5E",
          fix: /Enable-ExchangeCertificate -Server 'EXH1' -Thumbprint 7D7D7D7D7D7D7D7D7D7D7D7D7D7D7D7D7D7D7D7D -Services SMTP[\s\S]*choose CN=mail\.fabrikam\.com \(7D7D/,
        },
      ],
    },
    {
      name: "issuer equals subject and no certificates pasted: self-signed by its name",
      paste: hybrid("<I>CN=localhost<S>CN=localhost"),
      expect: [
        {
          messageId: "selfSignedName",
          severity: "error",
          message: /<I>CN=localhost<S>CN=localhost/,
          fix: /public CA for the hybrid namespace mail\.fabrikam\.com[\s\S]*New-ExchangeCertificate -Server 'EXH1' -GenerateRequest -SubjectName 'CN=mail\.fabrikam\.com' -DomainName 'mail\.fabrikam\.com' -RequestFile \$CertificateRequestmailfabrikamcom\n[\s\S]*Enable-ExchangeCertificate -Server 'EXH1' -Thumbprint \$Issuedmailfabrikamcom\.Thumbprint -Services SMTP\nRe-run the Hybrid Configuration Wizard/,
        },
      ],
    },
  ],
});
