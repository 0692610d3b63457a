import { describe, expect, it } from "vitest";
import { readRenewal } from "./validate";

const successor = {
  subject: "CN=mail.contoso.com",
  issuer: "CN=R11, O=Let's Encrypt, C=US",
  domains: ["mail.contoso.com"],
  notBefore: "2026-10-30",
  notAfter: "2027-01-28",
  selfSigned: false,
};
const old = "3E7A1C9B5D2F4E6A8C0B1D3F5A7C9E2B4D6F8A0C";

describe("readRenewal", () => {
  it("reads a request with a described or a decoded successor", () => {
    expect(readRenewal({ old, successor })).toEqual({ old, successor });
    const decoded = { ...successor, thumbprint: "C4CAF4F94AAA1234AA32EB9AAA6AF19D0A6C4517" };
    expect(readRenewal({ old, successor: decoded })).toEqual({ old, successor: decoded });
  });

  it.each([
    [null, /not an object/],
    [[], /not an object/],
    [{ successor }, /old certificate/],
    [{ old: "3E7A…", successor }, /old certificate/],
    [{ old }, /successor/],
    [{ old, successor: { ...successor, selfSigned: "no" } }, /successor/],
    [{ old, successor: { ...successor, domains: "mail.contoso.com" } }, /successor/],
    [{ old, successor: { ...successor, subject: "" } }, /successor/],
  ])("refuses %j with a reason", (value, reason) => {
    expect(readRenewal(value)).toMatch(reason);
  });
});
