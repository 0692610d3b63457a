import type { ReportFinding } from "../../report/types";
import { sameServer } from "../select/context";
import { type ConnectorChange, findingKey, NO_STARTTLS, type WhatIfDiff } from "../whatif/diff";
import type { CertificateDescription, WhatIfEdit } from "../whatif/edits";
import type { RenewalPlan } from "./types";

/**
 * The what-if edits that stand for the first `through` steps of the plan. The
 * successor is added per server with SMTP once that server's enable step is
 * done, so a successor described without a thumbprint is simulated as well
 * as a pasted one.
 */
export function simulationEdits(plan: RenewalPlan, successor: CertificateDescription, through: number): WhatIfEdit[] {
  const effects = plan.steps.slice(0, through).flatMap((s) => s.effects);
  const enabled = effects.flatMap((e) => (e.kind === "enable" ? [e.server] : []));
  const edits: WhatIfEdit[] = [];
  for (const effect of effects) {
    if (effect.kind === "edit") edits.push(effect.edit);
    else if (effect.kind === "import") {
      const smtp = enabled.some((s) => sameServer(s, effect.server));
      edits.push({ kind: "add-certificate", server: effect.server, ...successor, services: smtp ? ["SMTP"] : [] });
    }
  }
  return edits;
}

/** What is broken after a step that was not broken before the renewal began. */
export interface Breakage {
  /** Error and warning findings the paste as it is does not have. */
  readonly findings: readonly ReportFinding[];
  /** Connectors that offered STARTTLS before and no longer do. */
  readonly lostStartTls: readonly ConnectorChange[];
}

export function breakage(diff: WhatIfDiff): Breakage {
  return {
    findings: diff.appeared.filter((f) => f.severity !== "info"),
    lostStartTls: diff.connectors.filter(
      (c) => c.before !== null && c.before !== NO_STARTTLS && (c.after === NO_STARTTLS || c.after === null),
    ),
  };
}

/** Something that breaks at a step and how long it lasts: until the step that mends it, or null when the end state still has it. */
export interface Window<T> {
  readonly item: T;
  readonly until: number | null;
}

export interface StepBreakage {
  readonly findings: readonly Window<ReportFinding>[];
  readonly lostStartTls: readonly Window<ConnectorChange>[];
}

/**
 * For each step, what breaks at that step (not what was already broken after
 * the step before), and the first later step after which it is mended.
 * `perStep[i]` is the breakage after step i + 1.
 */
export function breakageWindows(perStep: readonly Breakage[]): StepBreakage[] {
  const findingKeys = perStep.map((b) => new Set(b.findings.map(findingKey)));
  const connectorKeys = perStep.map((b) => new Set(b.lostStartTls.map(connectorKey)));
  const windows = <T>(items: readonly T[], at: number, keyOf: (t: T) => string, keys: readonly Set<string>[]) =>
    items
      .filter((item) => at === 0 || !keys[at - 1]?.has(keyOf(item)))
      .map((item) => {
        const mended = keys.findIndex((set, j) => j > at && !set.has(keyOf(item)));
        return { item, until: mended < 0 ? null : mended + 1 };
      });
  return perStep.map((b, at) => ({
    findings: windows(b.findings, at, findingKey, findingKeys),
    lostStartTls: windows(b.lostStartTls, at, connectorKey, connectorKeys),
  }));
}

function connectorKey(c: ConnectorChange): string {
  return JSON.stringify([c.server?.toLowerCase() ?? null, c.connector.toLowerCase(), c.direction]);
}
