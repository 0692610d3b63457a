import type { Timeline } from "../engine/timeline/types";
import type { Report } from "../report/types";
import type { AnalysisResult } from "./result";

/**
 * An organisation-sized result is tens of megabytes of objects. Received as one message, the page would spend
 * hundreds of milliseconds rebuilding it in one task; sent as slices of JSON text (cheap to copy) that the page
 * parses one message at a time, no task is long and the page answers input in between.
 */

const REPORT_LISTS = [
  "blocks",
  "unrecognized",
  "certificates",
  "connectors",
  "selections",
  "findings",
  "evidence",
  "fixPlan",
] as const satisfies readonly (keyof Report)[];
const TIMELINE_LISTS = ["rows", "events"] as const satisfies readonly (keyof Timeline)[];

type ReportList = (typeof REPORT_LISTS)[number];
type TimelineList = (typeof TIMELINE_LISTS)[number];
export type ListName = `report.${ReportList}` | `timeline.${TimelineList}`;

/** The result with its lists emptied (their keys stay, in order): what the last message carries. */
export type ResultHead = AnalysisResult;

export interface Slice {
  readonly list: ListName;
  /** A JSON array: consecutive items of the list. */
  readonly json: string;
}

/** About what the page parses in a few milliseconds. An item longer than this is a slice of its own. */
export const SLICE_CHARS = 256 * 1024;

function headOf(result: AnalysisResult): ResultHead {
  return {
    report: { ...result.report, ...Object.fromEntries(REPORT_LISTS.map((name) => [name, []])) },
    timeline: { ...result.timeline, rows: [], events: [] },
  };
}

function listsOf(result: AnalysisResult): [ListName, readonly unknown[]][] {
  return [
    ...REPORT_LISTS.map((name): [ListName, readonly unknown[]] => [`report.${name}`, result.report[name]]),
    ...TIMELINE_LISTS.map((name): [ListName, readonly unknown[]] => [`timeline.${name}`, result.timeline[name]]),
  ];
}

/** Cuts a result into slices of at most about `sliceChars` characters, in list order, and its head. */
export function sliceResult(
  result: AnalysisResult,
  sliceChars: number = SLICE_CHARS,
): { readonly slices: Slice[]; readonly head: ResultHead } {
  const slices: Slice[] = [];
  for (const [list, items] of listsOf(result)) {
    let batch: string[] = [];
    let size = 0;
    for (const item of items) {
      const json = JSON.stringify(item);
      if (batch.length > 0 && size + json.length > sliceChars) {
        slices.push({ list, json: `[${batch.join(",")}]` });
        batch = [];
        size = 0;
      }
      batch.push(json);
      size += json.length + 1;
    }
    if (batch.length > 0) slices.push({ list, json: `[${batch.join(",")}]` });
  }
  return { slices, head: headOf(result) };
}

export interface ResultAssembler {
  /** Parses one slice into its list; throws on a slice that is not a JSON array. */
  add(slice: Slice): void;
  /** The whole result; throws when slices are missing. */
  finish(head: ResultHead, slices: number): AnalysisResult;
}

/** Puts a result back together from its slices, parsing each as it arrives. */
export function assembleResult(): ResultAssembler {
  const lists = new Map<ListName, unknown[]>();
  let received = 0;
  const list = (name: ListName): unknown[] => {
    const found = lists.get(name);
    if (found !== undefined) return found;
    const made: unknown[] = [];
    lists.set(name, made);
    return made;
  };
  return {
    add(slice) {
      const items: unknown = JSON.parse(slice.json);
      if (!Array.isArray(items)) throw new Error("The analysis worker sent a damaged slice of its report.");
      const into = list(slice.list);
      for (const item of items) into.push(item);
      received += 1;
    },
    finish(head, slices) {
      if (slices !== received) throw new Error("The analysis worker's report arrived incomplete.");
      // The worker built these lists from a Report and a Timeline; JSON keeps them as they were.
      const report = {
        ...head.report,
        ...Object.fromEntries(REPORT_LISTS.map((name) => [name, list(`report.${name}`)])),
      } as unknown as Report;
      const timeline = {
        ...head.timeline,
        ...Object.fromEntries(TIMELINE_LISTS.map((name) => [name, list(`timeline.${name}`)])),
      } as unknown as Timeline;
      return { report, timeline };
    },
  };
}
