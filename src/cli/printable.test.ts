import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { printable } from "./printable";

describe("printable", () => {
  it("keeps ordinary text in any script", () => {
    expect(printable("cannot read 'Bericht März.txt' or 'отчёт.txt' or 'שלום.txt'")).toBe(
      "cannot read 'Bericht März.txt' or 'отчёт.txt' or 'שלום.txt'",
    );
  });

  it("writes bidi overrides, escapes and lone surrogates as code points", () => {
    expect(printable("r\u202etxt.exe")).toBe("r\\u{202E}txt.exe");
    expect(printable("\u001b[31mred")).toBe("\\u{001B}[31mred");
    expect(printable("--\ud800")).toBe("--\\u{D800}");
    expect(printable("\u{1f512}")).toBe("\u{1f512}");
  });

  it("never leaves a control, bidi control or line break in its output", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        expect(printable(text)).not.toMatch(/[\p{Cc}\p{Bidi_Control}\p{Cs}]/u);
      }),
    );
  });
});
