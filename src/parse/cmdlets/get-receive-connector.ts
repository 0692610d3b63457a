import type { ReceiveConnector } from "../../model/connector";
import { authMechanismFromNumber, permissionGroupsFromNumber } from "../../model/enum-flags";
import { shortServer } from "../prompt";
import type { MapContext } from "./context";
import type { Fields } from "./fields";
import { spanOf } from "./span";

/**
 * Get-ReceiveConnector. Identity is `SERVER\Connector name`; `Server` is the
 * same server. An empty TlsCertificateName stays "" (set to nothing), an absent
 * one stays undefined (the paste did not show it).
 */
export function mapReceiveConnector(f: Fields, ctx: MapContext): ReceiveConnector {
  const identity = f.optionalText("Identity");
  const [idServer, idName] = splitIdentity(identity);
  const serverProp = f.optionalText("Server");
  // One object, its `truncated` read after every property above it has been asked for (and noted if cut).
  return {
    kind: "receive-connector",
    server: serverProp ? shortServer(serverProp) : (idServer ?? ctx.echoServer),
    name: f.optionalText("Name") ?? idName,
    identity,
    authMechanism: flags(f, "AuthMechanism", authMechanismFromNumber),
    bindings: f.list("Bindings"),
    fqdn: f.optionalText("Fqdn"),
    tlsCertificateName: f.text("TlsCertificateName"),
    enabled: f.bool("Enabled"),
    permissionGroups: flags(f, "PermissionGroups", permissionGroupsFromNumber),
    remoteIPRanges: f.list("RemoteIPRanges"),
    requireTLS: f.bool("RequireTLS"),
    domainSecureEnabled: f.bool("DomainSecureEnabled"),
    suppressXAnonymousTls: f.bool("SuppressXAnonymousTls"),
    tlsDomainCapabilities: f.list("TlsDomainCapabilities"),
    transportRole: f.optionalText("TransportRole"),
    truncated: modelNames(f.truncated),
    source: spanOf(f, ctx),
  };
}

/** `EX01\Default Frontend EX01` → ["EX01", "Default Frontend EX01"]. */
export function splitIdentity(identity: string | undefined): [string | undefined, string | undefined] {
  if (!identity) return [undefined, undefined];
  const at = identity.indexOf("\\");
  if (at < 0) return [undefined, identity];
  const server = identity.slice(0, at).trim();
  const name = identity.slice(at + 1).trim();
  return [server === "" ? undefined : shortServer(server), name === "" ? undefined : name];
}

/** Property names as the model spells them (first letter lower-case). */
export function modelNames(names: readonly string[]): string[] {
  const special: Readonly<Record<string, string>> = {
    fqdn: "fqdn",
    requiretls: "requireTLS",
    remoteipranges: "remoteIPRanges",
    tlscertificatename: "tlsCertificateName",
  };
  return names.map((n) => special[n.toLowerCase()] ?? n.charAt(0).toLowerCase() + n.slice(1));
}

/** ConvertTo-Json prints these enums as numbers; a number nobody can read stays unknown rather than misread. */
function flags(
  f: Fields,
  name: string,
  fromNumber: (n: number) => string[] | undefined,
): readonly string[] | undefined {
  const raw = f.raw(name);
  if (raw?.kind === "json" && typeof raw.value === "number") return fromNumber(raw.value);
  return f.list(name, raw);
}
