import { describe, expect, it } from "vitest";
import { isLargePaste, LARGE_PASTE_CHARS, largePasteResult, PREVIEW_CHARS, previewOf } from "./large-paste";

const line = "Thumbprint         : 5A6B7C8D9E0F1A2B3C4D5E6F7A8B9C0D1E2F3A4B\n";
const large = line.repeat(Math.ceil((LARGE_PASTE_CHARS + 1) / line.length));

describe("large pastes", () => {
  it("are the ones over the limit", () => {
    expect(isLargePaste("x".repeat(LARGE_PASTE_CHARS))).toBe(false);
    expect(isLargePaste("x".repeat(LARGE_PASTE_CHARS + 1))).toBe(true);
  });

  it("show their first lines, whole, up to the preview size", () => {
    const preview = previewOf(large);
    expect(large.startsWith(preview)).toBe(true);
    expect(preview.length).toBeLessThanOrEqual(PREVIEW_CHARS);
    expect(preview.length).toBeGreaterThan(PREVIEW_CHARS - line.length);
    expect(large[preview.length]).toBe("\n");
  });

  it("are cut at the preview size when they have no line end to cut at", () => {
    expect(previewOf("y".repeat(LARGE_PASTE_CHARS * 2))).toBe("y".repeat(PREVIEW_CHARS));
  });

  it("leave a small paste whole", () => {
    expect(previewOf(line)).toBe(line);
  });
});

describe("largePasteResult", () => {
  it("replaces the selection with the pasted text when the result is large", () => {
    expect(largePasteResult("ab|cd", 2, 3, large)).toBe(`ab${large}cd`);
  });

  it("counts what the box already holds", () => {
    const half = "z".repeat(LARGE_PASTE_CHARS / 2 + 1);
    expect(largePasteResult(half, half.length, half.length, half)).toBe(half + half);
  });

  it("leaves a paste that stays small to the browser", () => {
    expect(largePasteResult("abc", 0, 3, line)).toBeUndefined();
  });
});
