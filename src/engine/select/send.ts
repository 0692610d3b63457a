import type { SendConnector } from "../../model/connector";
import type { SelectionContext } from "./context";
import { hostNameOf, lookupCertificate } from "./lookup";
import { sendStarttlsStep } from "./steps/gate";
import { resultNoneStep } from "./steps/result";
import type { Selection } from "./types";

/**
 * The certificate a send connector uses from one source transport server
 * (domain F2.1.3, rule 12.3): TlsCertificateName, else its Fqdn or the
 * server FQDN by the same matching as inbound (MEDIUM, Q11).
 */
export function selectForSendConnector(
  connector: SendConnector,
  server: string | undefined,
  ctx: SelectionContext,
): Selection {
  const fqdnCut = connector.truncated.includes("fqdn");
  const name = connector.name ?? connector.identity ?? "(unnamed send connector)";
  const fqdn = hostNameOf(connector.fqdn, fqdnCut, ctx);
  const gate = sendStarttlsStep(connector);
  if (gate.outcome === "no") {
    return {
      server,
      connector: name,
      connectorKind: "send",
      direction: "outbound",
      fqdn,
      certificate: null,
      starttls: false,
      via: "None",
      steps: [gate, resultNoneStep("gate", "outbound")],
    };
  }
  const lookup = lookupCertificate(
    {
      direction: "outbound",
      tlsCertificateName: connector.tlsCertificateName,
      tlsCertificateNameCut: connector.truncated.includes("tlsCertificateName"),
      fqdn: connector.fqdn,
      fqdnCut,
    },
    ctx,
  );
  // Built whole rather than spread from a shared base: one per connector and server of an organisation.
  return {
    server,
    connector: name,
    connectorKind: "send",
    direction: "outbound",
    fqdn,
    certificate: lookup.chosen?.cert ?? null,
    starttls: lookup.chosen !== null,
    via: lookup.via,
    steps: [gate, ...lookup.steps],
  };
}
