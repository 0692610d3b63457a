import { describe, expect, it } from "vitest";
import type { TimelineEvent, TimelineEventKind } from "../../engine/timeline/types";
import { markersOf } from "./markers";

const event = (row: string, date: string, kind: TimelineEventKind): TimelineEvent => ({
  date,
  kind,
  past: false,
  server: "EX01",
  connector: null,
  direction: null,
  row,
  next: null,
  eventId: null,
  message: `${kind} on ${date}`,
});

describe("markersOf", () => {
  it.each<[string, TimelineEvent[], [string, string, TimelineEventKind, number][]]>([
    ["nothing", [], []],
    [
      "one row, one day: one marker showing the most serious kind",
      [
        event("a", "2026-06-11T23:59:59Z", "internal-expired"),
        event("a", "2026-06-11T08:00:00Z", "presents-expired"),
        event("a", "2026-06-11T23:59:59Z", "switches"),
      ],
      [["a", "2026-06-11T23:59:59Z", "presents-expired", 3]],
    ],
    [
      "other rows and other days stay apart",
      [
        event("a", "2026-06-11T23:59:59Z", "becomes-valid"),
        event("b", "2026-06-11T23:59:59Z", "switches"),
        event("a", "2027-06-11T23:59:59Z", "internal-expired"),
      ],
      [
        ["a", "2026-06-11T23:59:59Z", "becomes-valid", 1],
        ["b", "2026-06-11T23:59:59Z", "switches", 1],
        ["a", "2027-06-11T23:59:59Z", "internal-expired", 1],
      ],
    ],
  ])("%s", (_, events, expected) => {
    expect(markersOf(events).map((m) => [m.row, m.date, m.kind, m.events.length])).toEqual(expected);
  });
});
