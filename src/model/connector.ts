import type { SourceSpan } from "./source";

/**
 * A receive connector from `Get-ReceiveConnector` output. `tlsCertificateName`
 * is `""` when the paste shows the property empty and `undefined` when the
 * property is not in the paste at all — the two mean different things.
 */
export interface ReceiveConnector {
  readonly kind: "receive-connector";
  readonly server: string | undefined;
  /** Connector name without the `SERVER\` prefix; undefined when the paste lost it. */
  readonly name: string | undefined;
  readonly identity: string | undefined;
  readonly authMechanism: readonly string[] | undefined;
  readonly bindings: readonly string[] | undefined;
  readonly fqdn: string | undefined;
  readonly tlsCertificateName: string | undefined;
  readonly enabled: boolean | undefined;
  readonly permissionGroups: readonly string[] | undefined;
  readonly remoteIPRanges: readonly string[] | undefined;
  readonly requireTLS: boolean | undefined;
  readonly domainSecureEnabled: boolean | undefined;
  readonly suppressXAnonymousTls: boolean | undefined;
  readonly tlsDomainCapabilities: readonly string[] | undefined;
  /** FrontendTransport or HubTransport (Edge connectors print HubTransport too). */
  readonly transportRole: string | undefined;
  readonly truncated: readonly string[];
  readonly source: SourceSpan;
}

/**
 * A send connector from `Get-SendConnector` output. Send connectors are
 * organisation objects: they run on every server in `sourceTransportServers`.
 */
export interface SendConnector {
  readonly kind: "send-connector";
  readonly name: string | undefined;
  readonly identity: string | undefined;
  readonly sourceTransportServers: readonly string[] | undefined;
  readonly addressSpaces: readonly string[] | undefined;
  readonly smartHosts: readonly string[] | undefined;
  readonly dnsRoutingEnabled: boolean | undefined;
  readonly fqdn: string | undefined;
  readonly tlsCertificateName: string | undefined;
  readonly requireTLS: boolean | undefined;
  readonly ignoreStartTLS: boolean | undefined;
  /** EncryptionOnly, CertificateValidation, DomainValidation or "" when unset. */
  readonly tlsAuthLevel: string | undefined;
  readonly tlsDomain: string | undefined;
  readonly cloudServicesMailEnabled: boolean | undefined;
  readonly domainSecureEnabled: boolean | undefined;
  readonly smartHostAuthMechanism: string | undefined;
  readonly enabled: boolean | undefined;
  readonly port: number | undefined;
  readonly truncated: readonly string[];
  readonly source: SourceSpan;
}

/** Exchange Online `Get-InboundConnector` output. */
export interface InboundConnector {
  readonly kind: "inbound-connector";
  readonly name: string | undefined;
  readonly connectorType: string | undefined;
  readonly tlsSenderCertificateName: string | undefined;
  readonly requireTls: boolean | undefined;
  readonly senderDomains: readonly string[] | undefined;
  readonly restrictDomainsToCertificate: boolean | undefined;
  readonly enabled: boolean | undefined;
  readonly truncated: readonly string[];
  readonly source: SourceSpan;
}

/** Exchange Online `Get-OutboundConnector` output. */
export interface OutboundConnector {
  readonly kind: "outbound-connector";
  readonly name: string | undefined;
  readonly connectorType: string | undefined;
  readonly tlsSettings: string | undefined;
  readonly tlsDomain: string | undefined;
  readonly smartHosts: readonly string[] | undefined;
  readonly recipientDomains: readonly string[] | undefined;
  readonly useMXRecord: boolean | undefined;
  readonly cloudServicesMailEnabled: boolean | undefined;
  readonly enabled: boolean | undefined;
  readonly truncated: readonly string[];
  readonly source: SourceSpan;
}
