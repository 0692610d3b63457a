/**
 * Reads a saved console output as text. Windows PowerShell 5.1's `>` and `Out-File` write UTF-16 with a byte-order
 * mark, PowerShell 7 writes UTF-8, and `-Encoding Default` writes the ANSI code page (Windows-1252 in the West), so
 * all three are read; a file with NUL bytes and no UTF-16 mark is binary and is refused rather than shown as noise.
 */
interface Decoder {
  decode(bytes: Uint8Array): string;
}
type DecoderClass = new (label: string, options?: { fatal: boolean }) => Decoder;
const TextDecoderClass = (globalThis as unknown as { TextDecoder: DecoderClass }).TextDecoder;

export type DecodedText =
  | { readonly ok: true; readonly text: string; readonly encoding: "utf-8" | "utf-16le" | "utf-16be" | "windows-1252" }
  | { readonly ok: false };

export function decodeTextFile(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decoded(bytes.subarray(2), "utf-16le");
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decoded(bytes.subarray(2), "utf-16be");
  const utf8 = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  if (utf8.includes(0)) return { ok: false };
  try {
    return { ok: true, text: new TextDecoderClass("utf-8", { fatal: true }).decode(utf8), encoding: "utf-8" };
  } catch {
    return decoded(utf8, "windows-1252");
  }
}

function decoded(bytes: Uint8Array, encoding: "utf-16le" | "utf-16be" | "windows-1252"): DecodedText {
  return { ok: true, text: new TextDecoderClass(encoding).decode(bytes), encoding };
}
