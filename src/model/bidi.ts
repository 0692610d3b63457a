/**
 * Right-to-left letters and the Unicode bidirectional controls (LRM/RLM, embeddings, overrides, isolates, ALM).
 * A pasted name holding one can reorder the sentence it is quoted in — "Trojan Source" style — so that a message
 * reads as something else on screen than it says.
 */
const BIDI_SENSITIVE =
  /[\u0590-\u08ff\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c\ufb1d-\ufdff\ufe70-\ufefc]|\ud802[\udc00-\udfff]|\ud83a[\udc00-\udfff]/u;

const FSI = "\u2068";
const PDI = "\u2069";

/**
 * Wraps a pasted value in a first-strong isolate when it holds right-to-left text or bidi controls. Inside an
 * isolate the value keeps its own direction, and the closing PDI ends any embedding or override the value left
 * open, so the words around it stay in order. Left-to-right values come back unchanged.
 */
export function isolateBidi(value: string): string {
  return BIDI_SENSITIVE.test(value) ? `${FSI}${value}${PDI}` : value;
}
