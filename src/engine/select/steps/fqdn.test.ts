import { describe, expect, it } from "vitest";
import { makeAuthCert, makeCert, thumb } from "../../../model/test-builders";
import { makeContext } from "../test-scenarios";
import { fqdnMatchStep, fqdnNameStep } from "./fqdn";

describe("fqdnNameStep", () => {
  it.each([
    ["own Fqdn", "mail.contoso.com", false, "EX01.contoso.local", "yes", "mail.contoso.com", "Fqdn", false],
    ["empty: server FQDN", "", false, "EX01.contoso.local", "no", "EX01.contoso.local", "Default", false],
    [
      "not in the paste: server FQDN, said so",
      undefined,
      false,
      "EX01.contoso.local",
      "no",
      "EX01.contoso.local",
      "Default",
      true,
    ],
    ["empty and server FQDN unknown", "", false, undefined, "no", undefined, "Default", true],
    ["cut by the console", "mail.conto", true, "EX01.contoso.local", "yes", undefined, "Fqdn", true],
  ] as const)("%s", (_name, fqdn, cut, serverFqdn, outcome, name, via, caveat) => {
    const result = fqdnNameStep(fqdn, cut, makeContext([], { serverFqdn }), "inbound");
    expect(result.step.outcome).toBe(outcome);
    expect(result.name).toBe(name);
    expect(result.via).toBe(via);
    expect(result.step.caveat !== undefined).toBe(caveat);
  });

  it("marks the outbound Fqdn path as MEDIUM (Q11)", () => {
    expect(fqdnNameStep("mail.contoso.com", false, makeContext([]), "outbound").step.caveat).toMatch(
      /MEDIUM.*no 2010-or-later document/,
    );
  });
});

describe("fqdnMatchStep", () => {
  it.each([
    ["subject CN only", makeCert({ domains: [] }), true, undefined],
    ["SAN only", makeCert({ subject: "CN=Contoso Mail", domains: ["mail.contoso.com"] }), true, undefined],
    [
      "whole domains cover although the subject is cut",
      makeCert({ subject: "CN=mai", truncated: ["subject"] }),
      true,
      undefined,
    ],
    [
      "whole subject covers although the domains are cut",
      makeCert({ domains: ["autodisc"], truncated: ["domains"] }),
      true,
      undefined,
    ],
    [
      "subject cut, no domains",
      makeCert({ subject: "CN=mail", domains: undefined, truncated: ["subject"] }),
      false,
      "subject cut by the console",
    ],
    [
      "subject and domains cut",
      makeCert({ subject: "CN=x", domains: ["y"], truncated: ["subject", "domains"] }),
      false,
      "subject and CertificateDomains cut by the console",
    ],
    [
      "nothing known",
      makeCert({ subject: undefined, domains: undefined }),
      false,
      "subject and CertificateDomains not in the paste",
    ],
    ["no host name", makeCert({ subject: "O=Contoso", domains: [] }), false, "no host name in its subject (O=Contoso)"],
    [
      "other name",
      makeCert({ subject: "CN=smtp.contoso.com", domains: [] }),
      false,
      "covers smtp.contoso.com, not mail.contoso.com",
    ],
    [
      "the Auth certificate",
      makeAuthCert("EX01"),
      false,
      "the Exchange Server Auth Certificate (the OAuth certificate); covers Microsoft Exchange Server Auth Certificate, not mail.contoso.com",
    ],
  ] as const)("%s", (_name, cert, kept, reason) => {
    const result = fqdnMatchStep("mail.contoso.com", makeContext([cert]));
    expect(result.next.length === 1).toBe(kept);
    expect(result.step.dropped[0]?.reason).toBe(reason);
  });

  it("drops everything, and says the name is unknown, when there is no name", () => {
    const result = fqdnMatchStep(undefined, makeContext([makeCert({ thumbprint: thumb("A1") })]));
    expect(result.step.outcome).toBe("no");
    expect(result.step.dropped).toEqual([
      { thumbprint: thumb("A1"), reason: "the name Exchange looks for is not known" },
    ]);
    expect(result.step.caveat).toMatch(/missing data/);
  });
});
