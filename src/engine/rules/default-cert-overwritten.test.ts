import { story } from "../../__stories__/stories";
import rule from "./default-cert-overwritten";
import { testRule } from "./tester";

const transport = (
  server: string,
  thumbprint: string,
) => `[PS] C:\\Windows\\system32>Get-TransportService ${server} | fl Name,InternalTransportCertificateThumbprint

Name                                   : ${server}
InternalTransportCertificateThumbprint : ${thumbprint}
`;

const AUTH_DEFAULT = `${transport("EX05", "0F1E2D3C4B5A69788796A5B4C3D2E1F00F1E2D3C")}

[PS] C:\\Windows\\system32>Get-ExchangeCertificate -Server EX05 | fl Thumbprint,Subject,Issuer,Services,IsSelfSigned,NotAfter,HasPrivateKey,Status

Thumbprint    : 0F1E2D3C4B5A69788796A5B4C3D2E1F00F1E2D3C
Subject       : CN=Microsoft Exchange Server Auth Certificate
Issuer        : CN=Microsoft Exchange Server Auth Certificate
Services      : SMTP
IsSelfSigned  : True
NotAfter      : 2029-01-10 10:00:00
HasPrivateKey : True
Status        : Valid

Thumbprint    : 5E5E5E5E5E5E5E5E5E5E5E5E5E5E5E5E5E5E5E5E
Subject       : CN=EX05
Issuer        : CN=EX05
Services      : IMAP, POP, IIS, SMTP
IsSelfSigned  : True
NotAfter      : 2029-03-01 10:00:00
HasPrivateKey : True
Status        : Valid
`;

const THIRD_PARTY_ONLY = `${transport("EDGE01", "AB12CD34EF56AB12CD34EF56AB12CD34EF56AB12")}

[PS] C:\\Windows\\system32>Get-ExchangeCertificate -Server EDGE01 | fl Thumbprint,Subject,Issuer,Services,IsSelfSigned,NotAfter,HasPrivateKey,Status,RootCAType

Thumbprint    : AB12CD34EF56AB12CD34EF56AB12CD34EF56AB12
Subject       : CN=smtp.tailspintoys.com
Issuer        : CN=R11, O=Let's Encrypt, C=US
Services      : SMTP
IsSelfSigned  : False
NotAfter      : 2027-01-15 10:00:00
HasPrivateKey : True
Status        : Valid
RootCAType    : ThirdParty


[PS] C:\\Windows\\system32>Get-ExchangeServer EDGE01 | fl Name,Fqdn,ServerRole,AdminDisplayVersion

Name                : EDGE01
Fqdn                : EDGE01.perimeter.tailspintoys.com
ServerRole          : Edge
AdminDisplayVersion : Version 15.2 (Build 1544.4)
`;

const EVENT_1035 = `Log Name:      Application
Source:        MSExchange EdgeSync
Date:          3/2/2026 10:00:00 AM
Event ID:      1035
Task Category: Synchronization
Level:         Error
Computer:      HUB01.contoso.local
Description:
EdgeSync failed to synchronize because it only supports Cryptographic API certificates. The local Hub Transport server's default certificate with thumbprint 77AA88BB99CC00DD11EE22FF33AA44BB55CC66DD isn't a CAPI certificate. To set a CAPI certificate as the default certificate, use the Enable-ExchangeCertificate cmdlet with the Services parameter using the value of SMTP.
`;

testRule(rule, {
  valid: [
    {
      name: "healthy hybrid: the self-signed CN=EX19A is the internal transport certificate",
      paste: story("healthy-hybrid"),
    },
    {
      name: "the renewal story keeps Setup's CN=EX01 as internal transport certificate",
      paste: story("stale-tlsname-after-renewal"),
    },
    {
      name: "internal transport thumbprint pasted without the certificates: nothing to judge",
      paste: transport("MBX01", "C8D7E6F5A4B3C2D1E0F9A8B7C6D5E4F3A2B1C0D9"),
    },
  ],
  invalid: [
    {
      name: "overwrite story: the GlobalSign certificate replaced CN=MBX01; restore the self-signed 1D2C…, and look for Edge subscriptions the paste does not show",
      paste: story("default-smtp-certificate-overwritten"),
      expect: [
        {
          messageId: "overwritten",
          severity: "warning",
          server: "MBX01",
          thumbprint: "C8D7E6F5A4B3C2D1E0F9A8B7C6D5E4F3A2B1C0D9",
          basis: "configuration",
          message: /CN=mail\.adatum\.com.*issued by CN=GlobalSign RSA OV SSL CA 2018.*Edge Subscription.*five years/s,
          fix: /Enable-ExchangeCertificate -Server 'MBX01' -Thumbprint 1D2C3B4A5F6E7D8C9B0A1F2E3D4C5B6A7F8E9D0C -Services SMTP -Force[\s\S]*Get-EdgeSubscription/,
        },
      ],
    },
    {
      name: "the OAuth certificate became the default: enable CN=EX05 again",
      paste: AUTH_DEFAULT,
      expect: [
        {
          messageId: "overwritten",
          server: "EX05",
          thumbprint: "0F1E2D3C4B5A69788796A5B4C3D2E1F00F1E2D3C",
          message: /Exchange Server Auth \(OAuth\) certificate/,
          fix: /Enable-ExchangeCertificate -Server 'EX05' -Thumbprint 5E5E5E5E5E5E5E5E5E5E5E5E5E5E5E5E5E5E5E5E -Services SMTP -Force/,
        },
      ],
    },
    {
      name: "Edge server without a self-signed certificate: HealthChecker's recipe, then a new Edge Subscription",
      paste: THIRD_PARTY_ONLY,
      expect: [
        {
          messageId: "overwritten",
          server: "EDGE01",
          thumbprint: "AB12CD34EF56AB12CD34EF56AB12CD34EF56AB12",
          fix: /New-ExchangeCertificate -Server 'EDGE01' -PrivateKeyExportable:\$true -FriendlyName 'EDGE01' -DomainName 'EDGE01' -IncludeServerFQDN -Services SMTP -Force[\s\S]*New-EdgeSubscription -FileName \$EdgeSubscriptionFile[\s\S]*Start-EdgeSynchronization/,
        },
      ],
    },
    {
      name: "event 1035 alone: a CNG certificate was made the default; paste the transport service",
      paste: EVENT_1035,
      expect: [
        {
          messageId: "edgeSyncCapi",
          severity: "warning",
          basis: "evidence",
          server: "HUB01.contoso.local",
          thumbprint: "77AA88BB99CC00DD11EE22FF33AA44BB55CC66DD",
          fix: /Get-TransportService 'HUB01\.contoso\.local' \| Format-List/,
        },
      ],
    },
  ],
});
