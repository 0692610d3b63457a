import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { describePem } from "./describe";

const successor = readFileSync("src/__stories__/two-server-hybrid-renewal-successor.pem", "utf8");

describe("describePem", () => {
  it("describes the successor of the two-server renewal story as Windows shows it", async () => {
    expect(await describePem(successor)).toEqual({
      ok: true,
      description: {
        thumbprint: "C4CAF4F94AAA1234AA32EB9AAA6AF19D0A6C4517",
        subject: "CN=mail.contoso.com",
        issuer: "CN=R11, O=Let's Encrypt, C=US",
        domains: ["mail.contoso.com", "autodiscover.contoso.com"],
        notBefore: "2026-10-30T00:00:00.000Z",
        notAfter: "2027-01-28T23:59:59.000Z",
        selfSigned: false,
      },
      others: 0,
    });
  });

  it("takes the first certificate of a chain and counts the rest", async () => {
    const chain = readFileSync("src/x509/__fixtures__/chain-leaf-ca.pem", "utf8");
    const result = await describePem(chain);
    expect(result.ok && result.others).toBe(1);
  });

  it("says what is wrong with blank, foreign and damaged text", async () => {
    expect(await describePem("  \n")).toEqual({ ok: false, message: "Paste the certificate first." });
    expect(await describePem("hello")).toMatchObject({
      ok: false,
      message: expect.stringMatching(/could not be read/),
    });
    const damaged = successor.replace(/MIID/, "MIIZ");
    expect(await describePem(damaged)).toMatchObject({ ok: false });
  });
});
