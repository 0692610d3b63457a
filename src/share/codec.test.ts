import { describe, expect, it } from "vitest";
import { base64UrlLength, fromBase64Url, toBase64Url } from "./base64url";
import { decodeShare, deflateShare } from "./codec";
import { crc32Hex } from "./crc32";
import { MAX_SHARE_BYTES, type ShareInput } from "./envelope";
import { utf8 } from "./natives";

async function deflate(text: string): Promise<string> {
  const stream = new CompressionStream("deflate-raw");
  const out = new Response(new Blob([text]).stream().pipeThrough(stream));
  return toBase64Url(new Uint8Array(await out.arrayBuffer()));
}

describe("base64url", () => {
  it.each([
    { bytes: [], text: "" },
    { bytes: [0], text: "AA" },
    { bytes: [0xfb, 0xff], text: "-_8" },
    { bytes: [0x66, 0x6f, 0x6f, 0x62, 0x61, 0x72], text: "Zm9vYmFy" },
  ])("writes $bytes as '$text' and reads it back", ({ bytes, text }) => {
    expect(toBase64Url(new Uint8Array(bytes))).toBe(text);
    expect(base64UrlLength(bytes.length)).toBe(text.length);
    expect([...(fromBase64Url(text) ?? [])]).toEqual(bytes);
  });

  it.each(["A", "Zm9v=", "Zm9v+", "Zm9v/", "Zm 9v", "Zm9vé"])("refuses '%s'", (text) => {
    expect(fromBase64Url(text)).toBeUndefined();
  });
});

describe("crc32Hex", () => {
  it("matches the standard check value", () => {
    expect(crc32Hex(utf8("123456789"))).toBe("cbf43926");
  });
});

describe("deflateShare / decodeShare", () => {
  const inputs: ShareInput[] = [
    { text: "" },
    { text: "Get-ExchangeCertificate | fl\nThumbprint : 3DAF40EC85C62DD39D98696AB5413E3EB83D6415" },
    { text: "astral 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🙂, NUL \u0000 and a lone \uD800 surrogate", asOf: "2024-01-24" },
    { text: "x", asOf: "2026-02-28", server: "EX01", redact: true },
  ];

  it.each(inputs)("round-trips %j through a v1 fragment", async (input) => {
    const deflated = await deflateShare(input);
    const fragment = deflated.fragment();
    expect(fragment).toMatch(/^#v1\.[A-Za-z0-9_-]+$/);
    expect(deflated.bytes).toBeGreaterThan(input.text.length);
    const decoded = await decodeShare(fragment);
    expect(decoded).toMatchObject({ ok: true, payload: { v: 1, input } });
  });

  it("round-trips 200 KB of console output and compresses it", async () => {
    const line = "Thumbprint         : 3DAF40EC85C62DD39D98696AB5413E3EB83D6415  Services : IIS, SMTP\n";
    const text = line.repeat(Math.ceil(200_000 / line.length));
    const fragment = (await deflateShare({ text })).fragment();
    expect(fragment.length).toBeLessThan(text.length / 10);
    expect(await decodeShare(fragment.slice(1))).toMatchObject({ ok: true, payload: { input: { text } } });
  });

  it.each([
    { fragment: "", kind: "not-share" },
    { fragment: "#findings", kind: "not-share" },
    { fragment: "#v", kind: "not-share" },
    { fragment: "#v1", kind: "damaged" },
    { fragment: "#v1.", kind: "damaged" },
    { fragment: "#v0.AAAA", kind: "damaged" },
    { fragment: "#v1.A", kind: "damaged" },
    { fragment: "#v1.!!!!", kind: "damaged" },
    { fragment: "#v1.AAAA", kind: "damaged" },
    { fragment: "#v2.q1YqUrIyrAUA", kind: "future" },
    { fragment: "#v17", kind: "future" },
  ])("reports '$fragment' as $kind", async ({ fragment, kind }) => {
    const decoded = await decodeShare(fragment);
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.problem.kind).toBe(kind);
  });

  it("names the version of a link from a newer certflow", async () => {
    expect(await decodeShare("#v2.q1YqUrIyrAUA")).toEqual({ ok: false, problem: { kind: "future", version: 2 } });
  });

  it("reports a link cut short as damaged", async () => {
    const fragment = (await deflateShare({ text: "Identity : EX01\\Default Frontend EX01\n".repeat(50) })).fragment();
    for (const keep of [fragment.length - 1, fragment.length - 5, Math.floor(fragment.length / 2), 6]) {
      const decoded = await decodeShare(fragment.slice(0, keep));
      expect(decoded, `kept ${keep} characters`).toEqual({ ok: false, problem: { kind: "damaged" } });
    }
  });

  it("reports inflated JSON that is not JSON, or not UTF-8, as damaged", async () => {
    expect(await decodeShare(`#v1.${await deflate("{not json")}`)).toEqual({ ok: false, problem: { kind: "damaged" } });
    const notUtf8 = toBase64Url(new Uint8Array([0x01, 0x02, 0x00, 0xfd, 0xff, 0xc3, 0x28]));
    expect(await decodeShare(`#v1.${notUtf8}`)).toEqual({ ok: false, problem: { kind: "damaged" } });
  });

  it("stops inflating a zip bomb at the cap", async () => {
    const bomb = `#v1.${await deflate(`{"v":1,"input":{"text":"${"A".repeat(MAX_SHARE_BYTES + 10)}"}}`)}`;
    expect(bomb.length).toBeLessThan(20_000);
    expect(await decodeShare(bomb)).toEqual({ ok: false, problem: { kind: "too-large" } });
    expect(await decodeShare(`#v1.${await deflate(`{"v":1,"input":{"text":"${"A".repeat(2000)}"}}`)}`, 1000)).toEqual({
      ok: false,
      problem: { kind: "too-large" },
    });
  });
});
