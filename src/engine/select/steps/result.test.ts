import { describe, expect, it } from "vitest";
import { makeCert } from "../../../model/test-builders";
import { resultNoneStep, resultStarttlsStep } from "./result";

describe("result steps", () => {
  it.each([
    ["gate", "inbound", /does not advertise it and loads no certificate/],
    ["tlsname", "inbound", /event 12014 with the TlsCertificateName value/],
    ["fqdn", "inbound", /event 12014 for the name/],
    ["gate", "outbound", /sends without STARTTLS/],
    ["tlsname", "outbound", /454 4\.7\.5/],
    ["fqdn", "outbound", /asks for a client certificate/],
  ] as const)("no certificate because of %s (%s)", (reason, direction, detail) => {
    const step = resultNoneStep(reason, direction);
    expect(step.id).toBe("result-none");
    expect(step.outcome).toBe("no");
    expect(step.detail).toMatch(detail);
  });

  it("names the presented certificate", () => {
    const step = resultStarttlsStep({ key: "C0", cert: makeCert() }, "inbound");
    expect(step).toMatchObject({ id: "result-starttls", outcome: "yes", kept: ["C0"] });
    expect(step.detail).toBe("STARTTLS is advertised and C0 (CN=mail.contoso.com) is presented.");
  });
});
