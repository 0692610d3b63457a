import { describe, expect, it } from "vitest";
import { LINK_MAX_CHARS, LINK_WARN_CHARS, linkAdvice, linkFit } from "./budget";

describe("linkFit", () => {
  it.each([
    { chars: 0, fit: "anywhere" },
    { chars: 2_000, fit: "anywhere" },
    { chars: 2_001, fit: "chat" },
    { chars: 8_000, fit: "chat" },
    { chars: 8_001, fit: "mail" },
    { chars: LINK_WARN_CHARS, fit: "mail" },
    { chars: LINK_WARN_CHARS + 1, fit: "long" },
    { chars: LINK_MAX_CHARS, fit: "long" },
    { chars: LINK_MAX_CHARS + 1, fit: "too-long" },
  ])("calls $chars characters $fit", ({ chars, fit }) => {
    expect(linkFit(chars)).toBe(fit);
  });

  it("warns about a long link and points to the file", () => {
    expect(linkAdvice(30_000)).toMatch(/\.certflow file is safer/);
    expect(linkAdvice(40_000)).toMatch(/too long/);
  });
});
