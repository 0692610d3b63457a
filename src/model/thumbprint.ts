/**
 * Thumbprints are compared upper-case, without spaces or separators. Returns
 * undefined when the text holds no hex at all; `complete` tells whether it is
 * a whole SHA-1 (40 hex digits) rather than a masked or cut one.
 */
export function normaliseThumbprint(text: string): { value: string; complete: boolean } | undefined {
  // Most thumbprints are printed as they are compared: answered by character code, with no string or pattern.
  if (isCompactSha1(text)) return { value: text, complete: true };
  const compact = text.replace(/[\s:‎‏]/g, "").toUpperCase();
  if (compact === "" || !/^[0-9A-F*x.]+$/i.test(compact)) return undefined;
  const complete = /^[0-9A-F]{40}$/.test(compact);
  return { value: compact, complete };
}

/** 40 digits or upper-case A to F and nothing else: `^[0-9A-F]{40}$`. */
function isCompactSha1(text: string): boolean {
  if (text.length !== 40) return false;
  for (let i = 0; i < 40; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 70))) return false;
  }
  return true;
}

export function isThumbprint(text: string): boolean {
  return /^[0-9A-F]{40}$/i.test(text.trim());
}
