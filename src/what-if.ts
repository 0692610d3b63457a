import type { AnalyzeOptions } from "./analyze";
import { runEngine } from "./engine/engine";
import { applyEdits } from "./engine/whatif/apply";
import { editCommands } from "./engine/whatif/commands";
import { diffReports, type WhatIfDiff } from "./engine/whatif/diff";
import type { UnmatchedEdit, WhatIfEdit } from "./engine/whatif/edits";
import { parse } from "./parse";
import { buildReport } from "./report/build";
import type { Report } from "./report/types";

export interface WhatIfResult {
  readonly before: Report;
  readonly after: Report;
  readonly diff: WhatIfDiff;
  readonly unmatched: readonly UnmatchedEdit[];
  /** One PowerShell line per edit, in edit order. */
  readonly commands: readonly string[];
}

/** `analyze` twice over one parse: as pasted, and with the edits applied. */
export async function whatIf(
  text: string,
  options: AnalyzeOptions,
  edits: readonly WhatIfEdit[],
): Promise<WhatIfResult> {
  const asOf = options.asOf ?? new Date().toISOString().slice(0, 10);
  const at = new Date(`${asOf}T00:00:00Z`);
  const parsed = await parse(text, options.server === undefined ? {} : { server: options.server });
  const before = buildReport(parsed, runEngine(parsed, at), asOf);
  const { inventory, unmatched } = applyEdits(parsed.inventory, edits);
  const edited = { ...parsed, inventory };
  const after = buildReport(edited, runEngine(edited, at), asOf);
  return { before, after, diff: diffReports(before, after), unmatched, commands: editCommands(edits) };
}
