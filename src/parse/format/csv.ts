import type { Line } from "../lines";
import type { Leftover, RawRecord, RawValue, ReadResult } from "./types";

interface Field {
  readonly text: string;
  readonly quoted: boolean;
  readonly startLine: number;
  readonly endLine: number;
}

interface Row {
  readonly fields: Field[];
  readonly lines: Line[];
}

/**
 * Reads `Export-Csv` / `ConvertTo-Csv` output: an optional `#TYPE …` line, a header,
 * quoted fields with `""` escapes that may span lines, and `,` or — for `-UseCulture`
 * in cultures such as de-DE — `;` between fields, as the header shows.
 */
export function readCsv(lines: readonly Line[]): ReadResult {
  let from = lines.findIndex((line) => line.text.trim() !== "");
  if (from < 0) return { records: [], unread: [], leftovers: [] };
  if (/^\s*#TYPE\b/i.test(lines[from]?.text ?? "")) from += 1;
  const headerLine = lines.slice(from).find((line) => line.text.trim() !== "");
  if (headerLine === undefined) return { records: [], unread: [], leftovers: [] };
  const delimiter = delimiterOf(headerLine.text);
  const { rows, open } = splitRows(lines.slice(from), delimiter);
  const [header, ...body] = rows;
  const unread: Line[] = [...open];
  const leftovers: Leftover[] = [];
  if (header === undefined) return { records: [], unread, leftovers };
  if (body.length === 0) return { records: [], unread: [...header.lines, ...unread], leftovers };
  const names = header.fields.map((field) => field.text);
  const records: RawRecord[] = [];
  for (const row of body) {
    const only = row.fields[0];
    if (names.length > 1 && row.fields.length === 1 && only !== undefined && !only.quoted) {
      unread.push(...row.lines);
      continue;
    }
    records.push(toRecord(row, names, leftovers));
  }
  unread.sort((a, b) => a.no - b.no);
  return { records, unread, leftovers };
}

function toRecord(row: Row, names: readonly string[], leftovers: Leftover[]): RawRecord {
  const fields = new Map<string, RawValue>();
  row.fields.forEach((field, i) => {
    const name = names[i];
    if (name === undefined || fields.has(name)) {
      const reason = name === undefined ? "value beyond the last column" : `second column named ${name}`;
      leftovers.push({ line: field.startLine, text: field.text, reason });
      return;
    }
    fields.set(name, {
      kind: "text",
      text: field.text,
      truncated: false,
      startLine: field.startLine,
      endLine: field.endLine,
    });
  });
  const first = row.lines[0]?.no ?? 0;
  return { fields, startLine: first, endLine: row.lines.at(-1)?.no ?? first };
}

/** `;` when the header holds more semicolons than commas outside quotes. */
function delimiterOf(header: string): "," | ";" {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const char of header) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === ",") commas += 1;
    else if (!quoted && char === ";") semicolons += 1;
  }
  return semicolons > commas ? ";" : ",";
}

/**
 * Splits lines into rows of fields. A quote opening a field runs to its closing quote,
 * across line breaks; a row still open at the end is returned as `open`.
 */
function splitRows(lines: readonly Line[], delimiter: string): { rows: Row[]; open: Line[] } {
  const rows: Row[] = [];
  let fields: Field[] = [];
  let rowLines: Line[] = [];
  let parts: string[] = [];
  let quoted = false;
  let inQuotes = false;
  /** The current unquoted field holds more than blanks (a quote there is a literal character). */
  let started = false;
  let fieldStart = 0;
  const endField = (no: number): void => {
    const text = parts.join("");
    fields.push({ text: quoted ? text : text.trim(), quoted, startLine: fieldStart, endLine: no });
    parts = [];
    quoted = false;
    started = false;
  };
  for (const line of lines) {
    if (!inQuotes && line.text.trim() === "") continue;
    if (!inQuotes) fieldStart = line.no;
    rowLines.push(line);
    const text = line.text;
    let i = 0;
    while (i < text.length) {
      if (inQuotes) {
        const close = text.indexOf('"', i);
        if (close < 0) {
          parts.push(text.slice(i));
          i = text.length;
        } else if (text[close + 1] === '"') {
          parts.push(text.slice(i, close + 1));
          i = close + 2;
        } else {
          parts.push(text.slice(i, close));
          inQuotes = false;
          i = close + 1;
        }
        continue;
      }
      const char = text[i];
      if (char === '"' && !started) {
        parts = [];
        quoted = true;
        inQuotes = true;
        started = true;
      } else if (char === delimiter) {
        endField(line.no);
        fieldStart = line.no;
      } else {
        parts.push(char ?? "");
        if (char !== " " && char !== "\t") started = true;
      }
      i += 1;
    }
    if (inQuotes) {
      parts.push("\n");
      continue;
    }
    endField(line.no);
    rows.push({ fields, lines: rowLines });
    fields = [];
    rowLines = [];
  }
  return { rows, open: inQuotes ? rowLines : [] };
}
