import type { ExchangeServer, ExchangeVersion } from "../../model/server";
import { shortServer } from "../prompt";
import type { MapContext } from "./context";
import type { Fields } from "./fields";
import { modelNames } from "./get-receive-connector";
import { spanOf } from "./span";

/** Get-ExchangeServer: the version decides which selection rules apply. */
export function mapExchangeServer(f: Fields, ctx: MapContext): ExchangeServer {
  const name = f.optionalText("Name") ?? f.optionalText("Identity");
  const adminDisplayVersion = f.optionalText("AdminDisplayVersion");
  const role = f.optionalText("ServerRole");
  const isEdge = f.bool("IsEdgeServer") ?? (role === undefined ? undefined : /\bEdge\b/i.test(role));
  return {
    kind: "exchange-server",
    name: name ? shortServer(name) : ctx.echoServer,
    fqdn: f.optionalText("Fqdn"),
    adminDisplayVersion,
    version: versionOf(adminDisplayVersion),
    serverRole: role,
    isEdge,
    truncated: modelNames(f.truncated),
    source: spanOf(f, ctx),
  };
}

/**
 * `Version 15.2 (Build 1544.4)` → 2019. 15.2 builds from 2025 on include
 * Subscription Edition (15.2.2562 and later); selection rules are the same.
 */
export function versionOf(adminDisplayVersion: string | undefined): ExchangeVersion | undefined {
  const m = /(?:Version\s+)?(\d+)\.(\d+)(?:\s*\(Build\s+(\d+))?/i.exec(adminDisplayVersion ?? "");
  if (!m) return undefined;
  const major = Number(m[1]);
  const minor = Number(m[2]);
  const build = m[3] === undefined ? undefined : Number(m[3]);
  if (major === 8) return "2007";
  if (major === 14) return "2010";
  if (major !== 15) return undefined;
  if (minor === 0) return "2013";
  if (minor === 1) return "2016";
  if (minor === 2) return build !== undefined && build >= 2562 ? "SE" : "2019";
  return undefined;
}
