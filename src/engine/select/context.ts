import type { Certificate } from "../../model/certificate";
import type { Inventory } from "../../model/inventory";
import type { ExchangeVersion } from "../../model/server";
import { normaliseThumbprint } from "../../model/thumbprint";

/** A certificate installed on the server, with its key in the trace: the thumbprint, or `#n` (index in the inventory). */
export interface Candidate {
  readonly key: string;
  readonly cert: Certificate;
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
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

export function candidateKey(cert: Certificate, index: number): string {
  return cert.thumbprint === undefined || cert.thumbprint === "" ? `#${index}` : cert.thumbprint;
}

export function contextFor(
  inventory: Inventory,
  server: string | undefined,
  options: SelectAllOptions,
): SelectionContext {
  const certificates = inventory.certificates
    .map((cert, index) => ({ key: candidateKey(cert, index), cert }))
    .filter((c) => sameServer(c.cert.server, server));
  const exchangeServer = inventory.servers.find(
    (s) => sameServer(s.name, server) || (server !== undefined && sameServer(s.fqdn, server)),
  );
  const transport = inventory.transportServices.find((t) => sameServer(t.server, server));
  const rawThumbprint = transport?.internalTransportCertificateThumbprint;
  return {
    certificates,
    version: exchangeServer?.version,
    serverFqdn: exchangeServer?.fqdn ?? fqdnFromOptions(server, options.serverFqdns),
    asOf: options.asOf,
    internalTransportThumbprint:
      rawThumbprint === undefined || rawThumbprint === ""
        ? rawThumbprint
        : (normaliseThumbprint(rawThumbprint)?.value ?? rawThumbprint),
    serverName: server,
  };
}

function fqdnFromOptions(
  server: string | undefined,
  fqdns: ReadonlyMap<string, string> | undefined,
): string | undefined {
  if (server === undefined || fqdns === undefined) return undefined;
  const exact = fqdns.get(server);
  if (exact !== undefined) return exact;
  for (const [name, fqdn] of fqdns) if (sameServer(name, server)) return fqdn;
  return undefined;
}
