import type { Certificate } from "../model/certificate";
import { commonName } from "../model/distinguished-name";
import type { Inventory } from "../model/inventory";
import type { ParseResult } from "../parse/types";
import { buildFixPlan, type PlanStep } from "./fix/plan";
import type { Rule } from "./rules/types";
import { type Finding, runRules } from "./run";
import { selectAll } from "./select";
import type { Selection } from "./select/types";

export interface EngineResult {
  readonly selections: readonly Selection[];
  readonly findings: readonly Finding[];
  readonly fixPlan: readonly PlanStep[];
}

/** Selection, then rules, then the fix plan: everything after parsing. */
export function runEngine(parsed: ParseResult, asOf: Date, registry?: readonly Rule[]): EngineResult {
  const selections = selectAll(parsed.inventory, { asOf, serverFqdns: inferServerFqdns(parsed.inventory) });
  const findings = runRules(parsed.inventory, selections, asOf, parsed.ambiguities, registry);
  return { selections, findings, fixPlan: buildFixPlan(findings) };
}

/**
 * Server FQDNs when Get-ExchangeServer is not pasted: the certificate Setup
 * creates has subject CN=<server> and the server's FQDN among its names
 * (domain F3.1.4). Only that exact shape counts.
 */
export function inferServerFqdns(inventory: Inventory): Map<string, string> {
  const out = new Map<string, string>();
  for (const cert of inventory.certificates) {
    // The first FQDN found for a server stands: once it is known, its other certificates are not read.
    if (!cert.server || out.has(cert.server)) continue;
    const fqdn = setupCertificateFqdn(cert);
    if (fqdn) out.set(cert.server, fqdn);
  }
  return out;
}

function setupCertificateFqdn(cert: Certificate): string | undefined {
  if (cert.selfSigned !== true || !cert.subject || !cert.server) return undefined;
  const cn = commonName(cert.subject)?.toLowerCase();
  if (!cn || cn !== cert.server.toLowerCase()) return undefined;
  const prefix = `${cn}.`;
  return cert.domains?.find((d) => d.toLowerCase().startsWith(prefix));
}
