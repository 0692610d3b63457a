import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { HEADER_CSP, META_CSP, SECURITY_HEADERS } from "./security-policy.mjs";

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");

describe("the security policy", () => {
  it("keeps the header CSP a superset of the meta CSP that adds what only a header can say", () => {
    expect(HEADER_CSP).toBe(`${META_CSP}; frame-ancestors 'none'`);
    expect(META_CSP).not.toContain("frame-ancestors");
  });

  it("forbids every way out of the page", () => {
    for (const directive of ["default-src 'none'", "connect-src 'none'", "form-action 'none'", "base-uri 'none'"]) {
      expect(META_CSP).toContain(directive);
    }
    expect(META_CSP).toContain("require-trusted-types-for 'script'");
  });

  it.each(Object.entries(SECURITY_HEADERS))("is documented in the README: %s", (name, value) => {
    expect(readme).toContain(`add_header ${name} "${value}" always;`);
  });
});
