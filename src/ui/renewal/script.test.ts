import { describe, expect, it } from "vitest";
import type { RenewalPlan } from "../../engine/renewal/types";
import { renewalScript } from "./script";

const plan: RenewalPlan = {
  old: { thumbprint: "A".repeat(40), label: "old", servers: ["EX01"] },
  successor: { label: "new", tlsCertificateName: "<I>CN=R11<S>CN=mail.contoso.com", thumbprintKnown: true },
  sameName: false,
  setup: ["# fill in", "$SuccessorPfxPath = '<fill in>'"],
  notes: [],
  steps: [
    {
      step: 1,
      action: "enable",
      servers: ["EX01"],
      title: "Enable the successor for SMTP on EX01",
      why: "",
      commands: ["Enable-ExchangeCertificate -Server 'EX01' -Thumbprint X -Services SMTP"],
      warning: "answer N\nRemove-Item C:\\",
      effects: [],
    },
    {
      step: 2,
      action: "hcw",
      servers: ["EX01", "EX02"],
      title: "Re-run the Hybrid Configuration Wizard",
      why: "",
      commands: [],
      effects: [],
    },
  ],
};

describe("renewalScript", () => {
  it("puts the setup first, then each step as comments followed by its commands", () => {
    expect(renewalScript(plan)).toBe(
      [
        "# fill in",
        "$SuccessorPfxPath = '<fill in>'",
        "",
        "# Step 1: Enable the successor for SMTP on EX01 (on EX01)",
        "# Warning: answer N",
        "# Remove-Item C:\\",
        "Enable-ExchangeCertificate -Server 'EX01' -Thumbprint X -Services SMTP",
        "",
        "# Step 2: Re-run the Hybrid Configuration Wizard (on EX01, EX02)",
        "# No command: nothing to run in the shell for this step.",
        "",
      ].join("\n"),
    );
  });
});
