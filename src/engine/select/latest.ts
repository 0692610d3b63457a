import type { DateValue } from "../../model/values";
import type { Drop } from "./build";
import type { Candidate } from "./context";
import { ambiguityNote, compareDates, dateText } from "./dates";
import { label, listText } from "./facts";

export interface Latest {
  readonly winner: Candidate;
  readonly dropped: readonly Drop[];
  /** Set when some candidates could not be ordered against the winner (dates missing or ambiguous). */
  readonly caveat: string | undefined;
  /** Keys of the winner and of those it could not be ordered against; empty when every one was ordered. */
  readonly unordered: readonly string[];
  /** Of `unordered`, the keys whose date reads two ways (the caveat names each). */
  readonly ambiguous: readonly string[];
}

/**
 * `pickLatest`'s winner alone, for callers that need no reasons: the first item no other is later than (the first
 * listed when every one is); undefined for no items.
 */
export function latestOf<T>(items: readonly T[], dateOf: (item: T) => DateValue | undefined): T | undefined {
  for (const item of items) {
    const date = dateOf(item);
    if (!items.some((other) => compareDates(dateOf(other), date) === "later")) return item;
  }
  return items[0];
}

/**
 * The candidate with the latest date. "Later" must hold under every reading
 * of both dates, which is transitive, so the latest candidates are those no
 * other is later than; among them the first listed is taken and, if any
 * could not be ordered against it, the caveat says so.
 */
export function pickLatest(candidates: readonly [Candidate, ...Candidate[]], field: "notBefore" | "notAfter"): Latest {
  const name = field === "notBefore" ? "NotBefore" : "NotAfter";
  const dateOf = (c: Candidate) => c.cert[field];
  const winner = latestOf(candidates, dateOf) ?? candidates[0];
  const unordered: Candidate[] = [];
  const dropped: Drop[] = [];
  for (const c of candidates) {
    if (c === winner) continue;
    const order = compareDates(dateOf(winner), dateOf(c));
    if (order === "later") {
      dropped.push({
        candidate: c,
        reason: `older ${name} than ${winner.key} (${dateText(dateOf(c))} vs ${dateText(dateOf(winner))})`,
      });
    } else if (order === "same") {
      dropped.push({
        candidate: c,
        reason: `same ${name} as ${winner.key} (${dateText(dateOf(c))}); which one Exchange takes then is not documented, certflow keeps the first listed`,
      });
    } else {
      unordered.push(c);
      dropped.push({
        candidate: c,
        reason: `cannot be ordered against ${winner.key}: ${name} ${dateText(dateOf(c))} vs ${dateText(dateOf(winner))}; certflow keeps the first listed`,
      });
    }
  }
  if (unordered.length === 0) return { winner, dropped, caveat: undefined, unordered: [], ambiguous: [] };
  const undecided = [winner, ...unordered];
  const noted = undecided.map((c) => ({ key: c.key, note: ambiguityNote(`${name} of ${c.key}`, dateOf(c)) }));
  const notes = noted.flatMap(({ note }) => (note === undefined ? [] : [note]));
  const caveat = [
    `certflow cannot tell whether ${listText(unordered.map(label))} ${unordered.length === 1 ? "has" : "have"} a later ${name} than ${label(winner)}, because the dates are missing or ambiguous; it shows the first listed. Exchange may take another one.`,
    ...notes,
    "Paste `Get-ExchangeCertificate | fl` from a console whose date format is unambiguous (e.g. yyyy-MM-dd) to decide.",
  ].join(" ");
  return {
    winner,
    dropped,
    caveat,
    unordered: undecided.map((c) => c.key),
    ambiguous: noted.flatMap(({ key, note }) => (note === undefined ? [] : [key])),
  };
}
