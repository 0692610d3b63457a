import { base64UrlLength, fromBase64Url, toBase64Url } from "./base64url";
import { MAX_SHARE_BYTES, makeEnvelope, type ShareInput } from "./envelope";
import { type ByteTransform, deflateRawStream, fromUtf8, inflateRawStream, utf8 } from "./natives";

/**
 * A share fragment is `#v1.<base64url(deflate-raw(JSON envelope))>`. The leading `v1` names the format, so a later
 * format can live beside this one and an older certflow can tell a newer link from a damaged one.
 */

export type DecodeProblem =
  | { readonly kind: "not-share" }
  | { readonly kind: "future"; readonly version: number }
  | { readonly kind: "damaged" }
  | { readonly kind: "too-large" };

export type Decoded =
  | { readonly ok: true; readonly payload: unknown }
  | { readonly ok: false; readonly problem: DecodeProblem };

const FRAGMENT = /^#?v(\d{1,9})(?:\.([\s\S]*))?$/;
/** Incompressible input of MAX_SHARE_BYTES, deflated and in base64url, still fits; anything longer is not ours. */
const MAX_FRAGMENT_CHARS = Math.ceil((MAX_SHARE_BYTES * 4) / 3) + 4096;

export interface Deflated {
  /** Size of the JSON envelope: what the recipient has to unpack. */
  readonly bytes: number;
  /** Length of the fragment, known before it is written. */
  readonly fragmentChars: number;
  /** Writes the fragment: only worth it for a link short enough to be used. */
  fragment(): string;
}

const PREFIX = "#v1.";

/** The envelope compressed, with the length its fragment will have, so an over-long link is refused unwritten. */
export async function deflateShare(input: ShareInput): Promise<Deflated> {
  const json = utf8(JSON.stringify(makeEnvelope(input)));
  const deflated = await pump(deflateRawStream(), json, Number.POSITIVE_INFINITY);
  if (deflated === "too-large" || deflated === "damaged") throw new Error("The share link could not be compressed.");
  return {
    bytes: json.length,
    fragmentChars: PREFIX.length + base64UrlLength(deflated.length),
    fragment: () => `${PREFIX}${toBase64Url(deflated)}`,
  };
}

/** Never throws: every way a fragment can be wrong is a `problem`. The payload still has to pass `restore`. */
export async function decodeShare(fragment: string, maxBytes: number = MAX_SHARE_BYTES): Promise<Decoded> {
  try {
    const match = FRAGMENT.exec(fragment);
    if (match === null) return fail({ kind: "not-share" });
    const version = Number(match[1]);
    if (version > 1) return fail({ kind: "future", version });
    const body = match[2];
    if (version !== 1 || body === undefined || body === "") return fail({ kind: "damaged" });
    if (body.length > MAX_FRAGMENT_CHARS) return fail({ kind: "too-large" });
    const deflated = fromBase64Url(body);
    if (deflated === undefined) return fail({ kind: "damaged" });
    const inflated = await pump(inflateRawStream(), deflated, maxBytes);
    if (inflated === "too-large" || inflated === "damaged") return fail({ kind: inflated });
    return parseEnvelopeJson(inflated);
  } catch {
    return fail({ kind: "damaged" });
  }
}

/** A .certflow file holds the same envelope as plain JSON. */
export function parseEnvelopeJson(bytes: Uint8Array): Decoded {
  const text = fromUtf8(bytes);
  if (text === undefined) return fail({ kind: "damaged" });
  try {
    return { ok: true, payload: JSON.parse(text) as unknown };
  } catch {
    return fail({ kind: "damaged" });
  }
}

function fail(problem: DecodeProblem): Decoded {
  return { ok: false, problem };
}

// The browser (de)compresses each written chunk in a task of the page's thread: small chunks keep every task short.
const PUMP_CHUNK_BYTES = 64 * 1024;

/** Feeds the bytes through the transform and collects its output, giving up once it exceeds `maxBytes`. */
async function pump(
  transform: ByteTransform,
  input: Uint8Array,
  maxBytes: number,
): Promise<Uint8Array | "too-large" | "damaged"> {
  const writer = transform.writable.getWriter();
  const written = (async () => {
    for (let at = 0; at < input.length; at += PUMP_CHUNK_BYTES)
      await writer.write(input.subarray(at, at + PUMP_CHUNK_BYTES));
    await writer.close();
  })();
  // A failure on the writing side also errors the readable side, which is where it is reported.
  written.catch(() => undefined);
  const reader = transform.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (value === undefined) continue;
      total += value.length;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        return "too-large";
      }
      chunks.push(value);
    }
    await written;
  } catch {
    return "damaged";
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
