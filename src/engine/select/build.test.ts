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
    expect("caveat" in makeStep("newest", "q?", "no", "d", { caveats: Array(100).fill("") })).toBe(false);
  });

  it("joins the caveats of a step with one per candidate of a crowded server the same way", () => {
    const caveats = Array.from({ length: 300 }, (_, i) => (i % 7 === 0 ? undefined : i % 5 === 0 ? "" : `C${i % 11}.`));
    const step = makeStep("newest", "q?", "no", "d", { caveats });
    expect(step.caveat).toBe(["C1.", "C2.", "C3.", "C4.", "C6.", "C8.", "C9.", "C0.", "C5.", "C7.", "C10."].join(" "));
  });
});
