import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatTlsCertificateName, parseTlsCertificateName } from "./tls-certificate-name";

const rdnValue = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 .*-]{0,20}[A-Za-z0-9]$/);
const dn = fc
  .array(fc.tuple(fc.constantFrom("CN", "OU", "O", "L", "S", "C"), rdnValue), { minLength: 1, maxLength: 5 })
  .map((rdns) => rdns.map(([t, v]) => `${t}=${v}`).join(", "));

describe("parseTlsCertificateName properties", () => {
  it("never throws, and a failure always names at least one problem", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (value) => {
        const parsed = parseTlsCertificateName(value);
        if (!parsed.ok) expect(parsed.problems.length).toBeGreaterThan(0);
      }),
      { numRuns: 10_000 },
    );
  });

  it("reads back what formatTlsCertificateName writes", () => {
    fc.assert(
      fc.property(dn, dn, (issuer, subject) => {
        expect(parseTlsCertificateName(formatTlsCertificateName(issuer, subject))).toEqual({
          ok: true,
          issuer,
          subject,
        });
      }),
      { numRuns: 10_000 },
    );
  });
});
