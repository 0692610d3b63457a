import { describe, expect, it } from "vitest";
import { findChromium } from "./ensure-chromium.mjs";

describe("findChromium", () => {
  it("uses CHROMIUM_PATH when that file exists", () => {
    expect(findChromium({ CHROMIUM_PATH: process.execPath })).toBe(process.execPath);
  });

  it("does not fall back to other places when CHROMIUM_PATH names a missing file", () => {
    expect(findChromium({ CHROMIUM_PATH: "/nonexistent/chromium" })).toBeUndefined();
  });
});
