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
  const base = {
    server,
    connector: connector.name ?? connector.identity ?? "(unnamed send connector)",
    connectorKind: "send",
    direction: "outbound",
    fqdn: hostNameOf(connector.fqdn, fqdnCut, ctx),
  } as const;
  const gate = sendStarttlsStep(connector);
  if (gate.outcome === "no") {
    return {
      ...base,
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
  return {
    ...base,
    certificate: lookup.chosen?.cert ?? null,
    starttls: lookup.chosen !== null,
    via: lookup.via,
    steps: [gate, ...lookup.steps],
  };
}
