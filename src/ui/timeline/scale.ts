/** The drawn span of a timeline, in epoch milliseconds. */
export interface Axis {
  readonly start: number;
  readonly end: number;
}

export interface Tick {
  readonly at: number;
  readonly label: string;
}

const DAY = 86_400_000;

/**
 * The timeline's span with a margin, so bars that start or end at the edge stay visible; a timeline of one
 * instant (only the as-of date) spans a month either side.
 */
export function axisOf(startIso: string, endIso: string): Axis {
  const start = Date.parse(startIso);
  const end = Date.parse(endIso);
  if (!(Number.isFinite(start) && Number.isFinite(end)) || end <= start) {
    const at = Number.isFinite(start) ? start : 0;
    return { start: at - 30 * DAY, end: at + 30 * DAY };
  }
  const margin = (end - start) * 0.02;
  return { start: start - margin, end: end + margin };
}

/** Where an instant falls between `left` and `right`, clamped to them. */
export function xOf(at: number, axis: Axis, left: number, right: number): number {
  const share = (at - axis.start) / (axis.end - axis.start);
  return left + Math.min(1, Math.max(0, share)) * (right - left);
}

/** Steps in months, the first that keeps the axis to `max` ticks or fewer. */
const STEPS = [1, 3, 6, 12, 24, 60, 120, 600];

/** Ticks on the first day of a month (January for yearly steps), at most `max` of them. */
export function ticksOf(axis: Axis, max = 12): Tick[] {
  const first = new Date(axis.start);
  const months = (new Date(axis.end).getUTCFullYear() - first.getUTCFullYear()) * 12 + 13;
  const step = STEPS.find((s) => months / s <= max + 1) ?? months;
  const ticks: Tick[] = [];
  const year = first.getUTCFullYear();
  const month = step >= 12 ? 0 : first.getUTCMonth() - (first.getUTCMonth() % step);
  for (let m = month; ; m += step) {
    const at = Date.UTC(year, m, 1);
    if (at > axis.end) break;
    if (at < axis.start) continue;
    const date = new Date(at);
    const label =
      step >= 12
        ? String(date.getUTCFullYear())
        : `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, "0")}`;
    ticks.push({ at, label });
  }
  return ticks.slice(0, max);
}
