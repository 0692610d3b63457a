import { describe, expect, it } from "vitest";
import { story } from "../__stories__/stories";
import { RENEWAL_OLD, RENEWAL_SUCCESSOR } from "../__stories__/test-two-server-renewal";
import { planRenewalFor } from "../renew";
import { isRenewalPlanRequest, isRenewalResponse, respondRenewal } from "./renewal-protocol";
import { isWhatIfRequest } from "./whatif-protocol";

const PASTE = story("two-server-hybrid-renewal");
const OLD = RENEWAL_OLD;
const SUCCESSOR = RENEWAL_SUCCESSOR;
const OPTIONS = { asOf: "2026-11-02" };

describe("the renewal protocol", () => {
  it("tells a renewal request from what-if and analysis requests, and checks what it asks for", () => {
    const request = { id: 1, renewal: true, text: "x", options: {}, request: { old: OLD, successor: SUCCESSOR } };
    expect(isRenewalPlanRequest(request)).toBe(true);
    expect(isWhatIfRequest(request)).toBe(false);
    expect(isRenewalPlanRequest({ id: 1, text: "x", options: {} })).toBe(false);
    expect(isRenewalPlanRequest({ id: 1, whatIf: true, text: "x", options: {}, edits: [] })).toBe(false);
    expect(isRenewalPlanRequest({ ...request, renewal: "yes" })).toBe(false);
    expect(isRenewalPlanRequest({ ...request, options: null })).toBe(false);
    expect(isRenewalPlanRequest({ ...request, request: null })).toBe(false);
    expect(isRenewalPlanRequest({ ...request, request: { old: 7, successor: SUCCESSOR } })).toBe(false);
    expect(isRenewalPlanRequest({ ...request, request: { old: OLD } })).toBe(false);
  });

  it("tells its replies from other messages", () => {
    expect(isRenewalResponse({ id: 1, kind: "renewal", view: { ok: false, reason: "r" } })).toBe(true);
    expect(isRenewalResponse({ id: 1, kind: "error", error: "boom" })).toBe(true);
    expect(isRenewalResponse({ id: 1, kind: "what-if", view: {} })).toBe(false);
    expect(isRenewalResponse({ id: "1", kind: "renewal" })).toBe(false);
    expect(isRenewalResponse("renewal")).toBe(false);
  });

  it("replies with the plan, its steps, the end state's findings and diff, and leaves the two reports in the worker", async () => {
    const request = { old: OLD, successor: SUCCESSOR };
    const full = await planRenewalFor(PASTE, OPTIONS, request);
    if (!full.ok) throw new Error(full.reason);
    const response = await respondRenewal(
      { id: 4, renewal: true, text: PASTE, options: OPTIONS, request },
      planRenewalFor,
    );
    expect(response).toEqual({
      id: 4,
      kind: "renewal",
      view: {
        ok: true,
        plan: full.plan,
        steps: full.steps,
        endFindings: full.end.findings,
        endDiff: full.endDiff,
        unmatched: full.unmatched,
      },
    });
    expect(full.steps.length).toBeGreaterThan(0);
    expect(full.endDiff.connectors.length).toBeGreaterThan(0);
  });

  it("passes on why a renewal cannot be planned", async () => {
    const request = { old: "F".repeat(40), successor: SUCCESSOR };
    const response = await respondRenewal(
      { id: 2, renewal: true, text: PASTE, options: OPTIONS, request },
      planRenewalFor,
    );
    expect(response).toEqual({
      id: 2,
      kind: "renewal",
      view: { ok: false, reason: `the certificate ${"F".repeat(40)} is not in the paste` },
    });
  });

  it("turns a failing plan into an error reply", async () => {
    const request = { old: OLD, successor: SUCCESSOR };
    const response = await respondRenewal({ id: 5, renewal: true, text: "x", options: {}, request }, async () => {
      throw new Error("boom");
    });
    expect(response).toEqual({ id: 5, kind: "error", error: "boom" });
  });
});
