import { describe, expect, it } from "vitest";
import type { ReportFinding } from "../../report/types";
import type { ConnectorChange } from "../whatif/diff";
import type { CertificateDescription } from "../whatif/edits";
import { type Breakage, breakage, breakageWindows, simulationEdits } from "./simulate";
import type { RenewalPlan, RenewalStep } from "./types";

const successor: CertificateDescription = {
  subject: "CN=mail.contoso.com",
  issuer: "CN=R11",
  domains: ["mail.contoso.com"],
  notBefore: "2026-10-30",
  notAfter: "2027-01-28",
  selfSigned: false,
};

function step(n: number, effects: RenewalStep["effects"]): RenewalStep {
  return { step: n, action: "import", servers: ["EX01"], title: "", why: "", commands: [], effects };
}

const plan: RenewalPlan = {
  old: { thumbprint: "A".repeat(40), label: "", servers: ["EX01", "EX02"] },
  successor: { label: "", tlsCertificateName: "<I>CN=R11<S>CN=mail.contoso.com", thumbprintKnown: false },
  sameName: false,
  setup: [],
  notes: [],
  steps: [
    step(1, [{ kind: "import", server: "EX01" }]),
    step(2, [{ kind: "enable", server: "ex01" }]),
    step(3, [{ kind: "import", server: "EX02" }]),
    step(4, [{ kind: "edit", edit: { kind: "set-hybrid-tlsname", value: "<I>CN=R11<S>CN=mail.contoso.com" } }]),
  ],
};

describe("simulationEdits", () => {
  it("adds the successor per imported server, with SMTP once that server's enable step is done", () => {
    const added = (through: number) =>
      simulationEdits(plan, successor, through).map((e) =>
        e.kind === "add-certificate" ? [e.server, e.services] : [e.kind],
      );
    expect(added(0)).toEqual([]);
    expect(added(1)).toEqual([["EX01", []]]);
    expect(added(2)).toEqual([["EX01", ["SMTP"]]]);
    expect(added(4)).toEqual([["EX01", ["SMTP"]], ["EX02", []], ["set-hybrid-tlsname"]]);
  });
});

function finding(rule: string, severity: ReportFinding["severity"] = "error"): ReportFinding {
  return {
    rule,
    title: rule,
    severity,
    message: "",
    server: "EX01",
    connector: null,
    thumbprint: null,
    basis: "configuration",
    lines: [],
    fix: [],
  };
}

function change(connector: string, before: string | null, after: string | null): ConnectorChange {
  return { server: "EX01", connector, direction: "inbound", before, after, changed: before !== after };
}

describe("breakage", () => {
  it("keeps errors and warnings that appeared, and connectors that lost STARTTLS", () => {
    const b = breakage({
      connectors: [
        change("A", "CN=x (1)", "no STARTTLS"),
        change("B", "no STARTTLS", "no STARTTLS"),
        change("C", "CN=x (1)", "CN=y (2)"),
      ],
      appeared: [finding("E"), finding("W", "warning"), finding("I", "info")],
      vanished: [finding("V")],
    });
    expect(b.findings.map((f) => f.rule)).toEqual(["E", "W"]);
    expect(b.lostStartTls.map((c) => c.connector)).toEqual(["A"]);
  });
});

describe("breakageWindows", () => {
  it("lists what breaks at the step it breaks, with the step after which it is mended", () => {
    const at = (rules: string[], lost: string[] = []): Breakage => ({
      findings: rules.map((r) => finding(r)),
      lostStartTls: lost.map((c) => change(c, "CN=x (1)", "no STARTTLS")),
    });
    const windows = breakageWindows([at(["X"], ["A"]), at(["X", "Y"]), at(["Y"]), at(["Y"])]);
    expect(windows.map((w) => w.findings.map((f) => [f.item.rule, f.until]))).toEqual([
      [["X", 3]],
      [["Y", null]],
      [],
      [],
    ]);
    expect(windows.map((w) => w.lostStartTls.map((c) => [c.item.connector, c.until]))).toEqual([
      [["A", 2]],
      [],
      [],
      [],
    ]);
  });
});
