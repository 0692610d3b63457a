import { blankPrefixLength, isWhiteSpaceCode, trimmedEndLength } from "../white-space";
import { ellipsisLength } from "./ellipsis";

/**
 * Reads a multi-valued property as consoles print it: `{a, b, c}`, `{}`,
 * `{a, b, c...}` (cut after $FormatEnumerationLimit items), an unclosed `{a, b`
 * (cut at the console width), a bare `Tls, Integrated` or a single value.
 */
export function readCollection(text: string): { items: string[]; truncated: boolean } {
  // By position rather than with trim, split, map and filter: every list property of every record is read here.
  let start = blankPrefixLength(text);
  let end = trimmedEndLength(text);
  let truncated = false;
  if (start < end && text.charCodeAt(start) === OPEN) {
    start += 1;
    if (end > start && text.charCodeAt(end - 1) === CLOSE) end -= 1;
    else truncated = true;
  }
  while (end > start && isWhiteSpaceCode(text.charCodeAt(end - 1))) end -= 1;
  const body = start < end ? text.slice(start, end) : "";
  const dots = ellipsisLength(body);
  if (dots > 0) truncated = true;
  return { items: itemsOf(body, body.length - dots), truncated };
}

const OPEN = 123;
const CLOSE = 125;

/** The comma-separated items of `body[0, end)`, each trimmed, empty ones left out. */
function itemsOf(body: string, end: number): string[] {
  const items: string[] = [];
  let from = 0;
  while (from <= end) {
    let comma = body.indexOf(",", from);
    if (comma < 0 || comma > end) comma = end;
    let first = from;
    let last = comma;
    while (first < last && isWhiteSpaceCode(body.charCodeAt(first))) first += 1;
    while (last > first && isWhiteSpaceCode(body.charCodeAt(last - 1))) last -= 1;
    if (last > first) items.push(body.slice(first, last));
    from = comma + 1;
  }
  return items;
}
