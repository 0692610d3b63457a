/**
 * Thumbprints are compared upper-case, without spaces or separators. Returns
 * undefined when the text holds no hex at all; `complete` tells whether it is
 * a whole SHA-1 (40 hex digits) rather than a masked or cut one.
 */
export function normaliseThumbprint(text: string): { value: string; complete: boolean } | undefined {
  const compact = text.replace(/[\s:‎‏]/g, "").toUpperCase();
  if (compact === "" || !/^[0-9A-F*x.]+$/i.test(compact)) return undefined;
  const complete = /^[0-9A-F]{40}$/.test(compact);
  return { value: compact, complete };
}

export function isThumbprint(text: string): boolean {
  return /^[0-9A-F]{40}$/i.test(text.trim());
}
