import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  HEADER_CSP,
  headersFor,
  META_CSP,
  SECURITY_HEADERS,
  SERVICE_WORKER_CSP,
  singleFileCsp,
} from "./security-policy.mjs";

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

describe("the policies beside the page's", () => {
  it("gives the service worker its own narrow CSP and every other file the page's headers", () => {
    expect(headersFor("/sw.js")).toEqual({ ...SECURITY_HEADERS, "Content-Security-Policy": SERVICE_WORKER_CSP });
    expect(headersFor("/certflow/sw.js?v=2")["Content-Security-Policy"]).toBe(SERVICE_WORKER_CSP);
    for (const path of ["/", "/index.html", "/assets/sw.js.map", "/assets/analysis.worker-abc.js"]) {
      expect(headersFor(path)).toBe(SECURITY_HEADERS);
    }
    expect(SERVICE_WORKER_CSP).toBe("default-src 'none'; connect-src 'self'");
    expect(readme).toContain(SERVICE_WORKER_CSP);
  });

  it("allows the single file's inline blocks by hash only, and its worker from blob:", () => {
    const csp = singleFileCsp({ scripts: ["sha256-AAA="], styles: ["sha256-BBB=", "sha256-CCC="] });
    expect(csp).toBe(
      "default-src 'none'; script-src 'sha256-AAA='; style-src 'sha256-BBB=' 'sha256-CCC='; img-src data:; " +
        "connect-src 'none'; worker-src blob:; object-src 'none'; base-uri 'none'; form-action 'none'; " +
        "require-trusted-types-for 'script'; trusted-types default",
    );
    expect(csp).not.toContain("unsafe");
  });
});
