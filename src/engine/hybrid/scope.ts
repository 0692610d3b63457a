import type { ReceiveConnector, SendConnector } from "../../model/connector";
import type { HybridConfiguration } from "../../model/server";
import { parseTlsCertificateName } from "../../model/tls-certificate-name";
import type { Destination } from "../fix/issued-certificate";
import { sameServer } from "../select/context";
import { firstIndexByServer, serverKey } from "../server-index";

/**
 * Which servers and connectors carry hybrid mail. HealthChecker's false
 * positives (CSS-Exchange #1931, #1932, #2035) came from judging servers the
 * hybrid configuration does not name, so every hybrid rule starts here.
 */

export interface HybridScope {
  /** Servers Exchange Online delivers to: ReceivingTransportServers, or the Edge servers. */
  readonly receiving: readonly string[];
  /** Source servers of the hybrid send connector: SendingTransportServers, or the Edge servers. */
  readonly sending: readonly string[];
  readonly edge: readonly string[];
}

function unique(names: readonly string[]): string[] {
  const out: string[] = [];
  for (const name of names) if (name.trim() !== "" && !out.some((n) => sameServer(n, name))) out.push(name.trim());
  return out;
}

/**
 * With EdgeTransportServers set the Edge servers do both jobs and
 * Sending/ReceivingTransportServers should be empty (domain F5.3.2); if a
 * paste shows both, every server named is in scope.
 */
export function hybridScope(hybrid: HybridConfiguration): HybridScope {
  const edge = unique(hybrid.edgeTransportServers ?? []);
  return {
    receiving: unique([...edge, ...(hybrid.receivingTransportServers ?? [])]),
    sending: unique([...edge, ...(hybrid.sendingTransportServers ?? [])]),
    edge,
  };
}

export function scopeServers(scope: HybridScope): string[] {
  return unique([...scope.receiving, ...scope.sending]);
}

/** Every hybrid server gets the hybrid certificate, for SMTP. */
export function hybridDestinations(scope: HybridScope, isEdge: (server: string) => boolean | undefined): Destination[] {
  return scopeServers(scope).map((server) => ({
    server,
    services: ["SMTP"],
    edge: isHybridEdge(scope, isEdge, server),
  }));
}

/** An Edge Transport server, by the hybrid configuration or by Get-ExchangeServer. */
export function isHybridEdge(
  scope: HybridScope,
  isEdge: (server: string) => boolean | undefined,
  server: string,
): boolean {
  return scope.edge.some((e) => sameServer(e, server)) || isEdge(server) === true;
}

/** "sending and receiving", "receiving", "Edge" … for messages. */
export function scopeRole(scope: HybridScope, server: string): string {
  if (scope.edge.some((s) => sameServer(s, server))) return "Edge";
  const receives = scope.receiving.some((s) => sameServer(s, server));
  const sends = scope.sending.some((s) => sameServer(s, server));
  return receives && sends ? "sending and receiving" : receives ? "receiving" : "sending";
}

/**
 * `scope.receiving.find((s) => sameServer(s, server))`, indexed once: hybrid rules ask it of every receive connector
 * of the organisation.
 */
export function receivingServerIn(scope: HybridScope): (server: string | undefined) => string | undefined {
  const first = firstIndexByServer(scope.receiving, (s) => s);
  return (server) => {
    if (server === undefined) return undefined;
    const index = first.get(serverKey(server));
    return index === undefined ? undefined : scope.receiving[index];
  };
}

export function isEdgeInScope(scope: HybridScope, server: string | undefined): boolean {
  return scope.edge.some((s) => sameServer(s, server));
}

/** The hybrid configuration's TlsCertificateName as issuer and subject; undefined when empty, cut or malformed. */
export function hybridName(
  hybrid: HybridConfiguration | undefined,
): { readonly issuer: string; readonly subject: string } | undefined {
  const value = hybrid?.tlsCertificateName;
  if (value === undefined || value.trim() === "" || hybrid?.truncated.includes("tlsCertificateName")) return undefined;
  const parsed = parseTlsCertificateName(value);
  return parsed.ok ? { issuer: parsed.issuer, subject: parsed.subject } : undefined;
}

const EXO_SMART_HOST = /^[^.]+\.mail\.protection\.(?:outlook\.com|partner\.outlook\.cn|office365\.us)\.?$/i;
const EXO_ADDRESS_SPACE = /\.mail\.onmicrosoft\.com\b|\.onmicrosoft\.us\b|\.partner\.onmschina\.cn\b/i;

/** `contoso-com.mail.protection.outlook.com` and its sovereign-cloud forms (HealthChecker's ExoConnectorCheck). */
export function isExoSmartHost(host: string): boolean {
  return EXO_SMART_HOST.test(host.trim());
}

/** The connector the Hybrid Configuration Wizard creates: "Outbound to Office 365[ - <GUID>]", or a cloud-mail connector to the tenant. */
export function isHybridSendConnector(c: SendConnector): boolean {
  const name = c.name ?? c.identity ?? "";
  if (/^\s*Outbound to Office 365\b/i.test(name)) return true;
  return c.cloudServicesMailEnabled === true && routesToExchangeOnline(c);
}

function routesToExchangeOnline(c: SendConnector): boolean {
  return (c.smartHosts ?? []).some(isExoSmartHost) || (c.addressSpaces ?? []).some((a) => EXO_ADDRESS_SPACE.test(a));
}

/** Any send connector to Exchange Online, by HealthChecker's definition (smart host in mail.protection, or the tenant's routing domain). */
export function isExoSendConnector(c: SendConnector): boolean {
  return isHybridSendConnector(c) || routesToExchangeOnline(c);
}

const CLOUD_CAPABILITY = /AcceptCloudServicesMail|AcceptOorgProtocol/i;

export function hasCloudCapability(c: ReceiveConnector): boolean | undefined {
  return c.tlsDomainCapabilities === undefined
    ? undefined
    : c.tlsDomainCapabilities.some((t) => CLOUD_CAPABILITY.test(t));
}

/** HCW's capability on 2013 and later (domain F5.2.1). */
export const CLOUD_CAPABILITY_VALUE = "mail.protection.outlook.com:AcceptCloudServicesMail";

export function hasExoCloudCapability(c: ReceiveConnector): boolean | undefined {
  return c.tlsDomainCapabilities === undefined
    ? undefined
    : c.tlsDomainCapabilities.some((t) => t.trim().toLowerCase() === CLOUD_CAPABILITY_VALUE.toLowerCase());
}

/**
 * The receive connector Exchange Online delivers to on a receiving server:
 * "Default Frontend <server>" on Mailbox servers, "Default internal receive
 * connector <server>" on Edge, and any connector HCW-style capabilities mark
 * as cloud-enabled (HealthChecker's definition; not Hub connectors).
 */
export function isHybridReceiveConnector(c: ReceiveConnector, onEdge: boolean): boolean {
  if (c.enabled === false) return false;
  const name = c.name ?? "";
  if (/^\s*Default Frontend\b/i.test(name)) return true;
  if (onEdge && /^\s*Default internal receive connector\b/i.test(name)) return true;
  return hasCloudCapability(c) === true && (onEdge || c.transportRole?.toLowerCase() !== "hubtransport");
}

/** "Default Frontend" for "Default Frontend EX01" on EX01: the connector's role, the same on every server. */
export function connectorRole(name: string, server: string | undefined): string {
  const trimmed = name.trim();
  if (server === undefined) return trimmed;
  // Folded once for both suffixes: asked of every receive connector of the organisation.
  const lower = trimmed.toLowerCase();
  const whole = server.trim();
  const dot = whole.indexOf(".");
  for (const suffix of [whole, dot === -1 ? whole : whole.slice(0, dot)]) {
    if (suffix !== "" && trimmed.length > suffix.length && lower.endsWith(` ${suffix.toLowerCase()}`)) {
      return trimmed.slice(0, trimmed.length - suffix.length).trim();
    }
  }
  return trimmed;
}
