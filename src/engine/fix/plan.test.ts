import { describe, expect, it } from "vitest";
import type { FixStep } from "../rules/types";
import type { Finding } from "../run";
import { names, str, thumb } from "./command";
import { buildFixPlan } from "./plan";
import { restartTransport } from "./steps";

function finding(rule: string, fix: readonly FixStep[]): Finding {
  return {
    rule,
    title: rule,
    severity: "error",
    message: "",
    server: undefined,
    connector: undefined,
    thumbprint: undefined,
    basis: "configuration",
    sources: [],
    fix,
    explains: [],
  };
}

const setTlsName = (server: string): FixStep => ({
  phase: "connector",
  why: `Point ${server}'s Default Frontend at the certificate.`,
  commands: [
    {
      cmdlet: "Set-ReceiveConnector",
      identity: `${server}\\Default Frontend ${server}`,
      parameters: [["TlsCertificateName", str("<I>CN=CA<S>CN=mail.contoso.com")]],
    },
  ],
});

const enable: FixStep = {
  phase: "enable",
  why: "Enable it for SMTP.",
  commands: [
    {
      cmdlet: "Enable-ExchangeCertificate",
      parameters: [
        ["Thumbprint", thumb("7E6F5A4B3C2D1E0F9A8B7C6D5E4F3A2B1C0D9E8F")],
        ["Services", names("SMTP")],
      ],
    },
  ],
};

describe("buildFixPlan", () => {
  it("orders steps by phase, shows a command several findings give once and names every rule that asked", () => {
    const plan = buildFixPlan([
      finding("A", [setTlsName("EX01"), restartTransport("EX01", true)]),
      finding("B", [enable, setTlsName("EX01")]),
    ]);
    expect(plan.map((s) => [s.step, s.why, s.rules])).toEqual([
      [1, "Enable it for SMTP.", ["B"]],
      [2, "Point EX01's Default Frontend at the certificate.", ["A", "B"]],
      [
        3,
        "On EX01, restart MSExchangeFrontEndTransport so the connector loads the certificate now rather than at the next restart.",
        ["A"],
      ],
    ]);
  });

  it("keeps a restart for every server whose connector changes", () => {
    const plan = buildFixPlan(
      ["EX01", "EX02", "EX03"].map((server) => finding("A", [setTlsName(server), restartTransport(server, true)])),
    );
    expect(plan.filter((s) => s.why.includes("restart")).flatMap((s) => s.commands)).toEqual([
      "Get-Service -ComputerName 'EX01' -Name 'MSExchangeFrontEndTransport' | Restart-Service",
      "Get-Service -ComputerName 'EX02' -Name 'MSExchangeFrontEndTransport' | Restart-Service",
      "Get-Service -ComputerName 'EX03' -Name 'MSExchangeFrontEndTransport' | Restart-Service",
    ]);
  });
});
