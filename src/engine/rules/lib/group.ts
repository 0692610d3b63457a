/**
 * Items by key, each list in the order of `items`; items without a key are left out. Rules match pasted evidence
 * to connectors and certificates through these: filtering a log of thousands of entries again for each finding grew
 * with findings times entries.
 */
export function groupBy<T>(
  items: readonly T[],
  keyOf: (item: T) => string | undefined,
): ReadonlyMap<string, readonly T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    if (key === undefined) continue;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [item]);
    else group.push(item);
  }
  return groups;
}
