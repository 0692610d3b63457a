import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { fixture } from "../parse/test-fixtures";
import { type CliIo, main } from "./main";

function io(stdin = ""): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: (s) => out.push(s),
    stderr: (s) => err.push(s),
    stdin: async () => stdin,
    readFile: (p) => readFile(p, "utf8"),
  };
}

const fixturePath = (name: string) => new URL(`../parse/__fixtures__/${name}`, import.meta.url).pathname;
const storyPath = (name: string) => new URL(`../__stories__/${name}.txt`, import.meta.url).pathname;

describe("certflow analyze", () => {
  it("prints the JSON report of the contract and exits 0 without error findings", async () => {
    const t = io();
    const code = await main(
      ["analyze", "--json", "--as-of", "2026-11-24", fixturePath("02-getexcert-fl-ru-dates-prompt.txt")],
      t,
    );
    const report = JSON.parse(t.out.join(""));
    expect(code).toBe(0);
    expect(report).toMatchObject({ schemaVersion: 1, asOf: "2026-11-24" });
    expect(Object.keys(report)).toEqual([
      "schemaVersion",
      "asOf",
      "blocks",
      "unrecognized",
      "certificates",
      "connectors",
      "selections",
      "findings",
      "evidence",
      "fixPlan",
    ]);
    expect(report.certificates).toHaveLength(3);
  });

  it("exits 1 when a finding is an error", async () => {
    const t = io();
    expect(await main(["analyze", "--as-of", "2026-11-24", storyPath("stale-tlsname-after-renewal")], t)).toBe(1);
    expect(t.out.join("")).toContain("TLSNAME_NOT_FOUND");
  });

  it("reads standard input for -, joined with files by a blank line", async () => {
    const t = io(fixture("07-getexcert-table-ex2010-6flags-narrow-before.txt"));
    const code = await main(
      ["analyze", "--json", "-", fixturePath("08-getexcert-table-ex2010-after-renew-lost-smtp.txt")],
      t,
    );
    const report = JSON.parse(t.out.join(""));
    expect(code).toBe(0);
    expect(report.certificates).toHaveLength(4);
    expect(report.blocks.map((b: { startLine: number }) => b.startLine)).toEqual([1, 10]);
  });

  it("renders Markdown with --markdown", async () => {
    const t = io();
    await main(["analyze", "--markdown", fixturePath("01-getexcert-table-annotated-kjpark.txt")], t);
    expect(t.out.join("")).toMatch(/^# certflow report\n/);
  });

  it.each([
    [[], /usage: certflow analyze/],
    [["analyse", "x"], /unknown command 'analyse'/],
    [["analyze"], /no input/],
    [["analyze", "--json", "--markdown", "x"], /cannot be combined/],
    [["analyze", "--as-of", "2026-02-30", "x"], /--as-of needs a date/],
    [["analyze", "--server"], /--server needs a server name/],
    [["analyze", "--colour", "x"], /unknown option '--colour'/],
    [["analyze", "/no/such/file.txt"], /cannot read '\/no\/such\/file.txt': no such file/],
  ])("usage and file errors exit 2 with one line: %j", async (argv, message) => {
    const t = io();
    expect(await main(argv, t)).toBe(2);
    expect(t.out).toEqual([]);
    expect(t.err).toHaveLength(1);
    expect(t.err[0]).toMatch(message);
    expect(t.err[0]?.trim().split("\n")).toHaveLength(1);
  });

  it("gives a report for binary garbage", async () => {
    const t = io('\u0000\u0001\uFFFD\u202E{["\n\r\n-----BEGIN CERTIFICATE-----\nMIIB\n');
    expect(await main(["analyze", "--json", "-"], t)).toBe(0);
    expect(JSON.parse(t.out.join("")).unrecognized.length).toBeGreaterThan(0);
  });
});
