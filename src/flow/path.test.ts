import { describe, expect, it } from "vitest";
import { receiveScenarios, sendScenarios } from "../engine/select/test-scenarios";
import { receiveGraph } from "./graph";
import { edgeKey, litPath } from "./path";
import { pathProblems } from "./test-path-check";

describe("litPath", () => {
  it.each([...receiveScenarios, ...sendScenarios].map((s) => [s.name, s] as const))("%s", (_name, scenario) => {
    expect(pathProblems(scenario.select())).toEqual([]);
  });

  it("does not light an edge the graph lacks, or one whose label contradicts the answer", () => {
    const step = (id: string, outcome: "yes" | "no" | "skipped") => ({
      id,
      question: "q",
      outcome,
      detail: "d",
      kept: [],
      dropped: [],
    });
    const path = litPath(receiveGraph, {
      steps: [
        step("auth-tls", "no"),
        step("tlsname-set", "skipped"),
        step("fqdn-name", "yes"),
        step("eligible", "yes"),
      ],
    });
    expect([...path.nodes]).toEqual(["auth-tls", "fqdn-name", "eligible"]);
    expect([...path.edges]).toEqual([]);
  });

  it("lights the 2010 bypass round the skipped TlsCertificateName question", () => {
    const step = (id: string, outcome: "yes" | "no" | "skipped") => ({
      id,
      question: "q",
      outcome,
      detail: "d",
      kept: [],
      dropped: [],
    });
    const path = litPath(receiveGraph, {
      steps: [step("auth-tls", "yes"), step("tlsname-set", "skipped"), step("fqdn-name", "yes")],
    });
    expect([...path.edges]).toEqual([edgeKey("auth-tls", "fqdn-name")]);
  });
});
