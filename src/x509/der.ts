/**
 * Just enough DER to read what the X.509 library does not expose in the
 * form Windows shows: the version, the serial number bytes, the signature
 * algorithm OID and the public key size.
 */

export interface Tlv {
  /** Offset of the tag byte. */
  readonly offset: number;
  readonly tag: number;
  /** First content byte and the byte after the content. */
  readonly start: number;
  readonly end: number;
  /** Byte after the whole element. */
  readonly next: number;
}

export function readTlv(bytes: Uint8Array, offset: number): Tlv | null {
  const tag = bytes[offset];
  let lengthByte = bytes[offset + 1];
  if (tag === undefined || lengthByte === undefined) return null;
  let at = offset + 2;
  let length = lengthByte;
  if (lengthByte & 0x80) {
    const count = lengthByte & 0x7f;
    if (count === 0 || count > 4) return null;
    length = 0;
    for (let k = 0; k < count; k++) {
      lengthByte = bytes[at++];
      if (lengthByte === undefined) return null;
      length = length * 256 + lengthByte;
    }
  }
  const end = at + length;
  if (end > bytes.length) return null;
  return { offset, tag, start: at, end, next: end };
}

export function children(bytes: Uint8Array, parent: Tlv): Tlv[] {
  const out: Tlv[] = [];
  let at = parent.start;
  while (at < parent.end) {
    const child = readTlv(bytes, at);
    if (child === null || child.end > parent.end) return out;
    out.push(child);
    at = child.next;
  }
  return out;
}

export function oidOf(bytes: Uint8Array, tlv: Tlv): string | undefined {
  if (tlv.tag !== 0x06 || tlv.end <= tlv.start) return undefined;
  const parts: number[] = [];
  let value = 0;
  for (let i = tlv.start; i < tlv.end; i++) {
    const b = bytes[i] ?? 0;
    value = value * 128 + (b & 0x7f);
    if (!(b & 0x80)) {
      parts.push(value);
      value = 0;
    }
  }
  const first = parts.shift();
  if (first === undefined) return undefined;
  const head = first < 80 ? [Math.floor(first / 40), first % 40] : [2, first - 80];
  return [...head, ...parts].join(".");
}

export function hexOf(bytes: Uint8Array, tlv: Tlv): string {
  let hex = "";
  for (let i = tlv.start; i < tlv.end; i++) hex += (bytes[i] ?? 0).toString(16).padStart(2, "0");
  return hex.toUpperCase();
}

/** Bits in an unsigned big-endian INTEGER (leading zero bytes and bits not counted). */
export function integerBits(bytes: Uint8Array, tlv: Tlv): number {
  let i = tlv.start;
  while (i < tlv.end && bytes[i] === 0) i++;
  if (i >= tlv.end) return 0;
  const lead = bytes[i] ?? 0;
  return (tlv.end - i - 1) * 8 + (32 - Math.clz32(lead));
}
