/**
 * Finds certificate text in pasted lines: PEM blocks (`-----BEGIN
 * CERTIFICATE-----`, with any indentation) and bare base64 DER as printed by
 * `[Convert]::ToBase64String($cert.RawData)` (a DER SEQUENCE encodes to `MI…`),
 * on one line or wrapped. No decoding happens here, so this module stays out
 * of the lazily loaded X.509 chunk.
 */

/** A pasted line; structural so this module needs nothing from the parser. */
export interface TextLine {
  readonly text: string;
}

export interface Base64Blob {
  readonly base64: string;
  /** Indices of the first and last line of the blob (markers included). */
  readonly first: number;
  readonly last: number;
}

export interface BlobRun {
  /** Index after the last line of the run. */
  readonly end: number;
  readonly blobs: readonly Base64Blob[];
  /** Indices of lines inside PEM markers that are not base64 (e.g. `[SNIP …]`). */
  readonly unread: readonly number[];
}

const BEGIN = /^\s*-----BEGIN (X509 |TRUSTED )?CERTIFICATE-----\s*$/;
const END = /^\s*-----END (?:X509 |TRUSTED )?CERTIFICATE-----\s*$/;
const BASE64_LINE = /^[A-Za-z0-9+/]+={0,2}$/;
const DER_START = /^MI[E-P][A-Za-z0-9+/]/;
const MIN_DER_CHARS = 64;

function isBase64Line(text: string): boolean {
  return BASE64_LINE.test(text.trim());
}

function pemBlock(
  texts: readonly TextLine[],
  start: number,
  unread: number[],
): { blob: Base64Blob | null; end: number } {
  let payload = "";
  let i = start + 1;
  while (i < texts.length) {
    const t = texts[i]?.text ?? "";
    if (END.test(t)) {
      i++;
      break;
    }
    if (BEGIN.test(t)) break;
    if (isBase64Line(t)) payload += t.trim();
    else if (t.trim() !== "") unread.push(i);
    i++;
  }
  const blob = payload === "" ? null : { base64: payload, first: start, last: i - 1 };
  return { blob, end: i };
}

function derRun(texts: readonly TextLine[], start: number): { blob: Base64Blob; end: number } | null {
  const first = (texts[start]?.text ?? "").trim();
  if (!DER_START.test(first) || !isBase64Line(first)) return null;
  // A wrapped run has every line as wide as the first except the last one.
  let payload = first;
  let previous = first;
  let i = start + 1;
  while (i < texts.length && previous.length === first.length && !previous.endsWith("=")) {
    const next = (texts[i]?.text ?? "").trim();
    if (!isBase64Line(next) || next.length > first.length) break;
    payload += next;
    previous = next;
    i++;
  }
  if (payload.length < MIN_DER_CHARS) return null;
  return { blob: { base64: payload, first: start, last: i - 1 }, end: i };
}

/** True when line `index` starts a PEM certificate or a base64 DER run. */
function beginsCertificateText(texts: readonly TextLine[], index: number): boolean {
  return BEGIN.test(texts[index]?.text ?? "") || derRun(texts, index) !== null;
}

/**
 * Reads the run of certificates starting at `start`: PEM blocks and DER runs,
 * separated only by blank lines. Null when `start` begins neither.
 */
export function scanBlobRun(texts: readonly TextLine[], start: number): BlobRun | null {
  if (!beginsCertificateText(texts, start)) return null;
  const blobs: Base64Blob[] = [];
  const unread: number[] = [];
  let i = start;
  let end = start;
  while (i < texts.length) {
    if (BEGIN.test(texts[i]?.text ?? "")) {
      const block = pemBlock(texts, i, unread);
      if (block.blob) blobs.push(block.blob);
      i = block.end;
    } else {
      const run = derRun(texts, i);
      if (run === null) break;
      blobs.push(run.blob);
      i = run.end;
    }
    end = i;
    while (i < texts.length && (texts[i]?.text ?? "").trim() === "") i++;
  }
  return { end, blobs, unread };
}
