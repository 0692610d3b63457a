import type { ReceiveConnector } from "../../model/connector";
import type { SelectionContext } from "./context";
import { hostNameOf, lookupCertificate } from "./lookup";
import { selectionOf } from "./selection";
import { anonymousTlsStep } from "./steps/anonymous-tls";
import { authTlsStep } from "./steps/gate";
import type { Selection } from "./types";

/** Inbound STARTTLS certificate of a receive connector (domain section 1, rules 12.1, 12.4). */
export function selectForReceiveConnector(connector: ReceiveConnector, ctx: SelectionContext): Selection {
  const fqdnCut = connector.truncated.includes("fqdn");
  const of = {
    server: connector.server,
    connector: connector.name ?? connector.identity ?? "(unnamed receive connector)",
    kind: "receive",
    fqdn: hostNameOf(connector.fqdn, fqdnCut, ctx),
  } as const;
  const anonymous = anonymousTlsStep(connector, ctx);
  const gate = authTlsStep(connector);
  if (gate.outcome === "no") return selectionOf(of, [anonymous, gate], undefined);
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
  return selectionOf(of, [anonymous, gate], lookup);
}
