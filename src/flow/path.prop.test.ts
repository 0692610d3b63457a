import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { selectForReceiveConnector } from "../engine/select/receive";
import { selectForSendConnector } from "../engine/select/send";
import { receiveCaseArb, sendCaseArb } from "../engine/select/test-arbitraries";
import { pathProblems } from "./test-path-check";

describe("every trace is a path through its graph", () => {
  it("receive connectors", () => {
    fc.assert(
      fc.property(receiveCaseArb, ([connector, ctx]) => {
        expect(pathProblems(selectForReceiveConnector(connector, ctx))).toEqual([]);
      }),
      { numRuns: 2_000 },
    );
  });

  it("send connectors", () => {
    fc.assert(
      fc.property(sendCaseArb, ([connector, server, ctx]) => {
        expect(pathProblems(selectForSendConnector(connector, server, ctx))).toEqual([]);
      }),
      { numRuns: 2_000 },
    );
  });
});
