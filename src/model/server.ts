import type { SourceSpan } from "./source";

/** `Get-HybridConfiguration` output (one per organisation). */
export interface HybridConfiguration {
  readonly kind: "hybrid-configuration";
  readonly tlsCertificateName: string | undefined;
  readonly receivingTransportServers: readonly string[] | undefined;
  readonly sendingTransportServers: readonly string[] | undefined;
  readonly edgeTransportServers: readonly string[] | undefined;
  readonly onPremisesSmartHost: string | undefined;
  readonly domains: readonly string[] | undefined;
  readonly features: readonly string[] | undefined;
  readonly truncated: readonly string[];
  readonly source: SourceSpan;
}

/** `Get-TransportService` output: carries the internal transport ("default SMTP") certificate. */
export interface TransportService {
  readonly kind: "transport-service";
  readonly server: string | undefined;
  /** Upper-case hex; "" when the property is shown empty. */
  readonly internalTransportCertificateThumbprint: string | undefined;
  readonly truncated: readonly string[];
  readonly source: SourceSpan;
}

/** Exchange major versions certflow distinguishes (selection differs on 2010). */
export type ExchangeVersion = "2007" | "2010" | "2013" | "2016" | "2019" | "SE";

/** `Get-ExchangeServer` output. */
export interface ExchangeServer {
  readonly kind: "exchange-server";
  readonly name: string | undefined;
  readonly fqdn: string | undefined;
  /** AdminDisplayVersion as printed, e.g. "Version 15.2 (Build 1544.4)". */
  readonly adminDisplayVersion: string | undefined;
  readonly version: ExchangeVersion | undefined;
  readonly serverRole: string | undefined;
  readonly isEdge: boolean | undefined;
  readonly truncated: readonly string[];
  readonly source: SourceSpan;
}
