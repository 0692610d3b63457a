import { describe, expect, it } from "vitest";
import { deflateShare } from "./codec";
import { inputChecksum, makeEnvelope } from "./envelope";
import { utf8 } from "./natives";
import { openShareFile, openShareFragment, problemMessage, restoreShare } from "./restore";

const text = "Get-ExchangeCertificate | fl";

describe("restoreShare", () => {
  it("accepts the envelope the codec writes, and a hand-written file without its checksum", () => {
    const input = { text, asOf: "2024-01-24", server: "EX01", redact: true };
    expect(restoreShare(makeEnvelope(input))).toEqual({ ok: true, input });
    expect(restoreShare({ v: 1, input: { text } }, "file")).toEqual({ ok: true, input: { text } });
  });

  it("refuses a link without its checksum: certflow always writes one, so its absence is damage", () => {
    const restored = restoreShare({ v: 1, input: { text, server: "EX01" }, sun: "0badf00d" }, "link");
    expect(restored).toEqual({ ok: false, message: problemMessage({ kind: "damaged" }, "link") });
  });

  it("drops an empty server name and a false redaction flag, and ignores fields it does not know", () => {
    expect(
      restoreShare({ v: 1, input: { text, server: "", redact: false, colour: "blue" }, extra: 1 }, "file"),
    ).toEqual({
      ok: true,
      input: { text },
    });
  });

  it.each([
    { payload: null, detail: /not an object/ },
    { payload: [1, 2], detail: /not an object/ },
    { payload: "v1", detail: /not an object/ },
    { payload: { input: { text } }, detail: /no format version/ },
    { payload: { v: "1", input: { text } }, detail: /no format version/ },
    { payload: { v: 1.5, input: { text } }, detail: /no format version/ },
    { payload: { v: 0, input: { text } }, detail: /no format version/ },
    { payload: { v: 1 }, detail: /holds no input/ },
    { payload: { v: 1, input: [text] }, detail: /holds no input/ },
    { payload: { v: 1, input: { text: 42 } }, detail: /text is not text/ },
    { payload: { v: 1, input: {} }, detail: /text is not text/ },
    { payload: { v: 1, input: { text, asOf: "24.01.2024" } }, detail: /as-of date/ },
    { payload: { v: 1, input: { text, asOf: 20240124 } }, detail: /as-of date/ },
    { payload: { v: 1, input: { text, server: ["EX01"] } }, detail: /server name/ },
    { payload: { v: 1, input: { text, server: "x".repeat(256) } }, detail: /server name/ },
    { payload: { v: 1, input: { text, redact: "yes" } }, detail: /redaction flag/ },
  ])("refuses $payload with a message", ({ payload, detail }) => {
    const restored = restoreShare(payload);
    expect(restored.ok).toBe(false);
    if (!restored.ok) {
      expect(restored.message).toMatch(/^This share link does not hold a valid certflow share/);
      expect(restored.message).toMatch(detail);
      expect(restored.message).toMatch(/Nothing was loaded\.$/);
    }
  });

  it("tells a newer format from a damaged one", () => {
    expect(restoreShare({ v: 3, input: { text } })).toEqual({
      ok: false,
      message: expect.stringMatching(/newer version of certflow \(share format v3\)/),
    });
  });

  it("refuses an input whose checksum does not match: a link changed in transit", () => {
    const envelope = makeEnvelope({ text: "Thumbprint : AAAA" });
    const changed = { ...envelope, input: { text: "Thumbprint : AAAB" } };
    expect(restoreShare(changed)).toEqual({ ok: false, message: expect.stringMatching(/damaged/) });
    expect(inputChecksum({ text: "a", asOf: "2024-01-24" })).not.toBe(inputChecksum({ text: "a" }));
  });
});

describe("problemMessage", () => {
  it.each([
    { problem: { kind: "not-share" as const }, link: /does not hold a certflow share/ },
    { problem: { kind: "future" as const, version: 2 }, link: /share format v2\); this page reads format v1/ },
    { problem: { kind: "too-large" as const }, link: /more than 8 MB/ },
    { problem: { kind: "damaged" as const }, link: /cut off or changed/ },
  ])("explains $problem.kind", ({ problem, link }) => {
    expect(problemMessage(problem, "link")).toMatch(link);
    expect(problemMessage(problem, "file")).toMatch(/^This (\.certflow )?file /);
  });
});

describe("openShareFragment and openShareFile", () => {
  it("restore what was shared", async () => {
    const input = { text, asOf: "2024-01-24" };
    expect(await openShareFragment((await deflateShare(input)).fragment())).toEqual({ ok: true, input });
    expect(openShareFile(utf8(JSON.stringify(makeEnvelope(input))))).toEqual({ ok: true, input });
    expect(openShareFile(utf8(`\uFEFF${JSON.stringify(makeEnvelope(input))}\n`))).toEqual({ ok: true, input });
  });

  it.each([
    { name: "a future link", open: () => openShareFragment("#v9.AAAA"), message: /newer version/ },
    { name: "a truncated link", open: () => openShareFragment("#v1.q1Yq"), message: /damaged/ },
    { name: "a text file", open: async () => openShareFile(utf8("Thumbprint : 3DAF")), message: /file is damaged/ },
    { name: "a binary file", open: async () => openShareFile(new Uint8Array([0xff, 0xfe, 0])), message: /damaged/ },
    { name: "a future file", open: async () => openShareFile(utf8('{"v":2}')), message: /share format v2/ },
  ])("explain $name", async ({ open, message }) => {
    expect(await open()).toEqual({ ok: false, message: expect.stringMatching(message) });
  });
});
