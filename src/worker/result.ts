import { type AnalyzeOptions, analyze } from "../analyze";
import { buildTimeline } from "../engine/timeline/timeline";
import type { Timeline } from "../engine/timeline/types";
import type { Report } from "../report/types";

/** What the page shows for one paste: the report, and the timeline drawn from it. */
export interface AnalysisResult {
  readonly report: Report;
  readonly timeline: Timeline;
}

/**
 * The analysis the worker runs. The timeline is built here too: for an organisation-sized report it takes longer
 * than the page may be busy at once.
 */
export async function analyzeForPage(text: string, options: AnalyzeOptions): Promise<AnalysisResult> {
  const report = await analyze(text, options);
  return { report, timeline: buildTimeline(report) };
}
