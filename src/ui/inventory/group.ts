/** Items grouped by server, in the order each server first appears; `null` is the server the paste did not name. */
export function byServer<T extends { readonly server: string | null }>(items: readonly T[]): [string | null, T[]][] {
  const groups = new Map<string | null, T[]>();
  for (const item of items) {
    const group = groups.get(item.server);
    if (group === undefined) groups.set(item.server, [item]);
    else group.push(item);
  }
  return [...groups];
}

export function serverLabel(server: string | null): string {
  return server ?? "server not named in the paste";
}

/** `2028-02-02T04:22:23Z` → `2028-02-02 04:22 UTC`, the precision that matters for expiry. */
export function shortDate(iso: string | null): string | null {
  if (iso === null) return null;
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return match ? `${match[1]} ${match[2]} UTC` : iso;
}
