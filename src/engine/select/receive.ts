import type { ReceiveConnector } from "../../model/connector";
import type { SelectionContext } from "./context";
import { hostNameOf, lookupCertificate } from "./lookup";
import { anonymousTlsStep } from "./steps/anonymous-tls";
import { authTlsStep } from "./steps/gate";
import { resultNoneStep } from "./steps/result";
import type { Selection } from "./types";

/** Inbound STARTTLS certificate of a receive connector (domain section 1, rules 12.1, 12.4). */
export function selectForReceiveConnector(connector: ReceiveConnector, ctx: SelectionContext): Selection {
  const fqdnCut = connector.truncated.includes("fqdn");
  const server = connector.server;
  const name = connector.name ?? connector.identity ?? "(unnamed receive connector)";
  const fqdn = hostNameOf(connector.fqdn, fqdnCut, ctx);
  const anonymous = anonymousTlsStep(connector, ctx);
  const gate = authTlsStep(connector);
  if (gate.outcome === "no") {
    return {
      server,
      connector: name,
      connectorKind: "receive",
      direction: "inbound",
      fqdn,
      certificate: null,
      starttls: false,
      via: "None",
      steps: [anonymous, gate, resultNoneStep("gate", "inbound")],
    };
  }
  const lookup = lookupCertificate(
    {
      direction: "inbound",
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
    connectorKind: "receive",
    direction: "inbound",
    fqdn,
    certificate: lookup.chosen?.cert ?? null,
    starttls: lookup.chosen !== null,
    via: lookup.via,
    steps: [anonymous, gate, ...lookup.steps],
  };
}
