import type { Certificate } from "../../model/certificate";
import type { Inventory } from "../../model/inventory";
import type { ExchangeVersion } from "../../model/server";
import { normaliseThumbprint } from "../../model/thumbprint";
import { firstIndexByServer, groupByServer, serverKey } from "../server-index";
import { labelText } from "./label";

/** A certificate installed on the server, with its key in the trace: the thumbprint, or `#n` (index in the inventory). */
export interface Candidate {
  readonly key: string;
  readonly cert: Certificate;
  /** `label` of the candidate, made with it when the context is built (else by `label` when asked). */
  readonly label?: string;
}

/** What the selection on one server needs to know. */
export interface SelectionContext {
  /** Certificates on the connector's server (a connector with no server sees certificates with no server). */
  readonly certificates: readonly Candidate[];
  /** From Get-ExchangeServer; undefined = not in the paste (the engine assumes 2013+ and says so where it matters). */
  readonly version: ExchangeVersion | undefined;
  /** From Get-ExchangeServer `Fqdn`; undefined when unknown. */
  readonly serverFqdn: string | undefined;
  readonly asOf: Date;
  /**
   * Get-TransportService `InternalTransportCertificateThumbprint`: `""` when
   * shown empty, undefined when Get-TransportService is not in the paste.
   */
  readonly internalTransportThumbprint: string | undefined;
  /** The server name as the paste gives it, for plain-words details. */
  readonly serverName: string | undefined;
}

export interface SelectAllOptions {
  readonly asOf: Date;
  /** Server name → FQDN, used when Get-ExchangeServer is not in the paste. */
  readonly serverFqdns?: ReadonlyMap<string, string>;
}

/** Server names compare case-insensitively (Windows names); undefined only matches undefined. */
export function sameServer(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a === b || serverKey(a) === serverKey(b);
}

export function candidateKey(cert: Certificate, index: number): string {
  return cert.thumbprint === undefined || cert.thumbprint === "" ? `#${index}` : cert.thumbprint;
}

export function contextFor(
  inventory: Inventory,
  server: string | undefined,
  options: SelectAllOptions,
): SelectionContext {
  return contextLookup(inventory, options)(server);
}

/**
 * `contextFor` for many servers of one inventory: the inventory is indexed once and each server's context is
 * built once, however many connectors ask for it.
 */
export function contextLookup(
  inventory: Inventory,
  options: SelectAllOptions,
): (server: string | undefined) => SelectionContext {
  const candidates = groupByServer(
    inventory.certificates.map((cert, index) => {
      const key = candidateKey(cert, index);
      return { key, cert, label: labelText(key, cert) };
    }),
    (c) => c.cert.server,
  );
  const serverByName = firstIndexByServer(inventory.servers, (s) => s.name);
  const serverByFqdn = firstIndexByServer(inventory.servers, (s) => s.fqdn);
  const transportByServer = firstIndexByServer(inventory.transportServices, (t) => t.server);
  const fqdns = options.serverFqdns;
  const fqdnByKey = fqdns === undefined ? undefined : firstValueByServer(fqdns);
  const built = new Map<string | undefined, SelectionContext>();

  return (server) => {
    const cached = built.get(server);
    if (cached !== undefined) return cached;
    const key = serverKey(server);
    // The first server named so or, for a named connector server, with that FQDN (as a `find` over both would).
    const byName = serverByName.get(key);
    const byFqdn = server === undefined ? undefined : serverByFqdn.get(key);
    const first = byName === undefined ? byFqdn : byFqdn === undefined ? byName : Math.min(byName, byFqdn);
    const exchangeServer = first === undefined ? undefined : inventory.servers[first];
    const transportIndex = transportByServer.get(key);
    const transport = transportIndex === undefined ? undefined : inventory.transportServices[transportIndex];
    const rawThumbprint = transport?.internalTransportCertificateThumbprint;
    const context: SelectionContext = {
      certificates: candidates.get(key) ?? [],
      version: exchangeServer?.version,
      serverFqdn:
        exchangeServer?.fqdn ?? (server === undefined ? undefined : (fqdns?.get(server) ?? fqdnByKey?.get(key))),
      asOf: options.asOf,
      internalTransportThumbprint:
        rawThumbprint === undefined || rawThumbprint === ""
          ? rawThumbprint
          : (normaliseThumbprint(rawThumbprint)?.value ?? rawThumbprint),
      serverName: server,
    };
    built.set(server, context);
    return context;
  };
}

/** The FQDN of the first name that matches a server, in the map's order. */
function firstValueByServer(fqdns: ReadonlyMap<string, string>): ReadonlyMap<string | undefined, string> {
  const out = new Map<string | undefined, string>();
  for (const [name, fqdn] of fqdns) {
    const key = serverKey(name);
    if (!out.has(key)) out.set(key, fqdn);
  }
  return out;
}
