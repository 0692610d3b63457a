import { describe, expect, it } from "vitest";
import { scenarioMismatches, sendScenarios } from "./test-scenarios";

describe("selectForSendConnector", () => {
  it.each(sendScenarios.map((s) => [s.name, s] as const))("%s", (_name, scenario) => {
    const selection = scenario.select();
    expect(scenarioMismatches(scenario.expect, selection)).toEqual([]);
    expect(selection.connectorKind).toBe("send");
    expect(selection.direction).toBe("outbound");
    expect(selection.server).toBe("EX01");
  });
});
