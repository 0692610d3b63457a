import type { ReceiveConnector, SendConnector } from "../../model/connector";
import { certificateLabel } from "../fix/steps";
import { STEP } from "../select/step-ids";
import type { Selection } from "../select/types";
import { withThumbprint } from "./lib/certificates";
import { connectorName, listText, serverText } from "./lib/labels";
import type { RuleContext, RuleResult } from "./types";
import { defineRule } from "./types";

type Messages = "agreed" | "caveat";

/**
 * Several installed certificates with the issuer and subject a
 * TlsCertificateName names (a renewal kept next to the old one, domain
 * F1.2.1). The selection trace's tie-break says which one Exchange uses and,
 * in its caveat, where the sources disagree (D1: NotBefore vs NotAfter).
 */
export default defineRule<Messages>({
  id: "TLSNAME_AMBIGUOUS",
  title: "Several certificates match one TlsCertificateName",
  severity: "info",
  docs: {
    summary:
      "More than one installed certificate has the issuer and subject a connector's TlsCertificateName names; the finding says which one Exchange uses.",
    behaviour:
      "TlsCertificateName is matched on issuer and subject only, so a renewed certificate with the same issuer and subject matches too, which is what lets a renewal take over without touching the connector. When several match, the Learn selection article says Exchange takes the newest NotBefore; the June 2025 Exchange Team blog says the latest NotAfter. For a normal renewal both agree; when they do not, certflow shows the NotBefore choice and says which one the other rule would take.",
    fix: "Once the renewed certificate is enabled for SMTP and everything uses it, remove the old one (Remove-ExchangeCertificate) so only one certificate matches.",
    facts: ["F1.2.1", "F1.2.3", "D1", "Q7"],
    sources: [
      "https://learn.microsoft.com/en-us/exchange/mail-flow/mail-routing/inbound-starttls-certificates-selection",
      "https://techcommunity.microsoft.com/blog/exchange/tls-certificates-in-exchange-hybrid---common-issues--how-to-fix-them/4420592",
    ],
  },
  messages: {
    agreed:
      "{count} certificates on {server} match the TlsCertificateName of '{connector}': {certificates}. Exchange uses {chosen}, the one with the newest NotBefore. Keep only one certificate with this issuer and subject once the other is no longer needed.",
    caveat:
      "{count} certificates on {server} match the TlsCertificateName of '{connector}': {certificates}. certflow shows {chosen}, the newest NotBefore (the Learn article's rule). {caveat}",
  },
  check(ctx) {
    const results: RuleResult<Messages>[] = [];
    for (const connector of [...ctx.inventory.receiveConnectors, ...ctx.inventory.sendConnectors]) {
      for (const selection of ctx.selectionsFor(connector)) {
        const result = resultFor(ctx, connector, selection);
        if (result) results.push(result);
      }
    }
    return results;
  },
});

function resultFor(
  ctx: RuleContext,
  connector: ReceiveConnector | SendConnector,
  selection: Selection,
): RuleResult<Messages> | undefined {
  const chosen = selection.certificate;
  const tie = selection.steps.find((s) => s.id === STEP.tlsnameTiebreak);
  if (!chosen || selection.via !== "TlsCertificateName" || tie?.outcome !== "yes") return undefined;
  const keys = [...new Set([...tie.kept, ...tie.dropped.map((d) => d.thumbprint)])];
  if (keys.length < 2) return undefined;
  const installed = withThumbprint(ctx.certificatesOn(selection.server));
  const matching = keys.map((key) => installed.get(key)?.[0]);
  return {
    messageId: tie.caveat ? "caveat" : "agreed",
    data: {
      count: keys.length,
      server: serverText(selection.server),
      connector: connectorName(connector),
      certificates: listText(matching.map((cert, i) => (cert ? certificateLabel(cert) : (keys[i] ?? "")))),
      chosen: certificateLabel(chosen),
      ...(tie.caveat ? { caveat: tie.caveat } : {}),
    },
    server: selection.server,
    connector: connectorName(connector),
    thumbprint: chosen.thumbprint,
    sources: [connector.source, ...matching.flatMap((c) => (c ? [c.source] : []))],
  };
}
