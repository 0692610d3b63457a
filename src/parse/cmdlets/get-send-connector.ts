import type { SendConnector } from "../../model/connector";
import { shortServer } from "../prompt";
import type { MapContext } from "./context";
import type { Fields } from "./fields";
import { modelNames } from "./get-receive-connector";
import { spanOf } from "./span";

/** Get-SendConnector: an organisation object; it runs on its SourceTransportServers. */
export function mapSendConnector(f: Fields, ctx: MapContext): SendConnector {
  const identity = f.optionalText("Identity");
  const sources = f.list("SourceTransportServers");
  return {
    kind: "send-connector",
    name: f.optionalText("Name") ?? identity,
    identity,
    sourceTransportServers: sources?.map(shortServer),
    addressSpaces: f.list("AddressSpaces"),
    smartHosts: f.list("SmartHosts"),
    dnsRoutingEnabled: f.bool("DNSRoutingEnabled"),
    fqdn: f.optionalText("Fqdn"),
    tlsCertificateName: f.text("TlsCertificateName"),
    requireTLS: f.bool("RequireTLS"),
    ignoreStartTLS: f.bool("IgnoreSTARTTLS"),
    tlsAuthLevel: f.text("TlsAuthLevel"),
    tlsDomain: f.text("TlsDomain"),
    cloudServicesMailEnabled: f.bool("CloudServicesMailEnabled"),
    domainSecureEnabled: f.bool("DomainSecureEnabled"),
    smartHostAuthMechanism: f.optionalText("SmartHostAuthMechanism"),
    enabled: f.bool("Enabled"),
    port: f.int("Port"),
    truncated: modelNames(f.truncated),
    source: spanOf(f, ctx),
  };
}
