import type { Certificate } from "../../../model/certificate";
import type { ReceiveConnector, SendConnector } from "../../../model/connector";
import { memoiseByObject } from "../../../model/memo";
import type { ParameterValue, PlannedCommand } from "../../../model/planned";
import type { HybridConfiguration } from "../../../model/server";
import type { SourceSpan } from "../../../model/source";
import type { RuleContext } from "../types";
import { connectorName, serverText } from "./labels";

/**
 * Every TlsCertificateName value in the paste, whoever holds it: receive and
 * send connectors, the hybrid configuration, and pasted Set-* commands that
 * have not run yet. The syntax, truncation and length rules read them all.
 */
export type TlsNameOwner =
  | { readonly kind: "receive"; readonly connector: ReceiveConnector }
  | { readonly kind: "send"; readonly connector: SendConnector }
  | { readonly kind: "hybrid"; readonly hybrid: HybridConfiguration }
  | { readonly kind: "planned"; readonly command: PlannedCommand; readonly parameter: ParameterValue };

export interface TlsNameValue {
  readonly owner: TlsNameOwner;
  /** The value as stored, or as the command would pass it (quotes removed); "" for a planned value that is not a plain string. */
  readonly value: string;
  /** The parser saw the console cut it. */
  readonly cut: boolean;
  readonly server: string | undefined;
  readonly connector: string | undefined;
  /** Plain words for messages: "receive connector 'X' on EX01", "the hybrid configuration" … */
  readonly ownerText: string;
  /** Servers whose certificates the value should name; undefined = any pasted server. */
  readonly servers: readonly string[] | undefined;
  readonly source: SourceSpan;
}

const PLANNED_WITH_TLS_NAME = new Set(["Set-ReceiveConnector", "Set-SendConnector", "Set-HybridConfiguration"]);

/** Gathered once per analysis: the syntax, truncation and length rules each go through every connector's value. */
export const tlsNameValues: (ctx: RuleContext) => readonly TlsNameValue[] = memoiseByObject(readValues);

function readValues(ctx: RuleContext): TlsNameValue[] {
  const out: TlsNameValue[] = [];
  for (const c of ctx.inventory.receiveConnectors) {
    if (!c.tlsCertificateName?.trim()) continue;
    const name = connectorName(c);
    out.push({
      owner: { kind: "receive", connector: c },
      value: c.tlsCertificateName.trim(),
      cut: c.truncated.includes("tlsCertificateName"),
      server: c.server,
      connector: name,
      ownerText: `receive connector '${name}' on ${serverText(c.server)}`,
      servers: c.server === undefined ? undefined : [c.server],
      source: c.source,
    });
  }
  for (const c of ctx.inventory.sendConnectors) {
    if (!c.tlsCertificateName?.trim()) continue;
    const name = connectorName(c);
    const servers = c.sourceTransportServers?.length ? c.sourceTransportServers : undefined;
    out.push({
      owner: { kind: "send", connector: c },
      value: c.tlsCertificateName.trim(),
      cut: c.truncated.includes("tlsCertificateName"),
      server: servers?.length === 1 ? servers[0] : undefined,
      connector: name,
      ownerText: `send connector '${name}'`,
      servers,
      source: c.source,
    });
  }
  for (const h of ctx.inventory.hybridConfigurations) {
    if (!h.tlsCertificateName?.trim()) continue;
    const servers = distinctNames([
      ...(h.sendingTransportServers ?? []),
      ...(h.receivingTransportServers ?? []),
      ...(h.edgeTransportServers ?? []),
    ]);
    out.push({
      owner: { kind: "hybrid", hybrid: h },
      value: h.tlsCertificateName.trim(),
      cut: h.truncated.includes("tlsCertificateName"),
      server: undefined,
      connector: undefined,
      ownerText: "the hybrid configuration",
      servers: servers.length > 0 ? servers : undefined,
      source: h.source,
    });
  }
  for (const command of ctx.inventory.plannedCommands) {
    if (!PLANNED_WITH_TLS_NAME.has(command.cmdlet)) continue;
    const key = Object.keys(command.parameters).find((k) => k.toLowerCase() === "tlscertificatename");
    const parameter = key === undefined ? undefined : command.parameters[key];
    if (key === undefined || parameter === undefined || parameter.type === "null") continue;
    const name = command.identity?.includes("\\")
      ? command.identity.slice(command.identity.indexOf("\\") + 1)
      : command.identity;
    out.push({
      owner: { kind: "planned", command, parameter },
      value: parameter.type === "string" ? parameter.value.trim() : "",
      cut: command.truncated.some((t) => t.toLowerCase() === "tlscertificatename"),
      server: command.server,
      connector: name,
      ownerText: `${command.cmdlet}${command.identity ? ` '${command.identity}'` : ""}`,
      servers: command.server === undefined ? undefined : [command.server],
      source: command.source,
    });
  }
  return out;
}

function distinctNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.filter((n) => {
    const key = n.trim().toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The installed certificates a value should name: those of its servers, or all when the paste does not say which. */
export function certificatesFor(ctx: RuleContext, v: TlsNameValue): readonly Certificate[] {
  const all = ctx.installedCertificates();
  if (v.servers === undefined) return all;
  return v.servers.flatMap((s) => ctx.certificatesOn(s).filter((c) => c.origin === "cmdlet"));
}
