import type { TransportService } from "../../model/server";
import { normaliseThumbprint } from "../../model/thumbprint";
import { shortServer } from "../prompt";
import type { MapContext } from "./context";
import type { Fields } from "./fields";
import { modelNames } from "./get-receive-connector";
import { spanOf } from "./span";

/** Get-TransportService (Get-TransportServer on 2010): the internal transport certificate. */
export function mapTransportService(f: Fields, ctx: MapContext): TransportService {
  const name = f.optionalText("Name") ?? f.optionalText("Identity");
  const thumbText = f.text("InternalTransportCertificateThumbprint");
  const thumb = thumbText === undefined || thumbText === "" ? undefined : normaliseThumbprint(thumbText);
  const truncated = modelNames(f.truncated);
  if (thumb && !thumb.complete) truncated.push("internalTransportCertificateThumbprint");
  return {
    kind: "transport-service",
    server: name ? shortServer(name) : ctx.echoServer,
    internalTransportCertificateThumbprint: thumbText === "" ? "" : thumb?.value,
    truncated,
    source: spanOf(f, ctx),
  };
}
