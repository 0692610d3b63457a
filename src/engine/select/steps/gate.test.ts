import { describe, expect, it } from "vitest";
import { makeReceiveConnector, makeSendConnector } from "../../../model/test-builders";
import { authTlsStep, authTokens, hasAuthMechanism, sendStarttlsStep } from "./gate";

describe("AuthMechanism tokens", () => {
  it("splits a list the parser left as one string, and matches whole values only", () => {
    expect(authTokens(["Tls, BasicAuth", "Integrated"])).toEqual(["Tls", "BasicAuth", "Integrated"]);
    expect(hasAuthMechanism(["tls"], "Tls")).toBe(true);
    expect(hasAuthMechanism(["BasicAuthRequireTLS"], "Tls")).toBe(false);
  });
});

describe("authTlsStep", () => {
  it.each([
    ["default frontend", ["Tls", "Integrated", "BasicAuth", "BasicAuthRequireTLS", "ExchangeServer"], [], "yes", false],
    ["Edge internal connector", ["Tls", "ExchangeServer"], [], "yes", false],
    ["no Tls", ["Integrated", "ExchangeServer"], [], "no", false],
    ["None", ["None"], [], "no", false],
    ["not in the paste", undefined, [], "yes", true],
    ["cut without Tls visible", ["Integrated"], ["authMechanism"], "yes", true],
    ["cut with Tls visible", ["Tls"], ["authMechanism"], "yes", false],
  ] as const)("%s", (_name, authMechanism, truncated, outcome, caveat) => {
    const step = authTlsStep(makeReceiveConnector({ authMechanism, truncated }));
    expect(step.id).toBe("auth-tls");
    expect(step.outcome).toBe(outcome);
    expect(step.caveat !== undefined).toBe(caveat);
  });
});

describe("sendStarttlsStep", () => {
  it.each([
    [true, "no", /IgnoreSTARTTLS is True/],
    [false, "yes", /IgnoreSTARTTLS is False/],
    [undefined, "yes", /not in the paste; its default/],
  ] as const)("IgnoreSTARTTLS %s → %s", (ignoreStartTLS, outcome, detail) => {
    const step = sendStarttlsStep(makeSendConnector({ ignoreStartTLS }));
    expect(step.outcome).toBe(outcome);
    expect(step.detail).toMatch(detail);
  });
});
