import { describe, expect, it } from "vitest";
import { ambiguousDate, date, makeCert, thumb } from "../../model/test-builders";
import type { DateValue } from "../../model/values";
import type { Candidate } from "./context";
import { pickLatest } from "./latest";

function candidate(tag: string, notBefore: DateValue | undefined): Candidate {
  return { key: thumb(tag), cert: makeCert({ thumbprint: thumb(tag), notBefore }) };
}

describe("pickLatest", () => {
  it.each<[string, Candidate[], string, RegExp | undefined]>([
    [
      "newest wins wherever it is listed",
      [candidate("A1", date("2023-01-01")), candidate("B2", date("2024-01-01")), candidate("C3", date("2022-01-01"))],
      "B2",
      undefined,
    ],
    [
      "equal dates: the first listed, no caveat",
      [candidate("A1", date("2024-01-01")), candidate("B2", date("2024-01-01"))],
      "A1",
      undefined,
    ],
    [
      "missing dates: the first listed, with a caveat",
      [candidate("A1", undefined), candidate("B2", undefined)],
      "A1",
      /cannot tell whether B2B2.*NotBefore/,
    ],
    [
      "an ambiguous date that still loses under every reading",
      [candidate("A1", ambiguousDate("12/02/2020", ["2020-02-12", "2020-12-02"])), candidate("B2", date("2021-01-01"))],
      "B2",
      undefined,
    ],
    [
      "a later known date beats an unordered pair",
      [
        candidate("A1", ambiguousDate("01/02/2024", ["2024-01-02", "2024-02-01"])),
        candidate("B2", date("2024-01-15")),
        candidate("C3", date("2025-01-01")),
      ],
      "C3",
      undefined,
    ],
  ])("%s", (_name, candidates, winner, caveat) => {
    const [first, ...rest] = candidates;
    if (first === undefined) throw new Error("table row without candidates");
    const result = pickLatest([first, ...rest], "notBefore");
    expect(result.winner.key).toBe(thumb(winner));
    expect(result.dropped.map((d) => d.candidate.key).sort()).toEqual(
      candidates
        .map((c) => c.key)
        .filter((k) => k !== thumb(winner))
        .sort(),
    );
    if (caveat === undefined) expect(result.caveat).toBeUndefined();
    else expect(result.caveat).toMatch(caveat);
  });

  it("names the field it sorted on", () => {
    const result = pickLatest([candidate("A1", date("2024-01-01")), candidate("B2", date("2023-01-01"))], "notBefore");
    expect(result.dropped[0]?.reason).toBe(`older NotBefore than ${thumb("A1")} (2023-01-01 vs 2024-01-01)`);
  });

  it("gives as data the keys it could not order, and which of them have a date that reads two ways", () => {
    const ordered = pickLatest([candidate("A1", date("2024-01-01")), candidate("B2", date("2023-01-01"))], "notBefore");
    expect([ordered.unordered, ordered.ambiguous]).toEqual([[], []]);
    const unordered = pickLatest(
      [
        candidate("A1", ambiguousDate("01/02/2024", ["2024-01-02", "2024-02-01"])),
        candidate("B2", date("2024-01-15")),
        candidate("C3", undefined),
      ],
      "notBefore",
    );
    expect(unordered.unordered).toEqual([thumb("A1"), thumb("B2"), thumb("C3")]);
    expect(unordered.ambiguous).toEqual([thumb("A1")]);
  });
});
