import { describe, expect, it } from "vitest";
import { memoiseByObject, memoiseByString } from "./memo";

describe("memoiseByString", () => {
  it("asks the function once per string and returns its answer every time", () => {
    const asked: string[] = [];
    const length = memoiseByString((text) => {
      asked.push(text);
      return text === "none" ? undefined : text.length;
    });
    expect([length("abc"), length("abc"), length("none"), length("none"), length("de")]).toEqual([
      3,
      3,
      undefined,
      undefined,
      2,
    ]);
    expect(asked).toEqual(["abc", "none", "de"]);
  });

  it("forgets everything when full, and still answers right", () => {
    const asked: string[] = [];
    const upper = memoiseByString((text) => {
      asked.push(text);
      return text.toUpperCase();
    }, 2);
    expect([upper("a"), upper("b"), upper("c"), upper("a"), upper("c")]).toEqual(["A", "B", "C", "A", "C"]);
    expect(asked).toEqual(["a", "b", "c", "a"]);
  });
});

describe("memoiseByObject", () => {
  it("asks the function once per object, also when its answer is undefined, and tells equal objects apart", () => {
    const asked: object[] = [];
    const a = { n: 1 };
    const b = { n: 1 };
    const none = { n: 0 };
    const double = memoiseByObject((key: { n: number }) => {
      asked.push(key);
      return key.n === 0 ? undefined : key.n * 2;
    });
    expect([double(a), double(a), double(none), double(none), double(b)]).toEqual([2, 2, undefined, undefined, 2]);
    expect(asked).toEqual([a, none, b]);
  });
});
