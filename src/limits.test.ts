import { describe, expect, it } from "vitest";
import {
  exceedsLineLimit,
  exceedsPasteLimit,
  lineTooLongReason,
  MAX_LINE_CHARS,
  MAX_PASTE_CHARS,
  MAX_SHARE_BYTES,
  pasteTooLargeMessage,
} from "./limits";
import { toBase64Url } from "./share/base64url";
import { decodeShare } from "./share/codec";

async function deflatedFragment(bytes: number): Promise<string> {
  const stream = new Blob([new Uint8Array(bytes).fill(0x41)])
    .stream()
    .pipeThrough(new CompressionStream("deflate-raw"));
  return `#v1.${toBase64Url(new Uint8Array(await new Response(stream).arrayBuffer()))}`;
}

describe("the paste limit", () => {
  it.each([
    [0, false],
    [MAX_PASTE_CHARS, false],
    [MAX_PASTE_CHARS + 1, true],
  ])("%i characters exceed it: %s", (characters, exceeds) => {
    expect(exceedsPasteLimit(characters)).toBe(exceeds);
  });

  it("says how large the paste is, what the limit is, and offers the command line", () => {
    expect(pasteTooLargeMessage(63_240_000)).toBe(
      "This paste is 63.2 MB; certflow analyses up to 50 MB in the browser, so it was not analysed. Paste less (one server or one cmdlet at a time), or run the command-line version on the saved output, which has no limit: npx certflow analyze FILE.",
    );
  });
});

describe("the line limit", () => {
  it.each([
    [MAX_LINE_CHARS, false],
    [MAX_LINE_CHARS + 1, true],
  ])("a line of %i characters exceeds it: %s", (characters, exceeds) => {
    expect(exceedsLineLimit(characters)).toBe(exceeds);
  });

  it("names the line's length and the limit", () => {
    expect(lineTooLongReason(5_000_000)).toBe(
      "a line of 5,000,000 characters, longer than the 4,194,304 certflow reads",
    );
  });
});

describe("the share-link limit", () => {
  it("is the cap the link decoder enforces: a link unpacking to one byte more is refused", async () => {
    expect(await decodeShare(await deflatedFragment(MAX_SHARE_BYTES + 1))).toEqual({
      ok: false,
      problem: { kind: "too-large" },
    });
    // At the cap the bytes are unpacked (and then refused as damaged: they are not JSON).
    expect(await decodeShare(await deflatedFragment(MAX_SHARE_BYTES))).toEqual({
      ok: false,
      problem: { kind: "damaged" },
    });
  });
});
