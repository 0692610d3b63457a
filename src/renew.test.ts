import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { story } from "./__stories__/stories";
import { RENEWAL_OLD, RENEWAL_SUCCESSOR } from "./__stories__/test-two-server-renewal";
import type { CertificateDescription } from "./engine/whatif/edits";
import { planRenewalFor, type RenewalResult } from "./renew";
import { describePem } from "./x509/describe";

const paste = story("two-server-hybrid-renewal");
const OLD = RENEWAL_OLD;
const described = RENEWAL_SUCCESSOR;

async function pasted(): Promise<CertificateDescription> {
  const pem = await describePem(readFileSync("src/__stories__/two-server-hybrid-renewal-successor.pem", "utf8"));
  if (!pem.ok) throw new Error(pem.message);
  return pem.description;
}

async function plan(successor: CertificateDescription): Promise<Extract<RenewalResult, { ok: true }>> {
  const result = await planRenewalFor(paste, { asOf: "2026-11-02" }, { old: OLD, successor });
  if (!result.ok) throw new Error(result.reason);
  return result;
}

describe("the renewal plan for a two-server hybrid renewal (issue 8 acceptance)", () => {
  it.each([
    ["described", async () => described],
    ["pasted as PEM", pasted],
  ])(
    "lists each step for both servers and its simulated end state has no error finding (successor %s)",
    async (_how, successor) => {
      const r = await plan(await successor());
      const perServer = (action: string) => r.steps.filter((s) => s.action === action).flatMap((s) => s.servers);
      expect(perServer("import")).toEqual(["EX01", "EX02"]);
      expect(perServer("enable")).toEqual(["EX01", "EX02"]);
      expect(perServer("receive-connector")).toEqual(["EX01", "EX02"]);
      expect(perServer("remove")).toEqual(["EX01", "EX02"]);
      expect(r.steps.find((s) => s.action === "send-connector")?.servers).toEqual(["EX01", "EX02"]);
      expect(r.steps.find((s) => s.action === "hcw")?.servers).toEqual(["EX01", "EX02"]);
      expect(r.steps.at(-1)?.action).toBe("remove");
      expect(r.unmatched).toEqual([]);
      expect(r.end.findings.filter((f) => f.severity === "error")).toEqual([]);
      expect(r.before.findings.map((f) => f.rule)).toEqual(["CERT_EXPIRING", "CERT_EXPIRING"]);
      expect(r.endDiff.vanished.map((f) => f.rule)).toEqual(["CERT_EXPIRING", "CERT_EXPIRING"]);
    },
  );

  it("presents the successor on every connector at the end, by TlsCertificateName where one was set", async () => {
    const r = await plan(await pasted());
    expect(r.end.selections.map((s) => [s.server, s.connector, s.certificate, s.starttls, s.via])).toEqual(
      r.before.selections.map((s) => [s.server, s.connector, "C4CAF4F94AAA1234AA32EB9AAA6AF19D0A6C4517", true, s.via]),
    );
  });

  it("warns about the window between importing the successor and enabling it, and says which step closes it", async () => {
    const r = await plan(described);
    const first = r.steps[0];
    expect(first?.breaks.findings.map((w) => [w.item.rule, w.item.server, w.until])).toContainEqual([
      "CERT_NOT_SMTP",
      "EX01",
      2,
    ]);
  });

  it("shows that the connector settings disagree while they are changed one by one, and agree again after step 8", async () => {
    const r = await plan(described);
    const fromReceive = r.steps.find((s) => s.action === "receive-connector")?.breaks.findings ?? [];
    expect(fromReceive.map((w) => [w.item.rule, w.until])).toContainEqual(["HYBRID_RECEIVE_TLSNAME", 8]);
    expect(r.steps.at(-1)?.breaks).toEqual({ findings: [], lostStartTls: [] });
  });

  it("says why it cannot plan for a certificate the paste does not hold", async () => {
    expect(await planRenewalFor(paste, { asOf: "2026-11-02" }, { old: "F".repeat(40), successor: described })).toEqual({
      ok: false,
      reason: `the certificate ${"F".repeat(40)} is not in the paste`,
    });
  });
});
