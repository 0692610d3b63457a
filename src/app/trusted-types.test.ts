import { describe, expect, it } from "vitest";
import { sameOriginScriptUrl } from "./trusted-types";

const base = "http://127.0.0.1:4173/certflow/index.html";
const origin = "http://127.0.0.1:4173";

describe("the default Trusted Types policy", () => {
  it.each([
    {
      input: "./assets/analysis.worker-abc.js",
      allowed: "http://127.0.0.1:4173/certflow/assets/analysis.worker-abc.js",
    },
    { input: "/assets/x.js", allowed: "http://127.0.0.1:4173/assets/x.js" },
    { input: "blob:http://127.0.0.1:4173/5f0c0b7e", allowed: "blob:http://127.0.0.1:4173/5f0c0b7e" },
  ])("allows $input", ({ input, allowed }) => {
    expect(sameOriginScriptUrl(input, base, origin)).toBe(allowed);
  });

  it.each([
    "https://cdn.example.com/x.js",
    "//evil.example/x.js",
    "http://127.0.0.1:4174/assets/x.js",
    "data:text/javascript,alert(1)",
    "javascript:alert(1)",
    "blob:https://evil.example/5f0c0b7e",
  ])("blocks %s", (input) => {
    expect(() => sameOriginScriptUrl(input, base, origin)).toThrow(TypeError);
  });
});

describe("the default Trusted Types policy on a page opened from disk", () => {
  const base = "file:///C:/Tools/certflow.html";

  it.each(["null", "file://"])("allows the blob: worker the page made, when the origin reads %s", (origin) => {
    expect(sameOriginScriptUrl("blob:null/5f0c0b7e", base, origin)).toBe("blob:null/5f0c0b7e");
  });

  it.each([
    "data:text/javascript,alert(1)",
    "file:///C:/Tools/other.js",
    "./assets/x.js",
    "blob:https://evil.example/5f0c0b7e",
    "https://cdn.example.com/x.js",
  ])("blocks %s", (input) => {
    expect(() => sameOriginScriptUrl(input, base, "null")).toThrow(TypeError);
    expect(() => sameOriginScriptUrl(input, base, "file://")).toThrow(TypeError);
  });
});
