import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeTextFile } from "./text-file";

const LINE = "Subject : CN=mail.contoso.com, O=Gültig GmbH\r\n";

function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    out[2 + i * 2] = text.charCodeAt(i) & 0xff;
    out[3 + i * 2] = text.charCodeAt(i) >> 8;
  }
  return out;
}

describe("decodeTextFile", () => {
  it("reads UTF-8 with and without a byte-order mark", () => {
    const bytes = new TextEncoder().encode(LINE);
    expect(decodeTextFile(bytes)).toEqual({ ok: true, text: LINE, encoding: "utf-8" });
    expect(decodeTextFile(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]))).toEqual({
      ok: true,
      text: LINE,
      encoding: "utf-8",
    });
  });

  it("reads what Windows PowerShell's `>` writes: UTF-16 LE with a mark", () => {
    expect(decodeTextFile(utf16le(LINE))).toEqual({ ok: true, text: LINE, encoding: "utf-16le" });
  });

  it("reads UTF-16 BE with a mark", () => {
    const le = utf16le(LINE);
    const be = new Uint8Array(le.length);
    for (let i = 0; i < le.length; i += 2) [be[i], be[i + 1]] = [le[i + 1] ?? 0, le[i] ?? 0];
    expect(decodeTextFile(be)).toEqual({ ok: true, text: LINE, encoding: "utf-16be" });
  });

  it("reads the ANSI code page when the bytes are not UTF-8", () => {
    const ansi = new Uint8Array([...LINE].map((c) => c.charCodeAt(0)));
    expect(decodeTextFile(ansi)).toEqual({ ok: true, text: LINE, encoding: "windows-1252" });
  });

  it("refuses bytes with NULs and no UTF-16 mark as binary", () => {
    expect(decodeTextFile(new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03]))).toEqual({ ok: false });
  });

  it("never throws, and gives back any UTF-8 text unchanged", () => {
    fc.assert(fc.property(fc.uint8Array(), (bytes) => void decodeTextFile(bytes)));
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (text) => {
        fc.pre(!text.includes("\u0000") && !text.startsWith("\ufeff"));
        expect(decodeTextFile(new TextEncoder().encode(text))).toEqual({ ok: true, text, encoding: "utf-8" });
      }),
    );
  });
});
