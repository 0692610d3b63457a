import { describe, expect, it } from "vitest";
import { commentLines, planText } from "./plan-text";

describe("commentLines", () => {
  it.each([
    { text: "Enable SMTP", first: "step 1: ", lines: ["# step 1: Enable SMTP"] },
    { text: "a\nb\r\nc\rd", first: "", lines: ["# a", "# b", "# c", "# d"] },
    { text: "a\u2028b\u2029c\u0085d\ve\ff", first: "", lines: ["# a", "# b", "# c", "# d", "# e", "# f"] },
    { text: "x\n\ny", first: "", lines: ["# x", "# ", "# y"] },
  ])("$text", ({ text, first, lines }) => {
    expect(commentLines(text, first)).toEqual(lines);
  });
});

describe("planText", () => {
  it("writes each step's why and warning as comments above its commands", () => {
    const text = planText([
      {
        step: 1,
        why: "Enable the new certificate for SMTP.",
        commands: ["Enable-ExchangeCertificate -Server 'EX01' -Thumbprint 6A1F -Services SMTP"],
        warning: "Answer N to 'Overwrite the existing default SMTP certificate?'",
      },
      { step: 2, why: "Re-run the Hybrid Configuration Wizard.", commands: [] },
      { step: 3, why: "Restart transport.", commands: ["Restart-Service 'MSExchangeTransport'", "Get-Queue"] },
    ]);
    expect(text).toBe(
      [
        "# step 1: Enable the new certificate for SMTP.",
        "# Warning: Answer N to 'Overwrite the existing default SMTP certificate?'",
        "Enable-ExchangeCertificate -Server 'EX01' -Thumbprint 6A1F -Services SMTP",
        "",
        "# step 2: Re-run the Hybrid Configuration Wizard.",
        "",
        "# step 3: Restart transport.",
        "Restart-Service 'MSExchangeTransport'",
        "Get-Queue",
        "",
      ].join("\n"),
    );
  });

  it("keeps a why with line breaks and $(…) inside comment lines", () => {
    const text = planText([{ step: 1, why: "Fix it\n$(Remove-Item C:\\ -Recurse)\r\nnow", commands: ["Get-Date"] }]);
    expect(text.split("\n")).toEqual(["# step 1: Fix it", "# $(Remove-Item C:\\ -Recurse)", "# now", "Get-Date", ""]);
  });
});
