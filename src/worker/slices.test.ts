import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ReportFinding } from "../report/types";
import { type AnalysisResult, analyzeForPage } from "./result";
import { assembleResult, type Slice, sliceResult } from "./slices";

const SAMPLE = `[PS] C:\\Windows\\system32>Get-ExchangeCertificate -Server EX01 | Format-List

Thumbprint         : 6A1F8D33B0C2E1F4A5968776C3D2E1F0A9B8C7D6
Subject            : CN=mail.contoso.com
Issuer             : CN=R3, O=Let's Encrypt, C=US
CertificateDomains : {mail.contoso.com, autodiscover.contoso.com}
Services           : IMAP, POP, IIS, SMTP
NotBefore          : 1/10/2025 12:00:00 AM
NotAfter           : 4/10/2025 11:59:59 PM
`;

function emptyResult(): AnalysisResult {
  return {
    report: {
      schemaVersion: 1,
      asOf: "2025-01-01",
      blocks: [],
      unrecognized: [],
      certificates: [],
      connectors: [],
      selections: [],
      findings: [],
      evidence: [],
      fixPlan: [],
    },
    timeline: { asOf: "", start: "", end: "", rows: [], events: [] },
  };
}

function finding(message: string): ReportFinding {
  return {
    rule: "CERT_EXPIRED",
    title: "Certificate expired",
    severity: "error",
    message,
    server: null,
    connector: null,
    thumbprint: null,
    basis: "configuration",
    lines: [],
    fix: [],
  };
}

function reassemble(slices: readonly Slice[], head: Parameters<ReturnType<typeof assembleResult>["finish"]>[0]) {
  const assembler = assembleResult();
  for (const slice of slices) assembler.add(slice);
  return assembler.finish(head, slices.length);
}

describe("slicing a result", () => {
  it("gives back the same result, with the report's keys in their order", async () => {
    const result = await analyzeForPage(SAMPLE, { asOf: "2025-03-01" });
    expect(result.report.certificates).toHaveLength(1);
    const { slices, head } = sliceResult(result, 100);
    expect(slices.length).toBeGreaterThan(3);
    const back = reassemble(slices, head);
    expect(back).toEqual(result);
    expect(JSON.stringify(back.report)).toBe(JSON.stringify(result.report));
  });

  it("keeps every slice under the limit unless one item alone is longer", () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 40 }), { maxLength: 60 }),
        fc.integer({ min: 1, max: 200 }),
        (messages, limit) => {
          const findings = messages.map(finding);
          const empty = emptyResult();
          const { slices, head } = sliceResult({ ...empty, report: { ...empty.report, findings } }, limit);
          for (const slice of slices) {
            const items: unknown[] = JSON.parse(slice.json);
            if (items.length > 1) expect(slice.json.length).toBeLessThanOrEqual(limit + 2);
          }
          expect(reassemble(slices, head).report.findings).toEqual(findings);
        },
      ),
    );
  });

  it("refuses a slice that is not a list, and a head that counts more slices than arrived", () => {
    const assembler = assembleResult();
    expect(() => assembler.add({ list: "report.findings", json: '{"a":1}' })).toThrow("damaged slice");
    const { head } = sliceResult(emptyResult());
    expect(() => assembleResult().finish(head, 1)).toThrow("arrived incomplete");
  });
});
