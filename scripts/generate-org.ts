/**
 * A synthetic Exchange organisation for benchmarks and tests: N servers, each with its certificates, receive
 * connectors and transport service, send connectors shared by groups of servers and one hybrid configuration,
 * printed the way admins paste them — `Format-List` (selected properties or `fl *`, hard-wrapped at the console
 * width), the default `Format-Table` views and `ConvertTo-Json` as Windows PowerShell 5.1 indents it — with the
 * Exchange Management Shell prompt and command before every output. Deterministic for a given seed.
 */

export type PasteForm = "list" | "list-all" | "table" | "json";

export type Value = string | number | boolean | readonly string[];

export interface OrgRecord {
  readonly cmdlet:
    | "Get-ExchangeCertificate"
    | "Get-ReceiveConnector"
    | "Get-SendConnector"
    | "Get-TransportService"
    | "Get-HybridConfiguration";
  readonly server: string | undefined;
  readonly properties: Readonly<Record<string, Value>>;
}

export interface OrgOptions {
  readonly servers: number;
  readonly seed?: number;
  /** Forms used in turn, one per server (default: every form). */
  readonly forms?: readonly PasteForm[];
  /** Servers that share one send connector (default 4). */
  readonly serversPerSendConnector?: number;
  /** Whether to print the send connectors and the hybrid configuration too (default true). */
  readonly orgWide?: boolean;
}

export interface GeneratedOrg {
  readonly text: string;
  /** Every record the text prints, with the values it prints: what the same paste would be as JSON. */
  readonly records: readonly OrgRecord[];
  readonly servers: readonly string[];
  readonly counts: {
    readonly certificates: number;
    readonly receiveConnectors: number;
    readonly sendConnectors: number;
    readonly transportServices: number;
    readonly hybridConfigurations: number;
  };
}

const ALL_FORMS: readonly PasteForm[] = ["list", "list-all", "table", "json"];
const PROMPT = "[PS] C:\\Windows\\system32>";
const DAY_MS = 86_400_000;
/** Dates are placed around this day so that some certificates are expired and some about to expire. */
const EPOCH = Date.UTC(2026, 0, 15);

/** Mulberry32: small, fast and good enough to vary names and dates. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface Org {
  readonly next: () => number;
  readonly domain: string;
  readonly adDomain: string;
  readonly company: string;
}

const COMPANIES = [
  ["contoso", "Contoso Ltd", "Seattle", "Washington", "US"],
  ["fabrikam", "Fabrikam Inc", "Chicago", "Illinois", "US"],
  ["woodgrovebank", "Woodgrove Bank", "London", "England", "GB"],
  ["tailspintoys", "Tailspin Toys", "Berlin", "Berlin", "DE"],
] as const;

const CAS = [
  "CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1, O=DigiCert Inc, C=US",
  "CN=GeoTrust TLS RSA CA G1, OU=www.digicert.com, O=DigiCert Inc, C=US",
  "CN=Sectigo RSA Domain Validation Secure Server CA, O=Sectigo Limited, L=Salford, S=Greater Manchester, C=GB",
  "CN=GlobalSign RSA OV SSL CA 2018, O=GlobalSign nv-sa, C=BE",
];

const pick = <T>(org: Org, items: readonly T[]): T => items[Math.floor(org.next() * items.length)] as T;

function hex(org: Org, length: number): string {
  let out = "";
  while (out.length < length) out += Math.floor(org.next() * 16).toString(16);
  return out.toUpperCase();
}

function guid(org: Org): string {
  const h = hex(org, 32).toLowerCase();
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** `3/1/2025 11:59:59 PM`, as an en-US console prints a DateTime. */
function usDate(ms: number): string {
  const d = new Date(ms);
  const hour = d.getUTCHours();
  const h12 = hour % 12 === 0 ? 12 : hour % 12;
  const two = (n: number) => String(n).padStart(2, "0");
  return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()} ${h12}:${two(d.getUTCMinutes())}:${two(
    d.getUTCSeconds(),
  )} ${hour < 12 ? "AM" : "PM"}`;
}

interface CertificateDraft {
  readonly thumbprint: string;
  readonly subject: string;
  readonly issuer: string;
  readonly domains: readonly string[];
  readonly services: readonly string[];
  readonly notBefore: number;
  readonly notAfter: number;
  readonly selfSigned: boolean;
  readonly rootCAType: string;
  readonly friendlyName: string;
  readonly serial: string;
}

const SERVICE_LETTERS: readonly [string, string][] = [
  ["IMAP", "I"],
  ["POP", "P"],
  ["UM", "U"],
  ["IIS", "W"],
  ["SMTP", "S"],
  ["Federation", "F"],
  ["UMCallRouter", "C"],
];

/** The `Services` column of the default table: one letter per service, `.` where it is not enabled. */
function servicesFlags(services: readonly string[]): string {
  return SERVICE_LETTERS.map(([name, letter]) => (services.includes(name) ? letter : ".")).join("");
}

/** The numeric `AllowedServices` flags ConvertTo-Json prints. */
function servicesNumber(services: readonly string[]): number {
  const bits: Readonly<Record<string, number>> = { IMAP: 1, POP: 2, UM: 4, IIS: 8, SMTP: 16, Federation: 32 };
  return services.reduce((sum, s) => sum + (bits[s] ?? 0), 0);
}

function certificatesOf(org: Org, server: string, index: number): CertificateDraft[] {
  const fqdn = `${server}.${org.adDomain}`;
  const issued = EPOCH - Math.floor(org.next() * 700) * DAY_MS - 3_600_000 * Math.floor(org.next() * 20);
  const thirdPartyDomains = [`mail.${org.domain}`, `autodiscover.${org.domain}`, `owa.${org.domain}`];
  if (index % 3 === 0) thirdPartyDomains.push(`smtp.${org.domain}`, `legacy.${org.domain}`, `webmail.${org.domain}`);
  const company = COMPANIES.find(([id]) => org.domain.startsWith(id)) ?? COMPANIES[0];
  const subjectTail = `O=${company[1]}, L=${company[2]}, S=${company[3]}, C=${company[4]}`;
  const ca = pick(org, CAS);
  const certs: CertificateDraft[] = [
    {
      thumbprint: hex(org, 40),
      subject: `CN=mail.${org.domain}, ${subjectTail}`,
      issuer: ca,
      domains: thirdPartyDomains,
      services: index % 5 === 4 ? ["IIS"] : ["IIS", "SMTP"],
      notBefore: issued,
      notAfter: issued + 397 * DAY_MS,
      selfSigned: false,
      rootCAType: "ThirdParty",
      friendlyName: `${org.company} ${new Date(issued).getUTCFullYear()}`,
      serial: hex(org, 32),
    },
    {
      thumbprint: hex(org, 40),
      subject: `CN=${server}`,
      issuer: `CN=${server}`,
      domains: [server, fqdn],
      services: ["IMAP", "POP", "IIS", "SMTP"],
      notBefore: issued - 900 * DAY_MS,
      notAfter: issued + 926 * DAY_MS,
      selfSigned: true,
      rootCAType: "Registry",
      friendlyName: "Microsoft Exchange",
      serial: hex(org, 32),
    },
    {
      thumbprint: hex(org, 40),
      subject: "CN=Microsoft Exchange Server Auth Certificate",
      issuer: "CN=Microsoft Exchange Server Auth Certificate",
      domains: [],
      services: ["SMTP"],
      notBefore: issued - 800 * DAY_MS,
      notAfter: issued + 1026 * DAY_MS,
      selfSigned: true,
      rootCAType: "Registry",
      friendlyName: "Microsoft Exchange Server Auth Certificate",
      serial: hex(org, 32),
    },
    {
      thumbprint: hex(org, 40),
      subject: `CN=WMSvc-SHA2-${server}`,
      issuer: `CN=WMSvc-SHA2-${server}`,
      domains: [`WMSvc-SHA2-${server}`],
      services: [],
      notBefore: issued - 900 * DAY_MS,
      notAfter: issued + 2750 * DAY_MS,
      selfSigned: true,
      rootCAType: "Registry",
      friendlyName: "WMSVC-SHA2",
      serial: hex(org, 32),
    },
  ];
  if (index % 4 === 1) {
    certs.push({
      thumbprint: hex(org, 40),
      subject: `CN=mail.${org.domain}, ${subjectTail}`,
      issuer: ca,
      domains: thirdPartyDomains.slice(0, 3),
      services: ["IIS", "SMTP"],
      notBefore: issued - 397 * DAY_MS,
      notAfter: issued,
      selfSigned: false,
      rootCAType: "ThirdParty",
      friendlyName: `${org.company} ${new Date(issued).getUTCFullYear() - 1}`,
      serial: hex(org, 32),
    });
  }
  return certs;
}

function tlsName(cert: CertificateDraft): string {
  return `<I>${cert.issuer}<S>${cert.subject}`;
}

function certificateRecord(cert: CertificateDraft, server: string, org: Org, form: PasteForm): OrgRecord {
  const base: Record<string, Value> = {
    Thumbprint: cert.thumbprint,
    Subject: cert.subject,
    Issuer: cert.issuer,
    CertificateDomains: cert.domains,
    Services: form === "json" ? servicesNumber(cert.services) : cert.services.join(", ") || "None",
    NotBefore: form === "json" ? `/Date(${cert.notBefore})/` : usDate(cert.notBefore),
    NotAfter: form === "json" ? `/Date(${cert.notAfter})/` : usDate(cert.notAfter),
    IsSelfSigned: cert.selfSigned,
    HasPrivateKey: true,
    Status: "Valid",
    RootCAType: cert.rootCAType,
    PublicKeySize: 2048,
  };
  if (form === "table") {
    return {
      cmdlet: "Get-ExchangeCertificate",
      server,
      properties: { Thumbprint: cert.thumbprint, Services: servicesFlags(cert.services), Subject: cert.subject },
    };
  }
  if (form !== "list-all") return { cmdlet: "Get-ExchangeCertificate", server, properties: base };
  return {
    cmdlet: "Get-ExchangeCertificate",
    server,
    properties: {
      AccessRules: [
        "System.Security.AccessControl.CryptoKeyAccessRule",
        "System.Security.AccessControl.CryptoKeyAccessRule",
        "System.Security.AccessControl.CryptoKeyAccessRule",
      ],
      CertificateDomains: cert.domains,
      HasPrivateKey: true,
      IsSelfSigned: cert.selfSigned,
      Issuer: cert.issuer,
      NotAfter: base.NotAfter as string,
      NotBefore: base.NotBefore as string,
      PublicKeySize: 2048,
      RootCAType: cert.rootCAType,
      SerialNumber: cert.serial,
      Services: base.Services as string,
      Status: "Valid",
      Subject: cert.subject,
      Thumbprint: cert.thumbprint,
      DnsNameList: cert.domains,
      Identity: `${server}.${org.adDomain}\\${cert.thumbprint}`,
      KeyIdentifier: hex(org, 40),
      ServicesStringForm: servicesFlags(cert.services),
      Archived: false,
      FriendlyName: cert.friendlyName,
      IssuerName: "System.Security.Cryptography.X509Certificates.X500DistinguishedName",
      PrivateKey: "System.Security.Cryptography.RSACryptoServiceProvider",
      PublicKey: "System.Security.Cryptography.X509Certificates.PublicKey",
      SignatureAlgorithm: "System.Security.Cryptography.Oid",
      SubjectName: "System.Security.Cryptography.X509Certificates.X500DistinguishedName",
      Version: 3,
    },
  };
}

interface ReceiveDraft {
  readonly name: string;
  readonly bindings: readonly string[];
  readonly auth: string;
  readonly permissions: string;
  readonly role: "HubTransport" | "FrontendTransport";
  readonly fqdn: string;
  readonly tlsName: string;
  readonly capabilities: readonly string[];
}

function receiveConnectorsOf(org: Org, server: string, certs: readonly CertificateDraft[]): ReceiveDraft[] {
  const fqdn = `${server}.${org.adDomain}`;
  const external = certs[0];
  const anyBind = (port: number) => [`[::]:${port}`, `0.0.0.0:${port}`];
  return [
    {
      name: `Default ${server}`,
      bindings: anyBind(2525),
      auth: "Tls, Integrated, BasicAuth, BasicAuthRequireTLS, ExchangeServer",
      permissions: "ExchangeUsers, ExchangeServers, ExchangeLegacyServers",
      role: "HubTransport",
      fqdn,
      tlsName: "",
      capabilities: [],
    },
    {
      name: `Client Proxy ${server}`,
      bindings: anyBind(465),
      auth: "Tls, Integrated, BasicAuth, BasicAuthRequireTLS, ExchangeServer",
      permissions: "ExchangeUsers, ExchangeServers",
      role: "HubTransport",
      fqdn,
      tlsName: "",
      capabilities: [],
    },
    {
      name: `Default Frontend ${server}`,
      bindings: anyBind(25),
      auth: "Tls, Integrated, BasicAuth, BasicAuthRequireTLS, ExchangeServer",
      permissions: "AnonymousUsers, ExchangeServers, ExchangeLegacyServers",
      role: "FrontendTransport",
      fqdn: org.next() < 0.5 ? fqdn : `mail.${org.domain}`,
      tlsName: external && org.next() < 0.8 ? tlsName(external) : "",
      capabilities: ["mail.protection.outlook.com:AcceptCloudServicesMail"],
    },
    {
      name: `Outbound Proxy Frontend ${server}`,
      bindings: anyBind(717),
      auth: "Tls, Integrated, BasicAuth, BasicAuthRequireTLS, ExchangeServer",
      permissions: "ExchangeServers",
      role: "FrontendTransport",
      fqdn,
      tlsName: "",
      capabilities: [],
    },
    {
      name: `Client Frontend ${server}`,
      bindings: anyBind(587),
      auth: "Tls, Integrated, BasicAuth, BasicAuthRequireTLS",
      permissions: "ExchangeUsers",
      role: "FrontendTransport",
      fqdn: `mail.${org.domain}`,
      tlsName: "",
      capabilities: [],
    },
  ];
}

/** ConvertTo-Json prints these enums as numbers (values as read off a serialised Exchange 2019 object). */
const AUTH_BITS: Readonly<Record<string, number>> = {
  Tls: 1,
  Integrated: 2,
  BasicAuth: 4,
  BasicAuthRequireTLS: 8,
  ExchangeServer: 16,
};
const PERMISSION_BITS: Readonly<Record<string, number>> = {
  AnonymousUsers: 1,
  ExchangeUsers: 2,
  ExchangeServers: 4,
  ExchangeLegacyServers: 8,
};

function flagsNumber(names: string, bits: Readonly<Record<string, number>>): number {
  return names.split(", ").reduce((sum, name) => sum + (bits[name] ?? 0), 0);
}

function receiveRecord(c: ReceiveDraft, server: string, org: Org, form: PasteForm): OrgRecord {
  const identity = `${server}\\${c.name}`;
  const cmdlet = "Get-ReceiveConnector";
  if (form === "table")
    return { cmdlet, server, properties: { Identity: identity, Bindings: c.bindings, Enabled: true } };
  const chosen: Record<string, Value> = {
    Identity: identity,
    Server: server,
    Bindings: c.bindings,
    AuthMechanism: form === "json" ? flagsNumber(c.auth, AUTH_BITS) : c.auth,
    Fqdn: c.fqdn,
    TlsCertificateName: c.tlsName,
    PermissionGroups: form === "json" ? flagsNumber(c.permissions, PERMISSION_BITS) : c.permissions,
    TransportRole: c.role,
    TlsDomainCapabilities: c.capabilities,
  };
  if (form !== "list-all") return { cmdlet, server, properties: chosen };
  return {
    cmdlet,
    server,
    properties: {
      RunspaceId: guid(org),
      AuthMechanism: c.auth,
      Banner: "",
      BinaryMimeEnabled: true,
      Bindings: c.bindings,
      ChunkingEnabled: true,
      DefaultDomain: "",
      DeliveryStatusNotificationEnabled: true,
      EightBitMimeEnabled: true,
      SmtpUtf8Enabled: true,
      BareLinefeedRejectionEnabled: false,
      DomainSecureEnabled: c.role === "FrontendTransport" && c.name.startsWith("Default"),
      EnhancedStatusCodesEnabled: true,
      LongAddressesEnabled: false,
      OrarEnabled: false,
      SuppressXAnonymousTls: false,
      ProxyEnabled: false,
      AdvertiseClientSettings: false,
      Fqdn: c.fqdn,
      ServiceDiscoveryFqdn: "",
      TlsCertificateName: c.tlsName,
      Comment: "",
      Enabled: true,
      ConnectionTimeout: "00:10:00",
      ConnectionInactivityTimeout: "00:05:00",
      MessageRateLimit: "Unlimited",
      MessageRateSource: "IPAddress",
      MaxInboundConnection: 5000,
      MaxInboundConnectionPerSource: 20,
      MaxInboundConnectionPercentagePerSource: 2,
      MaxHeaderSize: "256 KB (262,144 bytes)",
      MaxHopCount: 60,
      MaxLocalHopCount: 5,
      MaxLogonFailures: 3,
      MaxMessageSize: "36 MB (37,748,736 bytes)",
      MaxProtocolErrors: 5,
      MaxRecipientsPerMessage: 200,
      PermissionGroups: c.permissions,
      PipeliningEnabled: true,
      ProtocolLoggingLevel: "Verbose",
      RemoteIPRanges: ["::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "0.0.0.0-255.255.255.255"],
      RequireEHLODomain: false,
      RequireTLS: false,
      EnableAuthGSSAPI: false,
      ExtendedProtectionPolicy: "None",
      LiveCredentialEnabled: false,
      TlsDomainCapabilities: c.capabilities,
      Server: server,
      TransportRole: c.role,
      SizeEnabled: "Enabled",
      TarpitInterval: "00:00:05",
      MaxAcknowledgementDelay: "00:00:30",
      AdminDisplayName: "",
      ExchangeVersion: "0.1 (8.0.535.0)",
      Name: c.name,
      DistinguishedName: `CN=${c.name},CN=SMTP Receive Connectors,CN=Protocols,CN=${server},CN=Servers,CN=Exchange Administrative Group (FYDIBOHF23SPDLT),CN=Administrative Groups,CN=${org.company},CN=Microsoft Exchange,CN=Services,CN=Configuration,DC=${org.adDomain.split(".").join(",DC=")}`,
      Identity: identity,
      Guid: guid(org),
      ObjectCategory: `${org.adDomain}/Configuration/Schema/ms-Exch-Smtp-Receive-Connector`,
      ObjectClass: ["top", "msExchSmtpReceiveConnector"],
      OriginatingServer: `DC01.${org.adDomain}`,
      IsValid: true,
      ObjectState: "Unchanged",
    },
  };
}

function transportRecord(server: string, internal: CertificateDraft, org: Org, form: PasteForm): OrgRecord {
  const cmdlet = "Get-TransportService";
  const chosen = { Name: server, InternalTransportCertificateThumbprint: internal.thumbprint };
  if (form !== "list-all") return { cmdlet, server, properties: chosen };
  const logs = "C:\\Program Files\\Microsoft\\Exchange Server\\V15\\TransportRoles\\Logs";
  return {
    cmdlet,
    server,
    properties: {
      RunspaceId: guid(org),
      Name: server,
      InternalTransportCertificateThumbprint: internal.thumbprint,
      MaxOutboundConnections: 1000,
      MaxPerDomainOutboundConnections: 20,
      MessageExpirationTimeout: "2.00:00:00",
      ReceiveProtocolLogPath: `${logs}\\Hub\\ProtocolLog\\SmtpReceive`,
      SendProtocolLogPath: `${logs}\\Hub\\ProtocolLog\\SmtpSend`,
      ReceiveProtocolLogMaxAge: "30.00:00:00",
      SendProtocolLogMaxAge: "30.00:00:00",
      ConnectivityLogPath: `${logs}\\Hub\\Connectivity`,
      MessageTrackingLogPath: `${logs}\\MessageTracking`,
      PipelineTracingEnabled: false,
      ExchangeVersion: "0.1 (8.0.535.0)",
      Identity: server,
      IsValid: true,
    },
  };
}

interface SendDraft {
  readonly name: string;
  readonly sources: readonly string[];
  readonly toCloud: boolean;
  readonly cert: CertificateDraft | undefined;
}

function sendRecord(s: SendDraft, org: Org, form: PasteForm): OrgRecord {
  const cmdlet = "Get-SendConnector";
  if (form === "table") {
    return {
      cmdlet,
      server: undefined,
      properties: {
        Identity: s.name,
        AddressSpaces: [s.toCloud ? `smtp:${org.domain}.mail.onmicrosoft.com;1` : "SMTP:*;1"],
        Enabled: true,
      },
    };
  }
  const chosen: Record<string, Value> = {
    Identity: s.name,
    AddressSpaces: [s.toCloud ? `smtp:${org.domain}.mail.onmicrosoft.com;1` : "SMTP:*;1"],
    SourceTransportServers: s.sources,
    DNSRoutingEnabled: true,
    SmartHosts: [],
    Fqdn: `mail.${org.domain}`,
    TlsCertificateName: s.cert ? tlsName(s.cert) : "",
    RequireTLS: s.toCloud,
    TlsAuthLevel: s.toCloud ? "DomainValidation" : "",
    TlsDomain: s.toCloud ? "mail.protection.outlook.com" : "",
    CloudServicesMailEnabled: s.toCloud,
  };
  if (form !== "list-all") return { cmdlet, server: undefined, properties: chosen };
  return {
    cmdlet,
    server: undefined,
    properties: {
      ...chosen,
      RunspaceId: guid(org),
      AuthenticationCredential: "",
      Comment: "",
      ConnectedDomains: [],
      ConnectionInactivityTimeOut: "00:10:00",
      DomainSecureEnabled: false,
      Enabled: true,
      ErrorPolicies: "Default",
      ForceHELO: false,
      FrontendProxyEnabled: false,
      IgnoreSTARTTLS: false,
      IsScopedConnector: false,
      IsSmtpConnector: true,
      MaxMessageSize: "35 MB (36,700,160 bytes)",
      Port: 25,
      ProtocolLoggingLevel: "None",
      SmartHostAuthMechanism: "None",
      SmtpMaxMessagesPerConnection: 20,
      SourceIPAddress: "0.0.0.0",
      UseExternalDNSServersEnabled: false,
      Name: s.name,
      Guid: guid(org),
      IsValid: true,
    },
  };
}

function hybridRecord(org: Org, servers: readonly string[], cert: CertificateDraft | undefined): OrgRecord {
  return {
    cmdlet: "Get-HybridConfiguration",
    server: undefined,
    properties: {
      RunspaceId: guid(org),
      ClientAccessServers: [],
      EdgeTransportServers: [],
      ReceivingTransportServers: servers.slice(0, 4),
      SendingTransportServers: servers.slice(0, 4),
      OnPremisesSmartHost: `mail.${org.domain}`,
      Domains: [org.domain],
      Features: [
        "FreeBusy",
        "MoveMailbox",
        "Mailtips",
        "MessageTracking",
        "OwaRedirection",
        "OnlineArchive",
        "SecureMail",
        "Photos",
      ],
      ExternalIPAddresses: [],
      TlsCertificateName: cert ? tlsName(cert) : "",
      ServiceInstance: 0,
      Name: "Hybrid Configuration",
      Identity: "Hybrid Configuration",
      Guid: guid(org),
      IsValid: true,
      ObjectState: "Unchanged",
    },
  };
}

/** What the console prints for a value in `Format-List` and `Format-Table`. */
function consoleText(value: Value): string {
  if (Array.isArray(value)) return `{${value.join(", ")}}`;
  if (typeof value === "boolean") return value ? "True" : "False";
  return String(value);
}

/** Windows PowerShell hard-wraps a `Format-List` value at the console width, in mid-token, under the value column. */
function wrapListLine(head: string, value: string, width: number): string[] {
  const room = width - head.length;
  if (value.length <= room || room < 20) return [`${head}${value}`.trimEnd()];
  const out = [`${head}${value.slice(0, room)}`];
  const pad = " ".repeat(head.length);
  for (let at = room; at < value.length; at += room) out.push(`${pad}${value.slice(at, at + room)}`.trimEnd());
  return out;
}

function printList(records: readonly OrgRecord[], width: number): string {
  return records
    .map((record) => {
      const names = Object.keys(record.properties);
      const column = names.reduce((max, n) => Math.max(max, n.length), 0);
      return names
        .flatMap((name) => wrapListLine(`${name.padEnd(column)} : `, consoleText(record.properties[name] ?? ""), width))
        .join("\n");
    })
    .join("\n\n");
}

/** The default `Format-Table` view: fixed columns, the last cut with `...` at the console width. */
function printTable(records: readonly OrgRecord[], widths: readonly number[], width: number): string {
  const first = records[0];
  if (first === undefined) return "";
  const names = Object.keys(first.properties);
  const cell = (text: string, c: number) => {
    const w = widths[c];
    if (w === undefined) return text;
    return text.length > w ? `${text.slice(0, w - 3)}...`.padEnd(w + 1) : text.padEnd(w + 1);
  };
  const line = (texts: readonly string[]) => {
    const full = texts.map((t, c) => cell(t, c)).join("");
    return (full.length > width ? `${full.slice(0, width - 3)}...` : full).trimEnd();
  };
  return [
    line(names),
    line(names.map((n) => "-".repeat(n.length))),
    ...records.map((r) => line(names.map((n) => consoleText(r.properties[n] ?? "")))),
  ].join("\n");
}

/** `ConvertTo-Json` of Windows PowerShell 5.1: four-space indents, `"name":  value`, arrays aligned under the name. */
function json51(
  value: Value | Readonly<Record<string, Value>> | readonly Readonly<Record<string, Value>>[],
  indent: number,
): string {
  if (typeof value === "string") return JSON.stringify(value).replace(/\//g, "\\/");
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  const pad = " ".repeat(indent);
  if (Array.isArray(value)) {
    if (value.length === 0) return `[\n\n${pad}]`;
    const inner = " ".repeat(indent + 4);
    const items = (value as readonly (string | Readonly<Record<string, Value>>)[]).map(
      (item) => `${inner}${json51(item, indent + 4)}`,
    );
    return `[\n${items.join(",\n")}\n${pad}]`;
  }
  const inner = " ".repeat(indent + 4);
  const members = Object.entries(value as Readonly<Record<string, Value>>).map(([name, v]) => {
    const head = `${inner}"${name}":  `;
    return `${head}${json51(v, head.length - 1)}`;
  });
  return `{\n${members.join(",\n")}\n${pad}}`;
}

function printJson(records: readonly OrgRecord[]): string {
  const objects = records.map((r) => r.properties);
  return objects.length === 1 && objects[0] !== undefined ? json51(objects[0], 0) : json51(objects, 0);
}

function section(command: string, body: string): string {
  return `${PROMPT}${command}\n\n${body}\n\n`;
}

const CERT_LIST =
  "Thumbprint,Subject,Issuer,CertificateDomains,Services,NotBefore,NotAfter,IsSelfSigned,HasPrivateKey,Status,RootCAType,PublicKeySize";
const RECEIVE_LIST =
  "Identity,Server,Bindings,AuthMechanism,Fqdn,TlsCertificateName,PermissionGroups,TransportRole,TlsDomainCapabilities";
const SEND_LIST =
  "Identity,AddressSpaces,SourceTransportServers,DNSRoutingEnabled,SmartHosts,Fqdn,TlsCertificateName,RequireTLS,TlsAuthLevel,TlsDomain,CloudServicesMailEnabled";

function printServer(
  server: string,
  form: PasteForm,
  width: number,
  certificates: readonly OrgRecord[],
  receive: readonly OrgRecord[],
  transport: OrgRecord,
): string {
  switch (form) {
    case "list":
      return (
        section(`Get-ExchangeCertificate -Server ${server} | fl ${CERT_LIST}`, printList(certificates, width)) +
        section(
          `Get-TransportService ${server} | fl Name,InternalTransportCertificateThumbprint`,
          printList([transport], width),
        ) +
        section(`Get-ReceiveConnector -Server ${server} | fl ${RECEIVE_LIST}`, printList(receive, width))
      );
    case "list-all":
      return (
        section(`Get-ExchangeCertificate -Server ${server} | fl *`, printList(certificates, width)) +
        section(`Get-TransportService ${server} | fl *`, printList([transport], width)) +
        section(`Get-ReceiveConnector -Server ${server} | fl *`, printList(receive, width))
      );
    case "table":
      return (
        section(`Get-ExchangeCertificate -Server ${server}`, printTable(certificates, [40, 10], width)) +
        section(
          `Get-TransportService ${server} | ft Name,InternalTransportCertificateThumbprint -AutoSize`,
          printTable([transport], [Math.max(4, server.length), 40], width),
        ) +
        section(`Get-ReceiveConnector -Server ${server}`, printTable(receive, [36, 36], width))
      );
    case "json":
      return (
        section(
          `Get-ExchangeCertificate -Server ${server} | Select ${CERT_LIST} | ConvertTo-Json`,
          printJson(certificates),
        ) +
        section(
          `Get-TransportService ${server} | Select Name,InternalTransportCertificateThumbprint | ConvertTo-Json`,
          printJson([transport]),
        ) +
        section(`Get-ReceiveConnector -Server ${server} | Select ${RECEIVE_LIST} | ConvertTo-Json`, printJson(receive))
      );
  }
}

function printSend(records: readonly OrgRecord[], form: PasteForm, width: number): string {
  switch (form) {
    case "list":
      return section(`Get-SendConnector | fl ${SEND_LIST}`, printList(records, width));
    case "list-all":
      return section("Get-SendConnector | fl *", printList(records, width));
    case "table":
      return section("Get-SendConnector", printTable(records, [48, 40], width));
    case "json":
      return section(`Get-SendConnector | Select ${SEND_LIST} | ConvertTo-Json`, printJson(records));
  }
}

/** Console widths admins paste from: the classic 120, a maximised window, and a narrow 100. */
const WIDTHS = [120, 160, 100, 200];

export function generateOrg(options: OrgOptions): GeneratedOrg {
  const next = random(options.seed ?? 1);
  const [id, company] = COMPANIES[(options.seed ?? 1) % COMPANIES.length] ?? COMPANIES[0];
  const org: Org = { next, domain: `${id}.com`, adDomain: `${id}.local`, company };
  const forms = options.forms ?? ALL_FORMS;
  const group = options.serversPerSendConnector ?? 4;
  const servers = Array.from({ length: options.servers }, (_, i) => `EX${String(i + 1).padStart(2, "0")}`);
  const records: OrgRecord[] = [];
  const parts: string[] = [];
  let firstExternal: CertificateDraft | undefined;
  let sendCount = 0;
  let pending: { server: string; cert: CertificateDraft | undefined }[] = [];

  const orgWide = options.orgWide ?? true;
  const flushSend = (form: PasteForm, width: number) => {
    if (pending.length === 0 || !orgWide) return;
    const n = ++sendCount;
    const sends: SendDraft[] = [
      { name: `Internet ${n}`, sources: pending.map((p) => p.server), toCloud: false, cert: pending[0]?.cert },
    ];
    if (n === 1)
      sends.push({
        name: `Outbound to Office 365 - ${guid(org)}`,
        sources: pending.map((p) => p.server),
        toCloud: true,
        cert: pending[0]?.cert,
      });
    const sendRecords = sends.map((s) => sendRecord(s, org, form));
    records.push(...sendRecords);
    parts.push(printSend(sendRecords, form, width));
    pending = [];
  };

  servers.forEach((server, index) => {
    const form = forms[index % forms.length] ?? "list";
    const width = WIDTHS[index % WIDTHS.length] ?? 120;
    const certs = certificatesOf(org, server, index);
    const internal = certs[1] ?? certs[0];
    if (internal === undefined) return;
    firstExternal ??= certs[0];
    const certificates = certs.map((c) => certificateRecord(c, server, org, form));
    const receive = receiveConnectorsOf(org, server, certs).map((c) => receiveRecord(c, server, org, form));
    const transport = transportRecord(server, internal, org, form);
    records.push(...certificates, transport, ...receive);
    parts.push(printServer(server, form, width, certificates, receive, transport));
    pending.push({ server, cert: certs[0] });
    if (pending.length >= group || index === servers.length - 1) flushSend(form, width);
  });

  if (orgWide) {
    const hybrid = hybridRecord(org, servers, firstExternal);
    records.push(hybrid);
    parts.push(section("Get-HybridConfiguration", printList([hybrid], 120)));
  }

  const count = (cmdlet: OrgRecord["cmdlet"]) => records.filter((r) => r.cmdlet === cmdlet).length;
  return {
    text: parts.join(""),
    records,
    servers,
    counts: {
      certificates: count("Get-ExchangeCertificate"),
      receiveConnectors: count("Get-ReceiveConnector"),
      sendConnectors: count("Get-SendConnector"),
      transportServices: count("Get-TransportService"),
      hybridConfigurations: count("Get-HybridConfiguration"),
    },
  };
}
