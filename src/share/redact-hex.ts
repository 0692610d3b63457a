/**
 * Thumbprints and serial numbers become placeholders of the same length that keep every shared prefix: a
 * thumbprint cut short by a narrow console (`3DAF40EC85C6...`) still matches the placeholder of the whole one, and
 * two different values never share a placeholder. Each digit is the rank of its prefix among the prefixes seen so
 * far at that position, so the placeholder shows the shape of the values and nothing of their content.
 */

const DIGITS = "0123456789ABCDEF";

interface Node {
  readonly digit: string;
  readonly children: Map<string, Node>;
}

export class HexPlaceholders {
  private readonly root: Node = { digit: "", children: new Map() };
  private readonly seen = new Set<string>();

  /** `hex` holds hex digits only; the placeholder keeps its length, and is lower case when the original is. */
  for(hex: string): string {
    this.seen.add(hex.toUpperCase());
    let node = this.root;
    let out = "";
    for (let depth = 0; depth < hex.length; depth++) {
      const key = hex.charAt(depth).toUpperCase();
      let child = node.children.get(key);
      if (child === undefined) {
        // A node has at most 16 children, so ranks 0–15 map onto the 16 digits one to one.
        child = { digit: DIGITS.charAt((node.children.size + depth) % 16), children: new Map() };
        node.children.set(key, child);
      }
      out += child.digit;
      node = child;
    }
    return /[a-f]/.test(hex) && !/[A-F]/.test(hex) ? out.toLowerCase() : out;
  }

  get size(): number {
    return this.seen.size;
  }
}
