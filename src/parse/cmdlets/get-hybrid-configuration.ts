import type { HybridConfiguration } from "../../model/server";
import { shortServer } from "../prompt";
import type { MapContext } from "./context";
import type { Fields } from "./fields";
import { modelNames } from "./get-receive-connector";
import { spanOf } from "./span";

/** Get-HybridConfiguration: the hybrid certificate and the servers it applies to. */
export function mapHybridConfiguration(f: Fields, ctx: MapContext): HybridConfiguration {
  return {
    kind: "hybrid-configuration",
    tlsCertificateName: f.text("TlsCertificateName"),
    receivingTransportServers: f.list("ReceivingTransportServers")?.map(shortServer),
    sendingTransportServers: f.list("SendingTransportServers")?.map(shortServer),
    edgeTransportServers: f.list("EdgeTransportServers")?.map(shortServer),
    onPremisesSmartHost: f.optionalText("OnPremisesSmartHost"),
    domains: f.list("Domains"),
    features: f.list("Features"),
    truncated: modelNames(f.truncated),
    source: spanOf(f, ctx),
  };
}
