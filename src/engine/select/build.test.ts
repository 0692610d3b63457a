import { describe, expect, it } from "vitest";
import { makeCert } from "../../model/test-builders";
import { makeStep } from "./build";

describe("makeStep", () => {
  const a = { key: "A", cert: makeCert() };
  const b = { key: "B", cert: makeCert() };

  it("keys kept and dropped candidates, and joins caveats once each", () => {
    const step = makeStep("newest", "q?", "yes", "d", {
      kept: [a],
      dropped: [{ candidate: b, reason: "older" }],
      caveats: [undefined, "One.", "", "Two.", "One."],
    });
    expect(step).toEqual({
      id: "newest",
      question: "q?",
      outcome: "yes",
      detail: "d",
      kept: ["A"],
      dropped: [{ thumbprint: "B", reason: "older" }],
      caveat: "One. Two.",
    });
  });

  it("leaves caveat out when there is none", () => {
    expect("caveat" in makeStep("newest", "q?", "no", "d", { caveats: [undefined] })).toBe(false);
  });
});
