import type { Lookup } from "./lookup";
import { resultNoneStep } from "./steps/result";
import type { Selection, SelectionStep } from "./types";

/** Whose selection it is. `fqdn` is the name looked up: the connector's Fqdn, else the server's FQDN. */
export interface SelectionOf {
  readonly server: string | undefined;
  readonly connector: string;
  readonly kind: "receive" | "send";
  readonly fqdn: string | undefined;
}

/**
 * A connector's selection: its own steps (X-ANONYMOUSTLS, the gate), then the lookup's; without a lookup (the gate
 * said no), the "no certificate" result. Built whole rather than spread from a shared base: there is one per
 * connector and server of an organisation.
 */
export function selectionOf(of: SelectionOf, own: readonly SelectionStep[], lookup: Lookup | undefined): Selection {
  const direction = of.kind === "receive" ? "inbound" : "outbound";
  const chosen = lookup?.chosen ?? null;
  return {
    server: of.server,
    connector: of.connector,
    connectorKind: of.kind,
    direction,
    fqdn: of.fqdn,
    certificate: chosen?.cert ?? null,
    starttls: chosen !== null,
    via: lookup?.via ?? "None",
    steps: lookup === undefined ? [...own, resultNoneStep("gate", direction)] : [...own, ...lookup.steps],
  };
}
