import type { Certificate } from "./certificate";
import type { ReceiveConnector, SendConnector } from "./connector";
import type { ExchangeServer, ExchangeVersion, TransportService } from "./server";
import type { DateValue } from "./values";

/**
 * Builders for tests: model objects with sensible defaults (a CA-issued
 * mail.contoso.com certificate on EX01, a port-25 frontend connector) so a
 * test names only what it is about.
 */

/** A 40-hex thumbprint from a short tag: `thumb("A1")` → `A1A1…`. */
export function thumb(tag: string): string {
  return tag
    .toUpperCase()
    .repeat(Math.ceil(40 / tag.length))
    .slice(0, 40);
}

export function date(isoDay: string): DateValue {
  const iso = `${isoDay}T00:00:00.000Z`;
  return { raw: isoDay, iso, readings: [iso] };
}

/** A console date two cultures read differently, e.g. `12/02/2024` (12 Feb or 2 Dec). */
export function ambiguousDate(raw: string, isoDays: readonly string[]): DateValue {
  return { raw, iso: null, readings: isoDays.map((d) => `${d}T00:00:00.000Z`) };
}

export function makeCert(over: Partial<Certificate> = {}): Certificate {
  return {
    kind: "certificate",
    server: "EX01",
    thumbprint: thumb("C0"),
    subject: "CN=mail.contoso.com",
    issuer: "CN=Contoso Issuing CA, O=Contoso, C=US",
    domains: ["mail.contoso.com"],
    services: ["IIS", "SMTP"],
    notBefore: date("2024-01-01"),
    notAfter: date("2026-01-01"),
    selfSigned: false,
    hasPrivateKey: true,
    status: "Valid",
    rootCAType: "ThirdParty",
    publicKeySize: 2048,
    signatureAlgorithm: undefined,
    version: undefined,
    enhancedKeyUsage: undefined,
    friendlyName: undefined,
    serialNumber: undefined,
    truncated: [],
    origin: "cmdlet",
    source: { block: 0, startLine: 1, endLine: 1 },
    ...over,
  };
}

/** Exchange Setup's self-signed server certificate (domain F3.1.4). */
export function makeSelfSigned(server: string, fqdn: string, over: Partial<Certificate> = {}): Certificate {
  return makeCert({
    server,
    thumbprint: thumb("5E"),
    subject: `CN=${server}`,
    issuer: `CN=${server}`,
    domains: [server, fqdn],
    services: ["IMAP", "POP", "IIS", "SMTP"],
    selfSigned: true,
    rootCAType: "Registry",
    notBefore: date("2023-02-02"),
    notAfter: date("2028-02-02"),
    ...over,
  });
}

/** The OAuth certificate Setup creates: SMTP flag, no host names (domain F3.1.4, F3.1.5). */
export function makeAuthCert(server: string, over: Partial<Certificate> = {}): Certificate {
  return makeCert({
    server,
    thumbprint: thumb("A7"),
    subject: "CN=Microsoft Exchange Server Auth Certificate",
    issuer: "CN=Microsoft Exchange Server Auth Certificate",
    domains: [],
    services: ["SMTP"],
    selfSigned: true,
    rootCAType: "None",
    notBefore: date("2023-02-02"),
    notAfter: date("2028-02-02"),
    ...over,
  });
}

export function makeReceiveConnector(over: Partial<ReceiveConnector> = {}): ReceiveConnector {
  return {
    kind: "receive-connector",
    server: "EX01",
    name: "Default Frontend EX01",
    identity: "EX01\\Default Frontend EX01",
    authMechanism: ["Tls", "Integrated", "BasicAuth", "BasicAuthRequireTLS", "ExchangeServer"],
    bindings: ["[::]:25", "0.0.0.0:25"],
    fqdn: "mail.contoso.com",
    tlsCertificateName: "",
    enabled: true,
    permissionGroups: ["AnonymousUsers", "ExchangeServers", "ExchangeLegacyServers"],
    remoteIPRanges: undefined,
    requireTLS: false,
    domainSecureEnabled: undefined,
    suppressXAnonymousTls: false,
    tlsDomainCapabilities: undefined,
    transportRole: "FrontendTransport",
    truncated: [],
    source: { block: 1, startLine: 1, endLine: 1 },
    ...over,
  };
}

export function makeSendConnector(over: Partial<SendConnector> = {}): SendConnector {
  return {
    kind: "send-connector",
    name: "Outbound to Office 365",
    identity: "Outbound to Office 365",
    sourceTransportServers: ["EX01"],
    addressSpaces: ["smtp:contoso.mail.onmicrosoft.com;1"],
    smartHosts: undefined,
    dnsRoutingEnabled: true,
    fqdn: "mail.contoso.com",
    tlsCertificateName: "",
    requireTLS: true,
    ignoreStartTLS: false,
    tlsAuthLevel: "DomainValidation",
    tlsDomain: "mail.protection.outlook.com",
    cloudServicesMailEnabled: true,
    domainSecureEnabled: false,
    smartHostAuthMechanism: "None",
    enabled: true,
    port: 25,
    truncated: [],
    source: { block: 2, startLine: 1, endLine: 1 },
    ...over,
  };
}

export function makeExchangeServer(
  name: string,
  fqdn: string | undefined,
  version: ExchangeVersion | undefined,
): ExchangeServer {
  return {
    kind: "exchange-server",
    name,
    fqdn,
    adminDisplayVersion: undefined,
    version,
    serverRole: "Mailbox",
    isEdge: false,
    truncated: [],
    source: { block: 3, startLine: 1, endLine: 1 },
  };
}

export function makeTransportService(server: string | undefined, thumbprint: string): TransportService {
  return {
    kind: "transport-service",
    server,
    internalTransportCertificateThumbprint: thumbprint,
    truncated: [],
    source: { block: 4, startLine: 1, endLine: 1 },
  };
}
