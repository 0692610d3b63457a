import { story } from "../../__stories__/stories";
import rule from "./hybrid-send-settings";
import { testRule } from "./tester";

interface Settings {
  readonly name?: string;
  readonly addressSpace?: string;
  readonly dns?: string;
  readonly smartHosts?: string;
  readonly requireTls?: string;
  readonly level?: string;
  readonly domain?: string;
  readonly cloud?: string;
}

const send = (
  s: Settings = {},
) => `[PS] C:\\Windows\\system32>Get-SendConnector | fl Identity,AddressSpaces,SourceTransportServers,DNSRoutingEnabled,SmartHosts,RequireTLS,TlsAuthLevel,TlsDomain,CloudServicesMailEnabled

Identity                 : ${s.name ?? "Outbound to Office 365 - 9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d"}
AddressSpaces            : {${s.addressSpace ?? "smtp:fabrikam.mail.onmicrosoft.com;1"}}
SourceTransportServers   : {EXH1}
DNSRoutingEnabled        : ${s.dns ?? "True"}
SmartHosts               : {${s.smartHosts ?? ""}}
RequireTLS               : ${s.requireTls ?? "True"}
TlsAuthLevel             : ${s.level ?? "DomainValidation"}
TlsDomain                : ${s.domain ?? "mail.protection.outlook.com"}
CloudServicesMailEnabled : ${s.cloud ?? "True"}
`;

const NAMES_ONLY = `[PS] C:\\Windows\\system32>Get-SendConnector | fl Identity,AddressSpaces

Identity      : Outbound to Office 365 - 9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d
AddressSpaces : {smtp:fabrikam.mail.onmicrosoft.com;1}
`;

const CONNECTOR = "Outbound to Office 365 - 9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d";

testRule(rule, {
  valid: [
    { name: "healthy hybrid: the wizard's settings", paste: story("healthy-hybrid") },
    {
      name: "CertificateValidation is accepted, as HealthChecker does",
      paste: send({ level: "CertificateValidation", domain: "" }),
    },
    {
      name: "relay through Exchange Online by smart host with CertificateValidation",
      paste: send({
        name: "To EOP",
        addressSpace: "SMTP:*;1",
        dns: "False",
        smartHosts: "fabrikam-com.mail.protection.outlook.com",
        level: "CertificateValidation",
        domain: "",
        cloud: "False",
      }),
    },
    {
      name: "a send connector to the internet is not judged",
      paste: send({
        name: "Internet",
        addressSpace: "SMTP:*;1",
        requireTls: "False",
        level: "",
        domain: "",
        cloud: "False",
      }),
    },
  ],
  invalid: [
    {
      name: "RequireTLS off, no TlsAuthLevel, cross-premises headers off",
      paste: send({ requireTls: "False", level: "", domain: "", cloud: "False" }),
      expect: [
        {
          messageId: "settings",
          severity: "warning",
          connector: CONNECTOR,
          message: /RequireTLS is False.*TlsAuthLevel is empty.*CloudServicesMailEnabled is False/,
          fix: /Set-SendConnector 'Outbound to Office 365 - 9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d' -RequireTLS:\$true -TlsAuthLevel DomainValidation -TlsDomain 'mail\.protection\.outlook\.com' -CloudServicesMailEnabled:\$true/,
        },
      ],
    },
    {
      name: "DomainValidation with the tenant's own domain as TlsDomain",
      paste: send({ domain: "fabrikam.com" }),
      expect: [
        {
          messageId: "settings",
          message: /TlsDomain is fabrikam\.com, not mail\.protection\.outlook\.com/,
          fix: /-TlsDomain 'mail\.protection\.outlook\.com'$/m,
        },
      ],
    },
    {
      name: "smart host outside mail.protection.outlook.com",
      paste: send({ dns: "False", smartHosts: "smtp.fabrikam.com" }),
      expect: [
        {
          messageId: "settings",
          message: /smart hosts smtp\.fabrikam\.com/,
          fix: /-DNSRoutingEnabled:\$true -SmartHosts \$null/,
        },
      ],
    },
    {
      name: "TLS settings not in the paste: ask for them",
      paste: NAMES_ONLY,
      expect: [
        {
          messageId: "notPasted",
          severity: "info",
          connector: CONNECTOR,
          fix: /Get-SendConnector 'Outbound to Office 365 - 9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d' \| Format-List/,
        },
      ],
    },
  ],
});
