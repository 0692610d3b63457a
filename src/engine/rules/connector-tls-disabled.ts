import type { ReceiveConnector } from "../../model/connector";
import { str } from "../fix/command";
import { connectorIdentity } from "../fix/steps";
import type { FixStep, RuleResult } from "./types";
import { defineRule } from "./types";

type Messages = "noTls";

/** AuthMechanism without Tls: no STARTTLS whatever the certificates (domain F1.1.3). */
export default defineRule<Messages>({
  id: "CONNECTOR_TLS_DISABLED",
  title: "Receive connector does not allow TLS",
  severity: "error",
  docs: {
    summary: "A receive connector's AuthMechanism lacks Tls, so it never advertises STARTTLS.",
    behaviour:
      "Exchange checks AuthMechanism first: without Tls it does not advertise STARTTLS and loads no certificate at all, whatever certificates are installed. RequireTLS and BasicAuthRequireTLS need Tls too.",
    fix: "Add Tls to the connector's AuthMechanism (keep the other mechanisms it has).",
    facts: ["F1.1.3", "F6.3.4"],
    sources: [
      "https://learn.microsoft.com/en-us/exchange/mail-flow/mail-routing/inbound-starttls-certificates-selection",
      "https://learn.microsoft.com/en-us/powershell/module/exchangepowershell/set-receiveconnector",
    ],
  },
  messages: {
    noTls:
      "Receive connector '{connector}' on {server} has AuthMechanism '{mechanisms}' without Tls: it never offers STARTTLS, whatever certificates are installed.",
  },
  check(ctx) {
    const results: RuleResult<Messages>[] = [];
    // Sessions that saw no STARTTLS: every such connector's finding explains them all, so they are found once.
    const noStarttls = ctx.evidence((e) => e.facts.starttlsOffered === false);
    for (const c of ctx.inventory.receiveConnectors) {
      const mechanisms = c.authMechanism;
      if (!mechanisms || c.truncated.includes("authMechanism") || c.enabled === false) continue;
      if (mechanisms.some((m) => m.toLowerCase() === "tls")) continue;
      const connector = c.name ?? connectorIdentity(c) ?? "(unnamed connector)";
      results.push({
        messageId: "noTls",
        data: { connector, server: c.server ?? "the unnamed server", mechanisms: mechanisms.join(", ") || "None" },
        server: c.server,
        connector,
        sources: [c.source],
        fix: fixFor(c, mechanisms),
        explains: noStarttls,
      });
    }
    return results;
  },
});

function fixFor(c: ReceiveConnector, mechanisms: readonly string[]): FixStep[] {
  const identity = connectorIdentity(c);
  if (!identity) return [];
  const kept = mechanisms.filter((m) => m.toLowerCase() !== "none");
  return [
    {
      phase: "connector",
      why: `Allow TLS on '${identity}' (its other authentication mechanisms stay).`,
      commands: [
        { cmdlet: "Set-ReceiveConnector", identity, parameters: [["AuthMechanism", str(["Tls", ...kept].join(", "))]] },
      ],
    },
  ];
}
