/**
 * React keys for a list whose texts may repeat (a command twice in one fix): the text, with how many times it
 * occurred before. Stable while the list is, and never the bare position.
 */
export function keyed<T>(items: readonly T[], text: (item: T) => string): [string, T][] {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const base = text(item);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return [`${base}\u0000${n}`, item];
  });
}
