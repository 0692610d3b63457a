import { describe, expect, it } from "vitest";
import { receiveScenarios, scenarioMismatches } from "./test-scenarios";

describe("selectForReceiveConnector", () => {
  it.each(receiveScenarios.map((s) => [s.name, s] as const))("%s", (_name, scenario) => {
    const selection = scenario.select();
    expect(scenarioMismatches(scenario.expect, selection)).toEqual([]);
    expect(selection.connectorKind).toBe("receive");
    expect(selection.direction).toBe("inbound");
  });
});

describe("scenarioMismatches", () => {
  it("reports every way a selection can differ from its expectation", () => {
    const [first] = receiveScenarios;
    if (first === undefined) throw new Error("no scenarios");
    const problems = scenarioMismatches(
      {
        certificate: "X",
        via: "Default",
        path: [],
        outcomes: { "auth-tls": "no" },
        kept: { "fqdn-match": [] },
        dropped: { "fqdn-match": { X: /./ } },
        details: { "auth-tls": /zzz/ },
        caveats: { "auth-tls": /zzz/ },
        noCaveat: ["anonymous-tls"],
      },
      first.select(),
    );
    expect(problems.map((p) => p.split(" ")[0])).toEqual([
      "certificate",
      "via",
      "path",
      "auth-tls",
      "fqdn-match",
      "fqdn-match",
      "auth-tls",
      "auth-tls",
      "anonymous-tls",
    ]);
  });
});
