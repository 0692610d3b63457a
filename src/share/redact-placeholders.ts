/**
 * Consistent stand-ins: the same original (compared case-insensitively, as Exchange compares names) always gets the
 * same placeholder, numbered in order of first appearance, never one that already occurs in the paste.
 */
export class Placeholders {
  private readonly byKey = new Map<string, string>();
  private next = 1;

  constructor(
    private readonly make: (n: number) => string,
    private readonly taken: ReadonlySet<string>,
  ) {}

  for(original: string): string {
    const key = original.toLowerCase();
    const known = this.byKey.get(key);
    if (known !== undefined) return known;
    let candidate = this.make(this.next++);
    while (this.taken.has(candidate.toLowerCase())) candidate = this.make(this.next++);
    this.byKey.set(key, candidate);
    return candidate;
  }

  get size(): number {
    return this.byKey.size;
  }
}

/** Writes the placeholder the way the original was written: all capitals, all lower case, or capitalised. */
export function inCaseOf(original: string, placeholder: string): string {
  const letters = original.replace(/[^A-Za-z]/g, "");
  if (letters !== "" && letters === letters.toUpperCase()) return placeholder.toUpperCase();
  if (letters === letters.toLowerCase()) return placeholder.toLowerCase();
  return placeholder.charAt(0).toUpperCase() + placeholder.slice(1).toLowerCase();
}

/** Every word, dotted name, dotted suffix and label of the text, lower case: what a placeholder must not be. */
export function wordsOf(text: string): Set<string> {
  const taken = new Set<string>();
  for (const [token] of text.matchAll(/[A-Za-z0-9][A-Za-z0-9.-]*/g)) {
    const lower = token.toLowerCase().replace(/\.+$/, "");
    const labels = lower.split(".");
    for (let i = 0; i < labels.length; i++) {
      taken.add(labels.slice(i).join("."));
      taken.add(labels[i] ?? "");
    }
  }
  return taken;
}
