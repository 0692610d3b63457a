import { describe, expect, it } from "vitest";
import { exoNameCovers, isEmbeddedWildcard } from "./exo-names";

describe("isEmbeddedWildcard", () => {
  it.each([
    ["*.contoso.com", false],
    ["mail.contoso.com", false],
    ["mail*.contoso.com", true],
    ["*mail.contoso.com", true],
    ["mail.*.com", true],
    ["*.*.contoso.com", true],
    ["*.", true],
  ])("%s → %s", (pattern, embedded) => {
    expect(isEmbeddedWildcard(pattern)).toBe(embedded);
  });
});

describe("exoNameCovers (domain F5.2.4: *.d covers d and every name under it; CN or SAN)", () => {
  it.each([
    ["mail.contoso.com", ["mail.contoso.com"], true],
    ["MAIL.contoso.com.", ["mail.contoso.com"], true],
    ["mail.contoso.com", ["*.contoso.com"], true],
    ["a.b.contoso.com", ["*.contoso.com"], false],
    ["*.contoso.com", ["contoso.com"], true],
    ["*.contoso.com", ["smtp.eu.contoso.com"], true],
    ["*.contoso.com", ["*.contoso.com"], true],
    ["*.contoso.com", ["contoso.com.evil.example"], false],
    ["smtp.contoso.com", ["mail.contoso.com", "autodiscover.contoso.com"], false],
    ["mail*.contoso.com", ["mail1.contoso.com"], false],
    ["", ["mail.contoso.com"], false],
  ])("%s against %j → %s", (pattern, names, covered) => {
    expect(exoNameCovers(pattern, names)).toBe(covered);
  });
});
