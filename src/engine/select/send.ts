import type { SendConnector } from "../../model/connector";
import type { SelectionContext } from "./context";
import { hostNameOf, lookupCertificate } from "./lookup";
import { selectionOf } from "./selection";
import { sendStarttlsStep } from "./steps/gate";
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
  const of = {
    server,
    connector: connector.name ?? connector.identity ?? "(unnamed send connector)",
    kind: "send",
    fqdn: hostNameOf(connector.fqdn, fqdnCut, ctx),
  } as const;
  const gate = sendStarttlsStep(connector);
  if (gate.outcome === "no") return selectionOf(of, [gate], undefined);
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
  return selectionOf(of, [gate], lookup);
}
