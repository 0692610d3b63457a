import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type DateOrder, decideDateOrder, readDate } from "./dates";

/** `NotAfter` values of a Format-List fixture, in paste order. */
function notAfterOf(name: string): string[] {
  const text = readFileSync(new URL(`../parse/__fixtures__/${name}`, import.meta.url), "utf8");
  return [...text.matchAll(/^NotAfter\s*: (.+?)\s*$/gm)].map((m) => m[1] ?? "");
}

describe("readDate on fixture 02 (ru-RU dotted dates)", () => {
  it("reads the day first", () => {
    expect(notAfterOf("02-getexcert-fl-ru-dates-prompt.txt").map((raw) => readDate(raw).iso)).toEqual([
      "2028-02-02T04:22:23Z",
      "2028-02-02T03:09:22Z",
      "2033-01-30T02:48:33Z",
    ]);
  });
});

describe("readDate", () => {
  it.each<[string, DateOrder | undefined, string]>([
    ["2023-01-11T15:59:51.433Z", undefined, "2023-01-11T15:59:51.433Z"],
    ["2020-01-17T15:15:33.000Z", undefined, "2020-01-17T15:15:33Z"],
    ["2028-02-02 04:22:23", undefined, "2028-02-02T04:22:23Z"],
    ["2028-02-02T04:22:23+03:00", undefined, "2028-02-02T01:22:23Z"],
    ["2028-02-02T04:22:23.1234567", undefined, "2028-02-02T04:22:23.123Z"],
    ["2028/02/02 4:22:23", undefined, "2028-02-02T04:22:23Z"],
    ["02.02.2028 4:22:23", "month-first", "2028-02-02T04:22:23Z"],
    ["24.09.2020 14:00:52", undefined, "2020-09-24T14:00:52Z"],
    ["12/02/2018 1:53:00 PM", "day-first", "2018-02-12T13:53:00Z"],
    ["12/02/2018 1:53:00 PM", "month-first", "2018-12-02T13:53:00Z"],
    ["9/28/2010 9:35:58 AM", undefined, "2010-09-28T09:35:58Z"],
    ["04/02/2016 12:17:20", "day-first", "2016-02-04T12:17:20Z"],
    ["02/02/2028 04:22:23", undefined, "2028-02-02T04:22:23Z"],
    ["1/2/2028 12:30:00 AM", "month-first", "2028-01-02T00:30:00Z"],
    ["1/2/2028 12:30:00 PM", "month-first", "2028-01-02T12:30:00Z"],
    ["1/2/2028 4:22:23 pm", "month-first", "2028-01-02T16:22:23Z"],
    ["1/2/2028 4:22:23 p.m.", "month-first", "2028-01-02T16:22:23Z"],
    ["1/2/2028 4:22:23 a.m.", "month-first", "2028-01-02T04:22:23Z"],
    ["/Date(1700000000000)/", undefined, "2023-11-14T22:13:20Z"],
    ["\\/Date(1700000000000)\\/", undefined, "2023-11-14T22:13:20Z"],
    ["/Date(1700000000000+0100)/", undefined, "2023-11-14T22:13:20Z"],
    ["Tuesday, February 2, 2028 4:22:23 AM", undefined, "2028-02-02T04:22:23Z"],
    ["February 2, 2028", undefined, "2028-02-02T00:00:00Z"],
    ["2. Februar 2028", undefined, "2028-02-02T00:00:00Z"],
    ["Mittwoch, 2. Februar 2028 04:22:23", undefined, "2028-02-02T04:22:23Z"],
    ["2 février 2028", undefined, "2028-02-02T00:00:00Z"],
    ["mercredi 1er février 2028 16:05", undefined, "2028-02-01T16:05:00Z"],
    ["Wed, 11 Jan 2023 16:59:51 +0100", undefined, "2023-01-11T15:59:51Z"],
    ["29.02.2024 0:00:00", undefined, "2024-02-29T00:00:00Z"],
  ])("%j (%s) → %s", (raw, order, iso) => {
    const date = readDate(raw, order);
    expect(date.iso).toBe(iso);
    expect(date.readings).toEqual([iso]);
    expect(date.raw).toBe(raw.trim());
  });

  it("keeps both readings of an undecided slash date and says so", () => {
    const date = readDate(" 04/02/2016 12:17:20 ");
    expect(date).toMatchObject({
      raw: "04/02/2016 12:17:20",
      iso: null,
      readings: ["2016-02-04T12:17:20Z", "2016-04-02T12:17:20Z"],
    });
    expect(date.note).toContain("both readings");
  });

  it("follows the only valid reading when the paste's order says otherwise, and notes it", () => {
    const date = readDate("30/01/2033 2:48:33", "month-first");
    expect(date.iso).toBe("2033-01-30T02:48:33Z");
    expect(date.note).toContain("30 cannot be a month");
  });

  it.each([
    ["30.02.2028 4:22:23"],
    ["13/13/2028"],
    ["02.13.2028 4:22:23"],
    ["02.02.2028 25:00:00"],
    ["02.02.2028 4:61:00"],
    ["1/2/2028 13:00:00 PM"],
    ["2028-02-30"],
    ["29.02.2023"],
    ["February 30, 2028"],
    ["hello"],
    [""],
    ["/Date(99999999999999999)/"],
    ["02.02.2028 later"],
  ])("%j is not a date", (raw) => {
    expect(readDate(raw)).toMatchObject({ iso: null, readings: [], note: "not a date" });
  });
});

describe("decideDateOrder", () => {
  it.each<[string[], DateOrder | undefined, string]>([
    [["9/28/2010 9:35:58 AM", "12/02/2018 1:53:00 PM"], "month-first", "9/28/2010 9:35:58 AM"],
    [["04/02/2016 1:00:00 PM", "30/01/2033 2:48:33 AM"], "day-first", "30/01/2033 2:48:33 AM"],
    [["04/02/2016 12:17:20"], "day-first", "24-hour clock"],
    [["11/30/2029 12:53:13", "12/03/2019 14:47:32"], "month-first", "invariant culture"],
    [["13/01/2020 1:00:00 PM", "01/13/2020 1:00:00 PM"], undefined, "conflicting"],
    [["12/02/2018 1:53:00 PM"], undefined, "no date"],
    [["02.02.2028 4:22:23", "2023-01-11T15:59:51.433Z"], undefined, "no date"],
    [[], undefined, "no date"],
  ])("%j → %s", (raws, order, reason) => {
    const decision = decideDateOrder(raws);
    expect(decision.order).toBe(order);
    expect(decision.reason).toContain(reason);
  });

  it("lets the decided order settle fixture 09's date (UK blog, 4 February 2016)", () => {
    const raw = "04/02/2016 12:17:20";
    expect(readDate(raw, decideDateOrder([raw]).order).iso).toBe("2016-02-04T12:17:20Z");
  });
});
