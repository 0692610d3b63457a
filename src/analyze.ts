import { runEngine } from "./engine/engine";
import { parse } from "./parse";
import { buildReport } from "./report/build";
import type { Report } from "./report/types";

export interface AnalyzeOptions {
  /** The date expiry is judged against, YYYY-MM-DD (default: today, UTC). */
  readonly asOf?: string;
  /** Server name for blocks that do not reveal one. */
  readonly server?: string;
}

/**
 * The whole pipeline as one pure function: parse → select → rules → report.
 * It runs unchanged in the browser's worker and in the CLI.
 */
export async function analyze(text: string, options: AnalyzeOptions = {}): Promise<Report> {
  const asOf = options.asOf ?? new Date().toISOString().slice(0, 10);
  const parsed = await parse(text, options.server === undefined ? {} : { server: options.server });
  const engine = runEngine(parsed, new Date(`${asOf}T00:00:00Z`));
  return buildReport(parsed, engine, asOf);
}
