import { ellipsisLength } from "./ellipsis";

/**
 * Reads a multi-valued property as consoles print it: `{a, b, c}`, `{}`,
 * `{a, b, c...}` (cut after $FormatEnumerationLimit items), an unclosed `{a, b`
 * (cut at the console width), a bare `Tls, Integrated` or a single value.
 */
export function readCollection(text: string): { items: string[]; truncated: boolean } {
  let body = text.trim();
  let truncated = false;
  if (body.startsWith("{")) {
    body = body.slice(1);
    if (body.endsWith("}")) body = body.slice(0, -1);
    else truncated = true;
  }
  body = body.trimEnd();
  const dots = ellipsisLength(body);
  if (dots > 0) {
    truncated = true;
    body = body.slice(0, -dots);
  }
  const items = body
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");
  return { items, truncated };
}
