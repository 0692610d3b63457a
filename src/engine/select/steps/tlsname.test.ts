import { describe, expect, it } from "vitest";
import { date, makeCert, thumb } from "../../../model/test-builders";
import type { Candidate } from "../context";
import { makeContext } from "../test-scenarios";
import {
  tlsnameCutStep,
  tlsnameMatchStep,
  tlsnameSetStep,
  tlsnameStatusStep,
  tlsnameSyntaxStep,
  tlsnameTiebreakStep,
} from "./tlsname";

const candidate = (over: Parameters<typeof makeCert>[0]): Candidate => {
  const cert = makeCert(over);
  return { key: cert.thumbprint ?? "#0", cert };
};

describe("tlsnameSetStep", () => {
  it.each([
    ["set", "<I>CN=a<S>CN=b", "2019", "yes", "<I>CN=a<S>CN=b", false],
    ["empty", "", "2019", "no", undefined, false],
    ["blank", "   ", "2016", "no", undefined, false],
    ["not in the paste", undefined, "2019", "no", undefined, true],
    ["Exchange 2010", undefined, "2010", "skipped", undefined, false],
    ["Exchange 2010 with a value in the paste", "<I>CN=a<S>CN=b", "2010", "skipped", undefined, true],
    ["unknown version, value set", "<I>CN=a<S>CN=b", undefined, "yes", "<I>CN=a<S>CN=b", false],
  ] as const)("%s", (_name, value, version, outcome, taken, caveat) => {
    const { step, value: path } = tlsnameSetStep(value, makeContext([], { version }), "inbound");
    expect(step.outcome).toBe(outcome);
    expect(path).toBe(taken);
    expect(step.caveat !== undefined).toBe(caveat);
  });
});

describe("tlsnameSyntaxStep and tlsnameCutStep", () => {
  it("treats a value the parser saw cut by the console width as cut, even without a marker", () => {
    const { step, parsed } = tlsnameSyntaxStep("<I>CN=Contoso CA<S>CN=mail.cont", true);
    expect(step.outcome).toBe("no");
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const cut = tlsnameCutStep(parsed, "inbound");
    expect(cut.step.outcome).toBe("yes");
    expect(cut.prefix).toBe("<I>CN=Contoso CA<S>CN=mail.cont");
  });

  it.each([
    ["cut inside the issuer", "<I>CN=Go Daddy Secure...", "<I>CN=Go Daddy Secure"],
    ["cut at a comma in the subject", "<I>CN=CA<S>CN=*.contoso.ru, ", "<I>CN=CA<S>CN=*.contoso.ru,"],
    ["cut and square brackets", "[I]CN=CA[S]CN=ma...", undefined],
    ["tags reversed", "<S>CN=mail<I>CN=CA", undefined],
  ])("%s", (_name, value, prefix) => {
    const { parsed } = tlsnameSyntaxStep(value, false);
    if (parsed.ok) throw new Error("expected a malformed value");
    const cut = tlsnameCutStep(parsed, "outbound");
    expect(cut.prefix).toBe(prefix);
    expect(cut.step.outcome).toBe(prefix === undefined ? "no" : "yes");
  });
});

describe("tlsnameMatchStep", () => {
  it("gives a reason for every certificate it leaves out", () => {
    const certs = [
      makeCert({ thumbprint: thumb("A1"), issuer: "CN=Other CA", subject: "CN=other.contoso.com", domains: [] }),
      makeCert({ thumbprint: thumb("B2"), subject: "CN=mail", truncated: ["subject"] }),
      makeCert({ thumbprint: thumb("C3"), issuer: undefined }),
      makeCert({ thumbprint: thumb("D4"), subject: "CN=smtp.contoso.com" }),
    ];
    const result = tlsnameMatchStep(
      { kind: "exact", issuer: "CN=Contoso Issuing CA, O=Contoso, C=US", subject: "CN=mail.contoso.com" },
      "<I>CN=Contoso Issuing CA, O=Contoso, C=US<S>CN=mail.contoso.com",
      "mail.contoso.com",
      makeContext(certs),
      "outbound",
    );
    expect(result.next).toEqual([]);
    expect(result.step.dropped).toEqual([
      { thumbprint: thumb("A1"), reason: "different issuer and subject" },
      { thumbprint: thumb("B2"), reason: "subject cut by the console" },
      { thumbprint: thumb("C3"), reason: "issuer not in the paste" },
      { thumbprint: thumb("D4"), reason: "same issuer, different subject (CN=smtp.contoso.com)" },
    ]);
    expect(result.step.detail).toMatch(/454 4\.7\.5/);
    expect(result.step.caveat).toMatch(/Get-ExchangeCertificate \| fl/);
  });

  it("lets a TlsCertificateName name the Auth certificate, and says what it is", () => {
    const auth = makeCert({
      thumbprint: thumb("A7"),
      issuer: "CN=Microsoft Exchange Server Auth Certificate",
      subject: "CN=Microsoft Exchange Server Auth Certificate",
    });
    const result = tlsnameMatchStep(
      {
        kind: "exact",
        issuer: "CN=Microsoft Exchange Server Auth Certificate",
        subject: "CN=Microsoft Exchange Server Auth Certificate",
      },
      "<I>CN=Microsoft Exchange Server Auth Certificate<S>CN=Microsoft Exchange Server Auth Certificate",
      undefined,
      makeContext([auth]),
      "inbound",
    );
    expect(result.step.kept).toEqual([thumb("A7")]);
    expect(result.step.caveat).toMatch(/OAuth certificate/);
  });
});

describe("tlsnameStatusStep", () => {
  it.each([
    ["Valid", ["Valid"], "yes", [], false],
    ["not in the paste", [undefined], "yes", [], true],
    ["Revoked next to a Valid one", ["Revoked", "Valid"], "yes", ["Revoked"], true],
    ["all invalid", ["Untrusted", "RevocationCheckFailure"], "no", ["Untrusted", "RevocationCheckFailure"], true],
  ] as const)("%s", (_name, statuses, outcome, droppedStatuses, caveat) => {
    const candidates = statuses.map((status, i) => candidate({ thumbprint: thumb(`${i}A`), status }));
    const result = tlsnameStatusStep(candidates, "inbound");
    expect(result.step.outcome).toBe(outcome);
    expect(result.step.dropped.map((d) => d.reason.match(/^Status (\w+)/)?.[1])).toEqual(droppedStatuses);
    expect(result.step.caveat !== undefined).toBe(caveat);
  });
});

describe("tlsnameStatusStep on an out-of-date match", () => {
  it("drops it and says the sources are less sure (D4)", () => {
    const result = tlsnameStatusStep([candidate({ status: "DateInvalid" })], "outbound");
    expect(result.step.outcome).toBe("no");
    expect(result.step.detail).toMatch(/454 4\.7\.5/);
    expect(result.step.caveat).toMatch(/DateInvalid.*LOW confidence \(the June 2025 Exchange Team blog/);
  });
});

describe("tlsnameTiebreakStep", () => {
  it("says nothing about D1 when both rules pick the same certificate", () => {
    const old = candidate({ thumbprint: thumb("A1"), notBefore: date("2023-01-01"), notAfter: date("2024-01-01") });
    const renewed = candidate({ thumbprint: thumb("B2"), notBefore: date("2024-01-01"), notAfter: date("2025-01-01") });
    const { step, chosen } = tlsnameTiebreakStep([old, renewed]);
    expect(chosen).toBe(renewed);
    expect(step.caveat).toBeUndefined();
  });
});
