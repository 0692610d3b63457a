import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { SelectionContext } from "./context";
import { sameServer } from "./context";
import { selectForReceiveConnector } from "./receive";
import { selectForSendConnector } from "./send";
import { STEP } from "./step-ids";
import { receiveCaseArb, sendCaseArb } from "./test-arbitraries";
import type { Selection } from "./types";

const STEP_IDS: ReadonlySet<string> = new Set(Object.values(STEP));

function checkInvariants(selection: Selection, ctx: SelectionContext, server: string | undefined): void {
  if (selection.certificate === null) expect(selection.starttls).toBe(false);
  else {
    expect(selection.starttls).toBe(true);
    expect(ctx.certificates.some((c) => c.cert === selection.certificate)).toBe(true);
    expect(sameServer(selection.certificate.server, server)).toBe(true);
  }
  expect(selection.via === "None").toBe(selection.certificate === null);
  const keys = new Set(ctx.certificates.map((c) => c.key));
  for (const step of selection.steps) {
    expect(STEP_IDS.has(step.id)).toBe(true);
    expect(step.question).not.toBe("");
    expect(step.detail).not.toBe("");
    for (const key of step.kept) expect(keys.has(key)).toBe(true);
    for (const drop of step.dropped) {
      expect(keys.has(drop.thumbprint)).toBe(true);
      expect(drop.reason).not.toBe("");
    }
  }
  const last = selection.steps[selection.steps.length - 1];
  expect(last?.id).toBe(selection.starttls ? STEP.resultStarttls : STEP.resultNone);
}

describe("selection properties", () => {
  it("selectForReceiveConnector never throws; certificate and STARTTLS agree; the certificate is the server's", () => {
    fc.assert(
      fc.property(receiveCaseArb, ([connector, ctx]) => {
        checkInvariants(selectForReceiveConnector(connector, ctx), ctx, connector.server);
      }),
      { numRuns: 2_000 },
    );
  });

  it("selectForSendConnector never throws and keeps the same invariants", () => {
    fc.assert(
      fc.property(sendCaseArb, ([connector, server, ctx]) => {
        checkInvariants(selectForSendConnector(connector, server, ctx), ctx, server);
      }),
      { numRuns: 2_000 },
    );
  });
});
