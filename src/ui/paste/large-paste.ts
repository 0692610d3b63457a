/**
 * A textarea lays out its whole value at once: Chromium takes about 0.35 ms per KB, seconds for an
 * organisation-sized paste, and the page freezes meanwhile. Above this size the paste box shows only the start
 * of the paste (read-only); the whole paste is still what is analysed.
 */
export const LARGE_PASTE_CHARS = 300_000;

/**
 * What the box shows of a large paste: enough lines to recognise it (some 300 lines of `Format-List`), quick to lay
 * out: setting and laying out 60,000 characters took Chromium about 35 ms on a two-core machine, this a third of it.
 */
export const PREVIEW_CHARS = 20_000;

export function isLargePaste(text: string): boolean {
  return text.length > LARGE_PASTE_CHARS;
}

/** The start of a large paste, cut at a line end. */
export function previewOf(text: string): string {
  if (!isLargePaste(text)) return text;
  const cut = text.lastIndexOf("\n", PREVIEW_CHARS);
  return text.slice(0, cut > 0 ? cut : PREVIEW_CHARS);
}

/**
 * The box's text after a paste replaced its selection, when the result would be too large for the box to show:
 * the page then sets it itself instead of letting the browser insert it (which would lay it all out).
 * Undefined when the browser may paste as usual.
 */
export function largePasteResult(value: string, start: number, end: number, pasted: string): string | undefined {
  const result = value.slice(0, start) + pasted + value.slice(end);
  return isLargePaste(result) ? result : undefined;
}
