import { describe, expect, it } from "vitest";
import type { Certificate } from "../../../model/certificate";
import { date, makeCert } from "../../../model/test-builders";
import type { Candidate } from "../context";
import { makeContext } from "../test-scenarios";
import { chosenExpiryStep, chosenKeyStep, chosenSmtpStep } from "./chosen";

const asOf = new Date("2024-08-01T00:00:00Z");
const chosen = (over: Partial<Certificate>): Candidate => {
  const cert = makeCert(over);
  return { key: cert.thumbprint ?? "#0", cert };
};

describe("chosenKeyStep", () => {
  it.each([
    [true, "inbound", "yes", undefined],
    [undefined, "inbound", "yes", /Cannot tell/],
    [false, "inbound", "no", /is not confirmed/],
    [false, "outbound", "no", undefined],
  ] as const)("HasPrivateKey %s (%s) → %s", (hasPrivateKey, direction, outcome, caveat) => {
    const step = chosenKeyStep(chosen({ hasPrivateKey }), direction);
    expect(step.outcome).toBe(outcome);
    if (caveat === undefined) expect(step.caveat).toBeUndefined();
    else expect(step.caveat).toMatch(caveat);
  });
});

describe("chosenSmtpStep", () => {
  it.each([
    [["SMTP"], "inbound", "yes", /is enabled for SMTP/],
    [undefined, "inbound", "yes", /not in the paste/],
    [["IIS"], "inbound", "no", /handshake then fails/],
    [[], "outbound", "no", /UnknownCredentials/],
  ] as const)("services %j (%s) → %s", (services, direction, outcome, detail) => {
    const step = chosenSmtpStep(chosen({ services }), makeContext([]), direction);
    expect(step.outcome).toBe(outcome);
    expect(step.detail).toMatch(detail);
  });
});

describe("chosenExpiryStep", () => {
  it.each([
    ["in date", {}, "fqdn", "inbound", "yes", /valid until 2026-01-01/, undefined],
    ["expired, Fqdn path", { notAfter: date("2024-01-01") }, "fqdn", "inbound", "no", /event 12016/, undefined],
    [
      "expired, TlsCertificateName path: D4 caveat",
      { notAfter: date("2024-01-01") },
      "tlsname",
      "inbound",
      "no",
      /event 12016/,
      /LOW confidence \(the June 2025 Exchange Team blog/,
    ],
    [
      "expired, send connector",
      { notAfter: date("2024-01-01") },
      "tlsname",
      "outbound",
      "no",
      /reject it/,
      /not documented/,
    ],
    ["NotAfter not in the paste", { notAfter: undefined }, "fqdn", "inbound", "yes", /cannot tell/, /not in the paste/],
    [
      "not yet valid",
      { notBefore: date("2024-09-01") },
      "fqdn",
      "inbound",
      "yes",
      /valid until/,
      /not yet valid is not documented/,
    ],
  ] as const)("%s", (_name, over, path, direction, outcome, detail, caveat) => {
    const step = chosenExpiryStep(chosen(over), asOf, path, direction);
    expect(step.outcome).toBe(outcome);
    expect(step.detail).toMatch(detail);
    if (caveat === undefined) expect(step.caveat).toBeUndefined();
    else expect(step.caveat).toMatch(caveat);
  });
});
