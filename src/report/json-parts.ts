/**
 * `JSON.stringify(value, null, 2)` in pieces that join to exactly the same text, opening arrays and objects down
 * to `depth` levels so that no piece is large: the page writes a report of tens of megabytes between frames.
 */
export function* jsonParts(value: unknown, depth = 2): Generator<string> {
  const json = withToJson("", value);
  if (!omitted(json)) yield* partsAt(json, 0, depth);
}

function* partsAt(value: unknown, level: number, depth: number): Generator<string> {
  if (level >= depth || value === null || typeof value !== "object") {
    yield stringifyAt(value, level);
    return;
  }
  const inner = `\n${"  ".repeat(level + 1)}`;
  const outer = `\n${"  ".repeat(level)}`;
  const array = Array.isArray(value);
  const members: [string, unknown][] = array
    ? Array.from(value, (item: unknown, i) => [String(i), withToJson(String(i), item)])
    : Object.entries(value)
        .map(([k, v]): [string, unknown] => [k, withToJson(k, v)])
        .filter(([, v]) => !omitted(v));
  if (members.length === 0) {
    yield array ? "[]" : "{}";
    return;
  }
  for (const [i, [key, member]] of members.entries()) {
    const lead = i === 0 ? (array ? "[" : "{") : ",";
    yield array ? `${lead}${inner}` : `${lead}${inner}${JSON.stringify(key)}: `;
    if (omitted(member)) yield "null";
    else yield* partsAt(member, level + 1, depth);
  }
  yield `${outer}${array ? "]" : "}"}`;
}

function withToJson(key: string, value: unknown): unknown {
  if (typeof value === "object" && value !== null && "toJSON" in value && typeof value.toJSON === "function") {
    return value.toJSON(key);
  }
  return value;
}

/** What JSON.stringify leaves out of an object (and writes as null in an array). */
function omitted(value: unknown): boolean {
  return value === undefined || typeof value === "function" || typeof value === "symbol";
}

/** A value's JSON as it appears `level` levels deep: every line after its first indented by the level. */
function stringifyAt(value: unknown, level: number): string {
  const text = JSON.stringify(value, null, 2);
  return level === 0 ? text : text.replaceAll("\n", `\n${"  ".repeat(level)}`);
}
