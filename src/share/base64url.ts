// Our own base64url (RFC 4648 §5, no padding): Uint8Array.prototype.toBase64 is too new to rely on and absent in
// Node 20, and atob/btoa are not part of the DOM-free layers.

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const VALUES = new Map([...ALPHABET].map((char, index) => [char.charCodeAt(0), index]));

export function toBase64Url(bytes: Uint8Array): string {
  const out: string[] = [];
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out.push(ALPHABET.charAt(n >> 18), ALPHABET.charAt((n >> 12) & 63), ALPHABET.charAt((n >> 6) & 63));
    out.push(ALPHABET.charAt(n & 63));
  }
  const rest = bytes.length - i;
  if (rest > 0) {
    const n = ((bytes[i] ?? 0) << 16) | (rest === 2 ? (bytes[i + 1] ?? 0) << 8 : 0);
    out.push(ALPHABET.charAt(n >> 18), ALPHABET.charAt((n >> 12) & 63));
    if (rest === 2) out.push(ALPHABET.charAt((n >> 6) & 63));
  }
  return out.join("");
}

/** How many characters `toBase64Url` writes for `bytes` bytes. */
export function base64UrlLength(bytes: number): number {
  const rest = bytes % 3;
  return Math.floor(bytes / 3) * 4 + (rest === 0 ? 0 : rest + 1);
}

/** The bytes, or undefined when the text is not unpadded base64url (a stray character, an impossible length). */
export function fromBase64Url(text: string): Uint8Array | undefined {
  if (text.length % 4 === 1) return undefined;
  const bytes = new Uint8Array(Math.floor((text.length * 3) / 4));
  let bits = 0;
  let buffer = 0;
  let at = 0;
  for (let i = 0; i < text.length; i++) {
    const value = VALUES.get(text.charCodeAt(i));
    if (value === undefined) return undefined;
    buffer = ((buffer << 6) | value) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[at++] = (buffer >> bits) & 0xff;
    }
  }
  return bytes;
}
