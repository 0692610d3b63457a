import type { Report } from "../../report/types";
import type { AnalysisStatus } from "../../state/analysis";

/** Below this an analysis is over before a progress message could be read; above it the wait is worth saying. */
export const PROGRESS_DELAY_MS = 200;

export interface StatusFacts {
  readonly loadError: string | null;
  readonly status: AnalysisStatus;
  readonly error: string | null;
  /** The last finished report (kept while a newer analysis runs). */
  readonly report: Report | null;
  /** The running analysis has taken longer than `PROGRESS_DELAY_MS`. */
  readonly slow: boolean;
  /** Characters of the paste being analysed. */
  readonly size: number;
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** `10.2 MB`, `340 KB`: a paste's size as people say it (one character counted as one byte). */
export function pasteSize(characters: number): string {
  if (characters >= 1_000_000) return `${(characters / 1_000_000).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(characters / 1000))} KB`;
}

/**
 * The status line's text. A quick analysis shows no progress message (it would only flicker): until it is slow,
 * the line keeps saying what the previous report said.
 */
export function statusMessage(facts: StatusFacts): string {
  if (facts.loadError !== null) return facts.loadError;
  if (facts.status === "running" && facts.slow) return `Analysing ${pasteSize(facts.size)}…`;
  if (facts.status === "error") return `The analysis failed: ${facts.error ?? "unknown error"}`;
  if (facts.status !== "idle" && facts.report !== null) {
    const { blocks, unrecognized } = facts.report;
    return `Read ${plural(blocks.length, "block", "blocks")}; ${plural(unrecognized.length, "passage", "passages")} not understood.`;
  }
  return "Paste output above, or try an example.";
}
