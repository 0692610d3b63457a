import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isolateBidi } from "./bidi";

describe("isolateBidi", () => {
  it("leaves left-to-right values as they are", () => {
    expect(isolateBidi("EX01\\Default Frontend EX01")).toBe("EX01\\Default Frontend EX01");
    expect(isolateBidi("CN=mail.contoso.com, O=Contoso Ltd, C=DE")).toBe("CN=mail.contoso.com, O=Contoso Ltd, C=DE");
  });

  it.each([
    ["a right-to-left override", "Frontend\u202eEX01"],
    ["a right-to-left mark", "EX01\u200f"],
    ["an unclosed isolate", "\u2067EX01"],
    ["Hebrew", "שרת דואר"],
    ["Arabic", "خادم البريد"],
  ])("isolates a value holding %s", (_, value) => {
    expect(isolateBidi(value)).toBe(`\u2068${value}\u2069`);
  });

  it("either returns the value or the value inside one isolate", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (value) => {
        const out = isolateBidi(value);
        expect([value, `\u2068${value}\u2069`]).toContain(out);
      }),
    );
  });
});
