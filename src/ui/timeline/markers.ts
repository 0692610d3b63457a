import type { TimelineEvent, TimelineEventKind } from "../../engine/timeline/types";

/** Events drawn as one marker: those on the same certificate row and the same day. */
export interface Marker {
  readonly row: string;
  readonly date: string;
  /** The kind that matters most among them, which the marker shows. */
  readonly kind: TimelineEventKind;
  readonly events: readonly TimelineEvent[];
}

/** Most serious first: a connector presenting an expired certificate outweighs a certificate becoming valid. */
const WEIGHT: Readonly<Record<TimelineEventKind, number>> = {
  "presents-expired": 0,
  switches: 1,
  "internal-expired": 2,
  "becomes-valid": 3,
};

export function markersOf(events: readonly TimelineEvent[]): Marker[] {
  const groups = new Map<string, TimelineEvent[]>();
  for (const e of events) {
    const key = `${e.row}\u0000${e.date.slice(0, 10)}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [e]);
    else group.push(e);
  }
  return [...groups.values()].flatMap((group) => {
    const [first] = group;
    if (first === undefined) return [];
    const kind = group.reduce((k, e) => (WEIGHT[e.kind] < WEIGHT[k] ? e.kind : k), first.kind);
    return [{ row: first.row, date: first.date, kind, events: group }];
  });
}

/** Words for each kind, the same in the chart's legend, the list and the markers' titles. */
export const KIND_TEXT: Readonly<Record<TimelineEventKind, string>> = {
  "presents-expired": "presents an expired certificate",
  switches: "presents another certificate",
  "internal-expired": "internal transport certificate expires",
  "becomes-valid": "becomes valid",
};
