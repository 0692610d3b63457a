/**
 * Control characters, bidi controls and lone surrogates, as they could appear in a file name or an argument. Echoed
 * raw to a terminal they can move the cursor, recolour the screen or reverse the text around them, so an error
 * line would no longer say what it says.
 */
const UNPRINTABLE = /[\p{Cc}\p{Bidi_Control}\p{Cs}]/gu;

/** The text with each unprintable character written as `\u{XXXX}`, so a one-line message stays one readable line. */
export function printable(text: string): string {
  return text.replace(
    UNPRINTABLE,
    (c) => `\\u{${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}}`,
  );
}
