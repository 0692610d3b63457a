import type { InboundConnector, OutboundConnector } from "../../model/connector";
import type { MapContext } from "./context";
import type { Fields } from "./fields";
import { modelNames } from "./get-receive-connector";
import { spanOf } from "./span";

/** Exchange Online Get-InboundConnector: the certificate name EXO expects from on-premises. */
export function mapInboundConnector(f: Fields, ctx: MapContext): InboundConnector {
  return {
    kind: "inbound-connector",
    name: f.optionalText("Name") ?? f.optionalText("Identity"),
    connectorType: f.optionalText("ConnectorType"),
    tlsSenderCertificateName: f.text("TlsSenderCertificateName"),
    requireTls: f.bool("RequireTls"),
    senderDomains: f.list("SenderDomains"),
    restrictDomainsToCertificate: f.bool("RestrictDomainsToCertificate"),
    enabled: f.bool("Enabled"),
    truncated: modelNames(f.truncated),
    source: spanOf(f, ctx),
  };
}

/** Exchange Online Get-OutboundConnector: the name EXO validates on-premises against. */
export function mapOutboundConnector(f: Fields, ctx: MapContext): OutboundConnector {
  return {
    kind: "outbound-connector",
    name: f.optionalText("Name") ?? f.optionalText("Identity"),
    connectorType: f.optionalText("ConnectorType"),
    tlsSettings: f.text("TlsSettings"),
    tlsDomain: f.text("TlsDomain"),
    smartHosts: f.list("SmartHosts"),
    recipientDomains: f.list("RecipientDomains"),
    useMXRecord: f.bool("UseMXRecord"),
    cloudServicesMailEnabled: f.bool("CloudServicesMailEnabled"),
    enabled: f.bool("Enabled"),
    truncated: modelNames(f.truncated),
    source: spanOf(f, ctx),
  };
}
