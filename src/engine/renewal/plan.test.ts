import { describe, expect, it } from "vitest";
import { story } from "../../__stories__/stories";
import { RENEWAL_OLD, RENEWAL_SUCCESSOR } from "../../__stories__/test-two-server-renewal";
import { parse } from "../../parse";
import { runEngine } from "../engine";
import type { CertificateDescription } from "../whatif/edits";
import { planRenewal } from "./plan";
import type { PlanOutcome, RenewalPlan } from "./types";

const paste = story("two-server-hybrid-renewal");
const OLD = RENEWAL_OLD;
const SEND = "Outbound to Office 365 - 7c2e9a41-5b3d-4f6e-9a8b-0c1d2e3f4a5b";
const R11 = "<I>CN=R11, O=Let''s Encrypt, C=US<S>CN=mail.contoso.com";
const described = RENEWAL_SUCCESSOR;
const sameName: CertificateDescription = {
  ...described,
  issuer: "CN=R10, O=Let's Encrypt, C=US",
  thumbprint: "C4CAF4F94AAA1234AA32EB9AAA6AF19D0A6C4517",
};

async function plan(text: string, successor: CertificateDescription, old = OLD): Promise<PlanOutcome> {
  const parsed = await parse(text);
  const { selections } = runEngine(parsed, new Date("2026-11-02T00:00:00Z"));
  return planRenewal(parsed.inventory, selections, { old, successor });
}

async function okPlan(text: string, successor: CertificateDescription): Promise<RenewalPlan> {
  const outcome = await plan(text, successor);
  if (!outcome.ok) throw new Error(outcome.reason);
  return outcome.plan;
}

describe("planRenewal on the two-server hybrid story, successor from another issuer", () => {
  it("orders the steps: import and enable per server, connectors, hybrid, the wizard, removal last", async () => {
    const p = await okPlan(paste, described);
    expect(p.old.servers).toEqual(["EX01", "EX02"]);
    expect(p.sameName).toBe(false);
    expect(p.steps.map((s) => [s.step, s.action, s.servers])).toEqual([
      [1, "import", ["EX01"]],
      [2, "enable", ["EX01"]],
      [3, "import", ["EX02"]],
      [4, "enable", ["EX02"]],
      [5, "receive-connector", ["EX01"]],
      [6, "receive-connector", ["EX02"]],
      [7, "send-connector", ["EX01", "EX02"]],
      [8, "hybrid-configuration", ["EX01", "EX02"]],
      [9, "hcw", ["EX01", "EX02"]],
      [10, "remove", ["EX01"]],
      [11, "remove", ["EX02"]],
    ]);
  });

  it("renders every command through the one renderer, with the PFX and thumbprint as variables defined first", async () => {
    const p = await okPlan(paste, described);
    expect(p.setup.slice(1)).toEqual([
      "$SuccessorPfxPath = '<fill in: path of the successor''s .pfx file (with its private key), as this shell sees it>'",
      "$SuccessorPfxPassword = Read-Host -AsSecureString -Prompt 'Password of the successor''s .pfx file'",
      "$SuccessorThumbprint = '<fill in: the successor''s thumbprint, 40 hex digits, as Import-ExchangeCertificate prints it>'",
    ]);
    expect(p.steps.flatMap((s) => s.commands)).toEqual([
      "Import-ExchangeCertificate -Server 'EX01' -FileData ([System.IO.File]::ReadAllBytes($SuccessorPfxPath)) -Password $SuccessorPfxPassword",
      "Enable-ExchangeCertificate -Server 'EX01' -Thumbprint $SuccessorThumbprint -Services SMTP",
      "Import-ExchangeCertificate -Server 'EX02' -FileData ([System.IO.File]::ReadAllBytes($SuccessorPfxPath)) -Password $SuccessorPfxPassword",
      "Enable-ExchangeCertificate -Server 'EX02' -Thumbprint $SuccessorThumbprint -Services SMTP",
      `Set-ReceiveConnector 'EX01\\Default Frontend EX01' -TlsCertificateName '${R11}'`,
      `Set-ReceiveConnector 'EX02\\Default Frontend EX02' -TlsCertificateName '${R11}'`,
      `Set-SendConnector '${SEND}' -TlsCertificateName '${R11}'`,
      `Set-HybridConfiguration -TlsCertificateName '${R11}'`,
      `Remove-ExchangeCertificate -Server 'EX01' -Thumbprint ${OLD}`,
      `Remove-ExchangeCertificate -Server 'EX02' -Thumbprint ${OLD}`,
    ]);
  });

  it("uses a known thumbprint directly and defines no thumbprint variable", async () => {
    const p = await okPlan(paste, { ...described, thumbprint: "c4caf4f94aaa1234aa32eb9aaa6af19d0a6c4517" });
    expect(p.setup.some((l) => l.includes("$SuccessorThumbprint"))).toBe(false);
    expect(p.steps[1]?.commands).toEqual([
      "Enable-ExchangeCertificate -Server 'EX01' -Thumbprint C4CAF4F94AAA1234AA32EB9AAA6AF19D0A6C4517 -Services SMTP",
    ]);
  });

  it("tells the admin to answer N to the overwrite prompt and never answers it with -Force", async () => {
    const p = await okPlan(paste, described);
    const enable = p.steps.filter((s) => s.action === "enable");
    expect(enable.every((s) => /answer N \(No\)/.test(s.warning ?? ""))).toBe(true);
    expect(enable.every((s) => /also enabled for IIS/.test(s.why))).toBe(true);
    expect(p.steps.flatMap((s) => s.commands).some((c) => /-Force/.test(c))).toBe(false);
  });

  it("says the Client Frontend connectors change over by themselves", async () => {
    const p = await okPlan(paste, described);
    expect(p.notes.filter((n) => /Client Frontend/.test(n))).toEqual([
      "Receive connector 'Client Frontend EX01' on EX01 finds its certificate by the name mail.contoso.com, which the successor covers: it changes over by itself once the successor is enabled for SMTP, no command needed.",
      "Receive connector 'Client Frontend EX02' on EX02 finds its certificate by the name mail.contoso.com, which the successor covers: it changes over by itself once the successor is enabled for SMTP, no command needed.",
    ]);
  });

  it("warns when the successor does not cover a name the old certificate was found by", async () => {
    const p = await okPlan(paste, { ...described, subject: "CN=smtp.contoso.com", domains: ["smtp.contoso.com"] });
    expect(p.notes.filter((n) => /does not cover/.test(n))).toHaveLength(2);
  });
});

describe("planRenewal, successor with the same issuer and subject", () => {
  it("emits no TlsCertificateName command and says why in their place", async () => {
    const p = await okPlan(paste, sameName);
    expect(p.sameName).toBe(true);
    expect(p.steps.map((s) => s.action)).toEqual([
      "import",
      "enable",
      "import",
      "enable",
      "keep-names",
      "hcw",
      "remove",
      "remove",
    ]);
    const keep = p.steps[4];
    expect(keep?.commands).toEqual([]);
    expect(keep?.why).toContain(
      `receive connector 'EX01\\Default Frontend EX01', receive connector 'EX02\\Default Frontend EX02', send connector '${SEND}' and the hybrid configuration keep matching without a command (domain F1.2.1)`,
    );
    expect(keep?.warning).toBeUndefined();
  });

  it("warns that removal may be refused while the send connector names the shared issuer and subject", async () => {
    const p = await okPlan(paste, sameName);
    const removals = p.steps.filter((s) => s.action === "remove");
    expect(removals.map((s) => /F4\.9/.test(s.warning ?? ""))).toEqual([true, true]);
  });

  it("warns when the successor is not both newer and longer-lived (the sources disagree on the tie-break)", async () => {
    const p = await okPlan(paste, { ...sameName, notAfter: "2026-11-10" });
    expect(p.steps.find((s) => s.action === "keep-names")?.warning).toMatch(/F1\.2\.3/);
  });
});

describe("planRenewal on variants of the story", () => {
  it("warns on the send connector step about a source server without the old certificate", async () => {
    const p = await okPlan(
      paste.replace("SourceTransportServers   : {EX01, EX02}", "SourceTransportServers   : {EX01, EX02, EX03}"),
      described,
    );
    const send = p.steps.find((s) => s.action === "send-connector");
    expect(send?.servers).toEqual(["EX01", "EX02", "EX03"]);
    expect(send?.warning).toMatch(/^EX03 is a source server of this connector but does not hold/);
  });

  it("warns before removing a certificate that is also the server's internal transport certificate", async () => {
    const text = paste.replace(
      "InternalTransportCertificateThumbprint : 1B2C3D4E5F60718293A4B5C6D7E8F90A1B2C3D4E",
      `InternalTransportCertificateThumbprint : ${OLD}`,
    );
    const p = await okPlan(text, described);
    const removals = p.steps.filter((s) => s.action === "remove");
    expect(removals.map((s) => (s.warning ?? "").includes("internal transport"))).toEqual([true, false]);
  });

  it("leaves out the wizard when hybrid mail does not use the certificate", async () => {
    const text = paste
      .replaceAll(
        "TlsCertificateName    : <I>CN=R10, O=Let's Encrypt, C=US<S>CN=mail.contoso.com",
        "TlsCertificateName    :",
      )
      .replace(
        "TlsCertificateName       : <I>CN=R10, O=Let's Encrypt, C=US<S>CN=mail.contoso.com",
        "TlsCertificateName       :",
      )
      .replace(
        "TlsCertificateName        : <I>CN=R10, O=Let's Encrypt, C=US<S>CN=mail.contoso.com",
        "TlsCertificateName        :",
      );
    const p = await okPlan(text, described);
    expect(p.steps.map((s) => s.action)).toEqual(["import", "enable", "import", "enable", "remove", "remove"]);
    expect(p.notes.some((n) => /does not re-run the Hybrid Configuration Wizard/.test(n))).toBe(true);
  });

  it.each([
    ["an old certificate not in the paste", paste, "ABCDEFABCDEFABCDEFABCDEFABCDEFABCDEFABCD", /is not in the paste/],
    ["a cut thumbprint", paste, "3E7A1C9B5D…", /not a whole thumbprint/],
    [
      "a paste that does not say the server",
      paste.replace(/ -Server EX0\d/g, "").replace(/Get-ExchangeServer[\s\S]*?\n\n\n/, ""),
      OLD,
      /which server/,
    ],
  ])("refuses %s with a reason", async (_what, text, old, reason) => {
    const outcome = await plan(text, described, old);
    expect(outcome).toMatchObject({ ok: false, reason: expect.stringMatching(reason) });
  });

  it("refuses a successor that is the old certificate", async () => {
    expect(await plan(paste, { ...described, thumbprint: OLD.toLowerCase() })).toEqual({
      ok: false,
      reason: "the successor is the certificate being replaced",
    });
  });
});
