import { describe, expect, it } from "vitest";
import type { Certificate } from "../../../model/certificate";
import { date, makeCert, thumb } from "../../../model/test-builders";
import { makeContext } from "../test-scenarios";
import { newestStep, preferCaStep } from "./prefer";

const asOf = new Date("2024-08-01T00:00:00Z");
const ca = (tag: string, over: Partial<Certificate> = {}) => makeCert({ thumbprint: thumb(tag), ...over });
const self = (tag: string, over: Partial<Certificate> = {}) =>
  makeCert({
    thumbprint: thumb(tag),
    issuer: "CN=mail.contoso.com",
    subject: "CN=mail.contoso.com",
    selfSigned: true,
    ...over,
  });

describe("preferCaStep", () => {
  it.each<[string, Certificate[], "yes" | "no", string[]]>([
    ["valid CA over self-signed", [self("A1"), ca("B2")], "yes", ["B2"]],
    ["Enterprise CA counts as CA-issued", [self("A1"), ca("B2", { rootCAType: "Enterprise" })], "yes", ["B2"]],
    ["untrusted CA loses to self-signed", [ca("B2", { status: "Untrusted" }), self("A1")], "no", ["A1"]],
    ["expired CA loses to self-signed", [ca("B2", { notAfter: date("2024-01-01") }), self("A1")], "no", ["A1"]],
    ["only an expired CA: still taken", [ca("B2", { notAfter: date("2024-01-01") })], "no", ["B2"]],
    [
      "self-signed derived from issuer = subject",
      [ca("A1", { selfSigned: undefined, issuer: "CN=mail.contoso.com" }), ca("B2")],
      "yes",
      ["B2"],
    ],
    [
      "unknown self-signedness is not counted as CA-issued",
      [ca("A1", { selfSigned: undefined, issuer: undefined }), self("B2")],
      "no",
      ["B2"],
    ],
    ["status not in the paste: assumed Valid", [ca("A1", { status: undefined }), self("B2")], "yes", ["A1"]],
  ])("%s", (_name, certs, outcome, kept) => {
    const ctx = makeContext(certs);
    const result = preferCaStep(ctx.certificates, asOf);
    expect(result.step.outcome).toBe(outcome);
    expect(result.step.kept).toEqual(kept.map(thumb));
  });

  it("names the unknowns in its caveat", () => {
    const ctx = makeContext([ca("A1", { selfSigned: undefined, issuer: undefined, status: undefined })]);
    expect(preferCaStep(ctx.certificates, asOf).step.caveat).toMatch(/self-signed is not in the paste/);
  });

  it("warns that an internal-CA certificate among several CA-issued ones may reach peers that do not trust it", () => {
    const ctx = makeContext([ca("A1", { rootCAType: "Enterprise" }), ca("B2")]);
    expect(preferCaStep(ctx.certificates, asOf).step.caveat).toMatch(/event 2004/);
  });
});

describe("newestStep", () => {
  it("takes the only candidate without comparing", () => {
    const ctx = makeContext([ca("A1", { notBefore: undefined })]);
    const [only] = ctx.certificates;
    if (only === undefined) throw new Error("no candidate");
    const { step, chosen } = newestStep([only]);
    expect(step.outcome).toBe("no");
    expect(chosen).toBe(only);
    expect(step.caveat).toBeUndefined();
  });
});
