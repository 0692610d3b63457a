import { describe, expect, it } from "vitest";
import { fill } from "./run";

describe("fill", () => {
  it("puts values in place and leaves unknown placeholders visible", () => {
    expect(fill("{connector} on {server} lacks {what}", { connector: "Default Frontend EX01", server: "EX01" })).toBe(
      "Default Frontend EX01 on EX01 lacks {what}",
    );
  });

  it("isolates a pasted value with a right-to-left override, so the words after it keep their order", () => {
    const message = fill("Connector {connector} presents no certificate.", { connector: "Frontend\u202e10XE" });
    expect(message).toBe("Connector \u2068Frontend\u202e10XE\u2069 presents no certificate.");
  });
});
