import type { SendConnector } from "../../model/connector";
import { bool, type FixArgument, NULL, names, str } from "../fix/command";
import { connectorIdentity, RERUN_HCW } from "../fix/steps";
import { isExoSendConnector, isExoSmartHost, isHybridSendConnector } from "../hybrid/scope";
import { listText } from "../select/facts";
import type { FixStep, RuleResult } from "./types";
import { defineRule } from "./types";

type Messages = "settings" | "notPasted";

const EXO_TLS_DOMAIN = /^mail\.protection\.(?:outlook\.com|partner\.outlook\.cn|office365\.us)$/i;

interface Problem {
  readonly text: string;
  readonly parameters: readonly (readonly [string, FixArgument])[];
}

const EXO_DOMAIN: readonly [string, FixArgument] = ["TlsDomain", str("mail.protection.outlook.com")];

/**
 * The send connector to Exchange Online needs the TLS settings the wizard
 * writes (domain F5.2.3, 12.5), judged like HealthChecker's ExoConnectorCheck
 * so the two never contradict: CertificateValidation or DomainValidation,
 * DomainValidation with TlsDomain mail.protection.outlook.com.
 */
export default defineRule<Messages>({
  id: "HYBRID_SEND_SETTINGS",
  title: "Send connector to Exchange Online lacks the hybrid TLS settings",
  severity: "warning",
  docs: {
    summary:
      "A send connector to Exchange Online lacks RequireTLS True, a validating TlsAuthLevel (DomainValidation with TlsDomain mail.protection.outlook.com), CloudServicesMailEnabled, or DNS routing / smart hosts in mail.protection.outlook.com.",
    behaviour:
      "The wizard creates 'Outbound to Office 365' with RequireTLS True, TlsAuthLevel DomainValidation, TlsDomain mail.protection.outlook.com, CloudServicesMailEnabled True and DNS routing to the tenant's mail.onmicrosoft.com domain. Without RequireTLS mail can go unencrypted; without a validating TlsAuthLevel Exchange Online's certificate is not checked; with DomainValidation and another TlsDomain (or none, which means each recipient's domain) the check fails or means something else; without CloudServicesMailEnabled the cross-premises headers are dropped and mail can appear as external. HealthChecker's ExoConnectorCheck flags the same settings.",
    fix: "Set the missing values with Set-SendConnector (RequireTLS $true, TlsAuthLevel DomainValidation, TlsDomain mail.protection.outlook.com, CloudServicesMailEnabled $true, DNS routing), or re-run the Hybrid Configuration Wizard, which writes them.",
    facts: ["F5.2.3", "F2.1.5", "F2.1.6", "F2.1.7", "F2.1.11", "F5.4.2"],
    sources: [
      "https://microsoft.github.io/CSS-Exchange/Diagnostics/HealthChecker/ExoConnectorCheck/",
      "https://techcommunity.microsoft.com/blog/exchange/tls-certificates-in-exchange-hybrid---common-issues--how-to-fix-them/4420592",
      "https://learn.microsoft.com/en-us/powershell/module/exchangepowershell/set-sendconnector",
      "https://learn.microsoft.com/en-us/exchange/troubleshoot/email-delivery/email-sent-from-edge-transport-server-appears-as-mail-from-external-contacts",
    ],
  },
  messages: {
    settings: "Send connector '{connector}' to Exchange Online: {problems}.",
    notPasted:
      "Send connector '{connector}' goes to Exchange Online, but its TLS settings (RequireTLS, TlsAuthLevel, TlsDomain) are not in the paste. Paste Get-SendConnector '{connector}' | fl.",
  },
  check(ctx) {
    const results: RuleResult<Messages>[] = [];
    for (const c of ctx.inventory.sendConnectors) {
      if (!isExoSendConnector(c) || c.enabled === false) continue;
      const connector = c.name ?? c.identity ?? "(unnamed send connector)";
      const identity = connectorIdentity(c);
      if (c.requireTLS === undefined && c.tlsAuthLevel === undefined && c.tlsDomain === undefined) {
        results.push({
          messageId: "notPasted",
          severity: "info",
          data: { connector },
          connector,
          sources: [c.source],
          fix: [
            {
              phase: "inspect",
              why: `Paste the send connector '${connector}' with all its properties.`,
              commands: [
                {
                  cmdlet: "Get-SendConnector",
                  ...(identity ? { identity } : {}),
                  parameters: [],
                  pipeTo: "Format-List",
                },
              ],
            },
          ],
        });
        continue;
      }
      const problems = problemsOf(c);
      if (problems.length === 0) continue;
      results.push({
        messageId: "settings",
        data: { connector, problems: problems.map((p) => p.text).join("; ") },
        connector,
        sources: [c.source],
        fix: [...(identity ? [setSettings(identity, problems)] : []), RERUN_HCW],
      });
    }
    return results;
  },
});

function problemsOf(c: SendConnector): Problem[] {
  const problems: Problem[] = [];
  if (c.requireTLS === false) {
    problems.push({
      text: "RequireTLS is False, so mail may go without TLS",
      parameters: [["RequireTLS", bool(true)]],
    });
  }
  if (c.ignoreStartTLS === true) {
    problems.push({
      text: "IgnoreSTARTTLS is True, so Exchange Online's STARTTLS is ignored",
      parameters: [["IgnoreSTARTTLS", bool(false)]],
    });
  }
  const level = c.tlsAuthLevel?.trim();
  const domain = c.tlsDomain?.trim();
  if (level !== undefined && !/^(?:DomainValidation|CertificateValidation)$/i.test(level)) {
    problems.push({
      text: `TlsAuthLevel is ${level === "" ? "empty" : level}, so Exchange Online's certificate is not validated (the wizard sets DomainValidation with TlsDomain mail.protection.outlook.com)`,
      parameters: [["TlsAuthLevel", names("DomainValidation")], EXO_DOMAIN],
    });
  } else if (
    level !== undefined &&
    /^DomainValidation$/i.test(level) &&
    domain !== undefined &&
    !EXO_TLS_DOMAIN.test(domain)
  ) {
    problems.push({
      text:
        domain === ""
          ? "TlsDomain is empty, so DomainValidation compares Exchange Online's certificate with each recipient's domain"
          : `TlsDomain is ${domain}, not mail.protection.outlook.com, so DomainValidation of Exchange Online's certificate fails`,
      parameters: [EXO_DOMAIN],
    });
  }
  if (isHybridSendConnector(c) && c.cloudServicesMailEnabled === false) {
    problems.push({
      text: "CloudServicesMailEnabled is False, so cross-premises headers are dropped and mail can appear as external in Exchange Online",
      parameters: [["CloudServicesMailEnabled", bool(true)]],
    });
  }
  if (c.dnsRoutingEnabled === false && c.smartHosts !== undefined && !c.truncated.includes("smartHosts")) {
    const wrong = c.smartHosts.filter((h) => !isExoSmartHost(h));
    if (c.smartHosts.length === 0 || wrong.length > 0) {
      problems.push({
        text:
          c.smartHosts.length === 0
            ? "DNS routing is off and there is no smart host"
            : `its smart hosts ${listText(wrong)} are not in mail.protection.outlook.com`,
        parameters: [
          ["DNSRoutingEnabled", bool(true)],
          ["SmartHosts", NULL],
        ],
      });
    }
  }
  return problems;
}

/** One Set-SendConnector with every corrected value; DNS routing also clears the smart hosts, as the wizard does. */
function setSettings(identity: string, problems: readonly Problem[]): FixStep {
  const parameters = problems.flatMap((p) => p.parameters);
  return {
    phase: "connector",
    why: `Give send connector '${identity}' the TLS settings the Hybrid Configuration Wizard writes.`,
    commands: [{ cmdlet: "Set-SendConnector", identity, parameters }],
  };
}
