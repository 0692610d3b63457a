const QUOTE = 34;

/**
 * Splits one CSV row (RFC 4180 quoting, `""` inside quotes). Null when a quote is left open. A quote opens a quoted
 * part only where the field is still empty; anywhere else it is kept as text. Fields are cut out between separators
 * rather than built a character at a time: a pasted protocol log is tens of thousands of rows.
 */
export function splitCsvRow(text: string): string[] | null {
  const fields: string[] = [];
  let field = "";
  let i = 0;
  for (;;) {
    // Here a field starts, or a quoted part has just closed (and no quote follows it): a quote opens a quoted part.
    if (text.charCodeAt(i) === QUOTE) {
      i += 1;
      for (;;) {
        const close = text.indexOf('"', i);
        if (close === -1) return null;
        field += text.slice(i, close);
        i = close + 1;
        if (text.charCodeAt(i) !== QUOTE) break;
        field += '"';
        i += 1;
      }
      continue;
    }
    const comma = text.indexOf(",", i);
    if (comma === -1) {
      fields.push(field + text.slice(i));
      return fields;
    }
    fields.push(field + text.slice(i, comma));
    field = "";
    i = comma + 1;
  }
}
