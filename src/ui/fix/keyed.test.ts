import { describe, expect, it } from "vitest";
import { keyed } from "./keyed";

describe("keyed", () => {
  it("gives repeated texts distinct keys and keeps the items in order", () => {
    const items = ["Restart-Service 'MSExchangeTransport'", "Get-Date", "Restart-Service 'MSExchangeTransport'"];
    const out = keyed(items, (s) => s);
    expect(out.map(([, item]) => item)).toEqual(items);
    expect(new Set(out.map(([key]) => key)).size).toBe(3);
  });

  it("keys the same list the same way twice", () => {
    const items = [{ t: "a" }, { t: "a" }, { t: "b" }];
    expect(keyed(items, (i) => i.t).map(([k]) => k)).toEqual(keyed([...items], (i) => i.t).map(([k]) => k));
  });
});
