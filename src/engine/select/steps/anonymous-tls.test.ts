import { describe, expect, it } from "vitest";
import { date, makeReceiveConnector, makeSelfSigned, thumb } from "../../../model/test-builders";
import { makeContext } from "../test-scenarios";
import { anonymousTlsStep } from "./anonymous-tls";

const internal = makeSelfSigned("EX01", "EX01.contoso.local");

describe("anonymousTlsStep", () => {
  it.each([
    ["no ExchangeServer", { authMechanism: ["Tls"] }, thumb("5E"), "no", /no ExchangeServer/],
    ["suppressed", { suppressXAnonymousTls: true }, thumb("5E"), "no", /SuppressXAnonymousTls is True/],
    ["internal certificate found", {}, thumb("5E"), "yes", /internal transport certificate is 5E5E.*offered with it/],
    [
      "thumbprint written with spaces and lower case",
      {},
      "5e5e 5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e",
      "yes",
      /offered with it/,
    ],
    ["not in the list", {}, thumb("99"), "no", /event 12013/],
    ["shown empty", {}, "", "no", /event 12012/],
    [
      "Get-TransportService not pasted",
      {},
      undefined,
      "yes",
      /offered with the server's internal transport certificate/,
    ],
  ] as const)("%s", (_name, over, thumbprint, outcome, detail) => {
    const step = anonymousTlsStep(
      makeReceiveConnector(over),
      makeContext([internal], { internalTransportThumbprint: thumbprint }),
    );
    expect(step.id).toBe("anonymous-tls");
    expect(step.outcome).toBe(outcome);
    expect(step.detail).toMatch(detail);
  });

  it("says an expired internal certificate still serves X-ANONYMOUSTLS (event 12015)", () => {
    const expired = makeSelfSigned("EX01", "EX01.contoso.local", { notAfter: date("2024-01-01") });
    const step = anonymousTlsStep(
      makeReceiveConnector(),
      makeContext([expired], { internalTransportThumbprint: thumb("5E") }),
    );
    expect(step.outcome).toBe("yes");
    expect(step.detail).toMatch(/expired on 2024-01-01: Exchange logs event 12015 but still advertises X-ANONYMOUSTLS/);
  });

  it("asks for the certificate list when none was pasted for the server", () => {
    const step = anonymousTlsStep(
      makeReceiveConnector(),
      makeContext([], { internalTransportThumbprint: thumb("5E") }),
    );
    expect(step.caveat).toMatch(/No Get-ExchangeCertificate output/);
  });
});
