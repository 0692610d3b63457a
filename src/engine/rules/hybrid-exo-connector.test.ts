import { readFileSync } from "node:fs";
import { story } from "../../__stories__/stories";
import rule from "./hybrid-exo-connector";
import { testRule } from "./tester";

const fixture = (name: string) => readFileSync(new URL(`../../parse/__fixtures__/${name}`, import.meta.url), "utf8");

const HEALTHY = story("healthy-hybrid");
/** The same server with a wildcard certificate: no host name of its own to write into a command. */
const WILDCARD = HEALTHY.replaceAll("CN=mail.woodgrovebank.com", "CN=*.woodgrovebank.com").replace(
  "{mail.woodgrovebank.com, autodiscover.woodgrovebank.com}",
  "{*.woodgrovebank.com}",
);

const inbound = (
  name: string,
) => `PS C:\\> Get-InboundConnector | fl Name,ConnectorType,TlsSenderCertificateName,RequireTls,SenderDomains,RestrictDomainsToCertificate

Name                         : Inbound from 3f1c5d2e-7a8b-4c9d-8e0f-1a2b3c4d5e6f
ConnectorType                : OnPremises
TlsSenderCertificateName     : ${name}
RequireTls                   : True
SenderDomains                : {smtp:*;1}
RestrictDomainsToCertificate : False
`;

const outbound = (
  domain: string,
  smartHost = "mail.woodgrovebank.com",
) => `PS C:\\> Get-OutboundConnector | fl Name,ConnectorType,TlsSettings,TlsDomain,SmartHosts,RecipientDomains,UseMXRecord,CloudServicesMailEnabled

Name                     : Outbound to 3f1c5d2e-7a8b-4c9d-8e0f-1a2b3c4d5e6f
ConnectorType            : OnPremises
TlsSettings              : DomainValidation
TlsDomain                : ${domain}
SmartHosts               : {${smartHost}}
RecipientDomains         : {woodgrovebank.com}
UseMXRecord              : False
CloudServicesMailEnabled : True
`;

const INBOUND_NAME = "Inbound from 3f1c5d2e-7a8b-4c9d-8e0f-1a2b3c4d5e6f";
const OUTBOUND_NAME = "Outbound to 3f1c5d2e-7a8b-4c9d-8e0f-1a2b3c4d5e6f";

testRule(rule, {
  valid: [
    {
      name: "healthy hybrid with the wizard's Exchange Online connectors",
      paste: [HEALTHY, inbound("mail.woodgrovebank.com"), outbound("mail.woodgrovebank.com")].join("\n\n"),
    },
    {
      name: "a wildcard TlsSenderCertificateName covers the certificate's names",
      paste: [HEALTHY, inbound("*.woodgrovebank.com"), outbound("*.woodgrovebank.com")].join("\n\n"),
    },
    {
      name: "the SAN autodiscover.woodgrovebank.com is a name of the certificate too",
      paste: [HEALTHY, inbound("autodiscover.woodgrovebank.com")].join("\n\n"),
    },
    { name: "no Exchange Online connectors and no evidence: nothing to compare", paste: HEALTHY },
  ],
  invalid: [
    {
      name: "inbound connector expects a name the send connector's certificate does not carry",
      paste: [HEALTHY, inbound("smtp.woodgrovebank.com")].join("\n\n"),
      expect: [
        {
          messageId: "inbound",
          severity: "error",
          server: "EX19A",
          connector: INBOUND_NAME,
          thumbprint: "5A6B7C8D9E0F1A2B3C4D5E6F7A8B9C0D1E2F3A4B",
          message: /expects a certificate for smtp\.woodgrovebank\.com.*550 5\.7\.51.*accepted domain/,
          fix: /^Set-InboundConnector 'Inbound from 3f1c5d2e-7a8b-4c9d-8e0f-1a2b3c4d5e6f' -TlsSenderCertificateName 'mail\.woodgrovebank\.com'$/m,
        },
      ],
    },
    {
      name: "a wildcard certificate: the name to set is suggested, not written into a command",
      paste: [WILDCARD, inbound("smtp.contoso.com")].join("\n\n"),
      expect: [
        {
          messageId: "inbound",
          connector: INBOUND_NAME,
          fix: /for example \*\.woodgrovebank\.com\): Set-InboundConnector '[^']+' -TlsSenderCertificateName <name>\./,
        },
      ],
    },
    {
      name: "an embedded wildcard can never match",
      paste: [HEALTHY, inbound("mail*.woodgrovebank.com")].join("\n\n"),
      expect: [{ messageId: "invalidName", connector: INBOUND_NAME }],
    },
    {
      name: "outbound connector validates a domain Default Frontend's certificate does not carry, and a different smart host",
      paste: [HEALTHY, outbound("mail.woodgrove.com", "hybrid.woodgrove.com")].join("\n\n"),
      expect: [
        {
          messageId: "smartHost",
          connector: OUTBOUND_NAME,
          message: /delivers to hybrid\.woodgrove\.com.*mail\.woodgrovebank\.com/,
        },
        {
          messageId: "outbound",
          server: "EX19A",
          connector: OUTBOUND_NAME,
          message:
            /against mail\.woodgrove\.com.*receive connector 'Default Frontend EX19A'.*450 4\.4\.317 SubjectMismatch/,
          fix: /^Set-OutboundConnector 'Outbound to 3f1c5d2e-7a8b-4c9d-8e0f-1a2b3c4d5e6f' -TlsDomain 'mail\.woodgrovebank\.com'$/m,
        },
      ],
    },
    {
      name: "SubjectMismatch from Exchange Online pasted alone (fixture 10): what it means and what to paste",
      paste: fixture("10-exo-msgtrace-450-4.4.317-subjectmismatch.txt"),
      expect: [
        {
          messageId: "evidenceMismatch",
          severity: "error",
          basis: "evidence",
          message:
            /expected a certificate for \*\.contoso\.com but mail\.contoso\.com presented CN=ExchangeServer01 \(thumbprint cut to 32 of 40 hex digits in the paste/,
          fix: /Get-ReceiveConnector \| Format-List[\s\S]*Get-HybridConfiguration \| Format-List/,
        },
      ],
    },
    {
      name: "550 5.7.51 pasted alone",
      paste:
        "Remote Server returned '550 5.7.51 TenantInboundAttribution; There is a partner connector configured that matched the message's recipient domain. The connector had either the RestrictDomainsToIPAddresses or RestrictDomainsToCertificate set'",
      expect: [{ messageId: "evidenceAttribution", basis: "evidence", fix: /Get-SendConnector \| Format-List/ }],
    },
  ],
});
