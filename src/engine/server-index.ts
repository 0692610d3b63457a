/**
 * Lookups by server built once per analysis. Scanning every certificate for every connector made an
 * organisation-sized paste quadratic; these maps answer `sameServer` questions in constant time and keep the
 * inventory's order, so every answer is the one the scan gave.
 */

import { memoiseByString } from "../model/memo";

const foldServerName = memoiseByString((name) => name.trim().toLowerCase());

/**
 * What `sameServer` compares: the name trimmed and lower-cased; the unnamed server (undefined) stays undefined.
 * Folded once per name: rules and selection ask for the same few server names hundreds of thousands of times.
 */
export function serverKey(name: string | undefined): string | undefined {
  return name === undefined ? undefined : foldServerName(name);
}

/** Items per server, each list in the order of `items`. */
export function groupByServer<T>(
  items: readonly T[],
  serverOf: (item: T) => string | undefined,
): ReadonlyMap<string | undefined, readonly T[]> {
  const groups = new Map<string | undefined, T[]>();
  for (const item of items) {
    const key = serverKey(serverOf(item));
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [item]);
    else group.push(item);
  }
  return groups;
}

/** Index in `items` of the first item of each server, as `findIndex` with `sameServer` would give it. */
export function firstIndexByServer<T>(
  items: readonly T[],
  serverOf: (item: T) => string | undefined,
): ReadonlyMap<string | undefined, number> {
  const first = new Map<string | undefined, number>();
  items.forEach((item, index) => {
    const key = serverKey(serverOf(item));
    if (!first.has(key)) first.set(key, index);
  });
  return first;
}
