import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { story } from "../__stories__/stories";
import { analyze } from "../analyze";
import { fixture, fixtureNames } from "../parse/test-fixtures";
import type { Report } from "../report/types";
import { redactInput } from "./redact";

/** Redaction exists so a shared analysis shows the same verdicts: what the recipient sees must not change. */

const AS_OF = "2026-03-01";

const stories = readdirSync(new URL("../__stories__/", import.meta.url))
  .filter((name) => name.endsWith(".txt"))
  .map((name) => ({ name: `story ${name}`, text: story(name.replace(/\.txt$/, "")) }));
const samples = fixtureNames().map((name) => ({ name: `sample ${name}`, text: fixture(name) }));

function verdicts(report: Report) {
  return {
    findings: report.findings.map((f) => `${f.rule} ${f.severity} ${f.basis}`).sort(),
    selections: report.selections.map((s) => `${s.direction} starttls=${s.starttls} via=${s.via}`).sort(),
    blocks: report.blocks.map((b) => `${b.cmdlet} ${b.format} ${b.startLine}-${b.endLine} ${b.records}`),
    evidence: report.evidence.map((e) => `${e.kind} ${e.code} ${e.startLine}-${e.endLine} ${e.explainedBy.join(",")}`),
    certificates: report.certificates.length,
    connectors: report.connectors.length,
    unrecognized: report.unrecognized.map((u) => `${u.startLine}-${u.endLine}`),
  };
}

describe("a redacted paste gets the same verdicts", () => {
  it.each([...stories, ...samples])("$name", async ({ text }) => {
    const redacted = redactInput({ text });
    const [before, after] = await Promise.all([
      analyze(text, { asOf: AS_OF }),
      analyze(redacted.text, { asOf: AS_OF }),
    ]);
    expect(verdicts(after)).toEqual(verdicts(before));
  });

  it("with a server name given for output that names none", async () => {
    const text = fixture("23-getreceiveconnector-fl-doublespaced-trimmed.txt");
    const redacted = redactInput({ text, server: "EXCH01" });
    expect(redacted.server).toMatch(/^SERVER\d+$/);
    const before = await analyze(text, { asOf: AS_OF, server: "EXCH01" });
    const after = await analyze(redacted.text, { asOf: AS_OF, server: redacted.server ?? "" });
    expect(verdicts(after)).toEqual(verdicts(before));
  });

  it("covers every story and every sample", () => {
    expect(stories.length).toBeGreaterThanOrEqual(5);
    expect(samples.length).toBeGreaterThanOrEqual(23);
  });
});
