// The pure layers compile without DOM types, yet browsers, workers and Node 20 all provide these web platform
// classes as globals. These are the parts certflow uses, typed here so the codec stays DOM-free.

export interface ByteReader {
  read(): Promise<{ readonly done: boolean; readonly value?: Uint8Array }>;
  cancel(): Promise<void>;
}

export interface ByteTransform {
  readonly writable: { getWriter(): { write(chunk: Uint8Array): Promise<void>; close(): Promise<void> } };
  readonly readable: { getReader(): ByteReader };
}

interface Natives {
  readonly TextEncoder: new () => { encode(text: string): Uint8Array };
  readonly TextDecoder: new (label: "utf-8", options: { fatal: boolean }) => { decode(bytes: Uint8Array): string };
  readonly CompressionStream: new (format: "deflate-raw") => ByteTransform;
  readonly DecompressionStream: new (format: "deflate-raw") => ByteTransform;
}

const natives = globalThis as unknown as Natives;

export function utf8(text: string): Uint8Array {
  return new natives.TextEncoder().encode(text);
}

/** Strict: bytes that are not UTF-8 are damage, not text to guess at. */
export function fromUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new natives.TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

export function deflateRawStream(): ByteTransform {
  return new natives.CompressionStream("deflate-raw");
}

export function inflateRawStream(): ByteTransform {
  return new natives.DecompressionStream("deflate-raw");
}
