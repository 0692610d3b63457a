import { describe, expect, it } from "vitest";
import { lineRange } from "./line-range";

const text = "alpha\nbeta\n\ngamma";

describe("lineRange", () => {
  it.each([
    { from: 1, to: 1, selected: "alpha" },
    { from: 2, to: 2, selected: "beta" },
    { from: 3, to: 3, selected: "" },
    { from: 2, to: 4, selected: "beta\n\ngamma" },
    { from: 1, to: 4, selected: text },
    { from: 4, to: 9, selected: "gamma" },
    { from: 0, to: 1, selected: "alpha" },
    { from: 7, to: 9, selected: "" },
  ])("lines $from–$to select $selected", ({ from, to, selected }) => {
    const [start, end] = lineRange(text, from, to);
    expect(text.slice(start, end)).toBe(selected);
  });

  it("puts a selection past the end at the end of the text", () => {
    expect(lineRange(text, 7, 9)).toEqual([text.length, text.length]);
  });

  it("reads the numbering the parser uses once CRLF became LF", () => {
    const pasted = "one\r\ntwo\r\nthree";
    const held = pasted.replace(/\r\n?/g, "\n");
    const [start, end] = lineRange(held, 2, 2);
    expect(held.slice(start, end)).toBe("two");
  });
});
