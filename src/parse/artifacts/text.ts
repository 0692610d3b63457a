/** Text helpers shared by the artifact readers. */

const NOT_PLAIN_ASCII = /[^\x20-\x7e]/;

/** Printable ASCII only (no tab): text that `normaliseText` leaves as it is. */
export function isPlainAscii(text: string): boolean {
  return !NOT_PLAIN_ASCII.test(text);
}

/** Folds typographic quotes and odd spaces so matching does not depend on how the text was copied. */
export function normaliseText(text: string): string {
  // Every character folded below is a tab or beyond ASCII; most console lines have neither.
  if (isPlainAscii(text)) return text;
  return text
    .replace(/[\u2018\u2019\u201a\u201b\u2032\u00b4]/g, "'")
    .replace(/[\u201c\u201d\u201e\u2033]/g, '"')
    .replace(/[\u00a0\u2000-\u200b\u202f\u205f\u3000\t]/g, " ")
    .replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, "");
}

/** Normalised text with runs of white space collapsed to one space. */
export function squash(text: string): string {
  return normaliseText(text).replace(/\s+/g, " ").trim();
}

/** Removes Markdown/e-mail quote prefixes (`> `, `> > `). */
export function stripQuotePrefix(text: string): string {
  return text.replace(/^\s*(?:>[ \t]?)+/, "");
}

/** Tokens an author put in place of a real value: `<Receive Connector Name>`, `<server>`, `%1`. */
export function placeholdersIn(value: string): string[] {
  const found: string[] = [];
  for (const m of value.matchAll(/<([A-Za-z][A-Za-z0-9 ._'-]{0,80})>|%\d+/g)) {
    const inner = m[1];
    if (inner !== undefined && /^[IS]$/i.test(inner)) continue;
    found.push(m[0]);
  }
  return found;
}

/** `<I>issuer<S>subject` (tags in any case), the TlsCertificateName form. */
export function isTlsCertificateNameForm(value: string): boolean {
  return /^<I>.*<S>/is.test(value.trim());
}

/** Removes the sentence period that sticks to a value (`*.contoso.com.` → `*.contoso.com`). */
export function stripTrailingPeriods(value: string): string {
  return value.trim().replace(/\.+$/, "");
}

/** Port number when the text holds a plausible one. */
export function toPort(text: string | undefined): number | undefined {
  if (text === undefined || !/^\d{1,5}$/.test(text)) return undefined;
  const port = Number(text);
  return port > 0 && port < 65536 ? port : undefined;
}
