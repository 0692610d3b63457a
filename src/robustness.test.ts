import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { brokenPaste } from "../scripts/fuzz-grammar";
import { holds } from "../scripts/fuzz-property";
import { story } from "./__stories__/stories";
import { analyze } from "./analyze";
import { lineTooLongReason, MAX_LINE_CHARS } from "./limits";
import { renderMarkdown } from "./report/markdown";
import { renderText } from "./report/text";
import type { Report } from "./report/types";

/**
 * The whole pipeline on hostile input: `analyze` never throws, finishes (the test timeout bounds each input),
 * accounts for every non-blank line exactly once in the report it returns, and that report serialises and renders.
 */

const AS_OF = "2026-06-01";

/** How many times the report covers each non-blank line: a block's span, or a whole-line "not understood". */
function reportAccounting(text: string, report: Report): Map<number, number> {
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  const inBlocks = new Uint32Array(lines.length + 2);
  const unread = new Uint8Array(lines.length + 2);
  for (const b of report.blocks) for (let n = b.startLine; n <= b.endLine; n++) inBlocks[n] = (inBlocks[n] ?? 0) + 1;
  for (const u of report.unrecognized) {
    if (u.fragment === undefined) for (let n = u.startLine; n <= u.endLine; n++) unread[n] = 1;
  }
  const counts = new Map<number, number>();
  lines.forEach((t, i) => {
    const no = i + 1;
    if (t.trim() !== "") counts.set(no, unread[no] === 1 ? 1 : (inBlocks[no] ?? 0));
  });
  return counts;
}

function fail(what: string): never {
  throw new Error(what);
}

function checkReport(text: string, report: Report): void {
  for (const [line, count] of reportAccounting(text, report)) {
    if (count !== 1) fail(`line ${line} is accounted for ${count} times`);
  }
  const lineCount = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/).length;
  for (const finding of report.findings) {
    if (finding.lines.some((n) => n < 1 || n > lineCount)) fail(`${finding.rule} cites lines ${finding.lines}`);
  }
  const back = JSON.parse(JSON.stringify(report)) as Report;
  if (back.findings.length !== report.findings.length) fail("the report does not survive JSON");
  renderText(report);
  renderMarkdown(report);
}

/** Bytes as a console or an editor might turn them into text: UTF-8 with replacement characters, or Latin-1. */
const randomBytes = fc
  .tuple(fc.uint8Array({ maxLength: 600 }), fc.boolean())
  .map(([bytes, utf8]) => (utf8 ? new TextDecoder().decode(bytes) : String.fromCharCode(...bytes)));

describe("analyze on hostile input", () => {
  it("never throws on broken cmdlet output and accounts for every line in a report that renders", async () => {
    await holds(
      fc.asyncProperty(brokenPaste, async (text) => {
        checkReport(text, await analyze(text, { asOf: AS_OF }));
      }),
    );
  });

  it("never throws on random bytes, with or without a server name", async () => {
    await holds(
      fc.asyncProperty(
        fc.oneof(randomBytes, fc.string({ unit: "binary", maxLength: 300 })),
        fc.option(fc.string({ maxLength: 20 }), { nil: undefined }),
        async (text, server) => {
          checkReport(text, await analyze(text, { asOf: AS_OF, ...(server === undefined ? {} : { server }) }));
        },
      ),
    );
  });
});

/** The long lines the issue names: 2 MiB, well under the longest the readers are given (src/limits.ts). */
const LONG_LINE = 2 * 1024 * 1024;
const ITEMS = 100_000;
const STORY = story("stale-tlsname-after-renewal");

describe("analyze on huge input, one run each", () => {
  it.each([
    ["a 2 MB Subject", STORY.replace("CN=EX01\n", `CN=${"EX01,".repeat(LONG_LINE / 5)}\n`)],
    [
      "a 2 MB TlsCertificateName",
      STORY.replace(/TlsCertificateName {4}: <I>[^\n]*/, `$&${"<S>CN=x".repeat(LONG_LINE / 7)}`),
    ],
    ["a 2 MB connector name", STORY.replaceAll("Default Frontend EX01", "D".repeat(LONG_LINE))],
    [
      "a 2 MB event text",
      `Log Name: Application\nSource: MSExchangeFrontEndTransport\nEvent ID: 12014\nDescription:\n${"Microsoft Exchange could not find a certificate ".repeat(LONG_LINE / 48)}`,
    ],
    [
      "a 2 MB STARTTLS transcript line",
      `220 mail.contoso.com Microsoft ESMTP MAIL Service ready\n250-${"STARTTLS ".repeat(LONG_LINE / 9)}`,
    ],
    ["a 2 MB PEM body", `-----BEGIN CERTIFICATE-----\nMII${"A".repeat(LONG_LINE)}\n-----END CERTIFICATE-----`],
    ["2 MB of one line of control characters", "\u0000\u0007\u001b\u202e\u2066".repeat(LONG_LINE / 5)],
  ])("%s: a report that accounts for every line", async (_, text) => {
    checkReport(text, await analyze(text, { asOf: AS_OF }));
  });

  it("a line over the limit is reported with its length, and the rest of the paste still reads", async () => {
    const long = "x".repeat(MAX_LINE_CHARS + 1);
    const text = `${long}\n${STORY}`;
    const report = await analyze(text, { asOf: AS_OF });
    checkReport(text, report);
    expect(report.unrecognized).toContainEqual(
      expect.objectContaining({ startLine: 1, endLine: 1, reason: lineTooLongReason(MAX_LINE_CHARS + 1) }),
    );
    const clean = await analyze(STORY, { asOf: AS_OF });
    expect(report.selections.map((s) => s.certificate)).toEqual(clean.selections.map((s) => s.certificate));
  });

  it("a certificate with 100 000 domains and a connector with 100 000 bindings", async () => {
    const domains = Array.from({ length: ITEMS }, (_, i) => `host${i}.contoso.com`).join(", ");
    const bindings = Array.from({ length: ITEMS }, (_, i) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}:25`);
    const text = STORY.replace(
      "{mail.contoso.com, autodiscover.contoso.com}",
      `{mail.contoso.com, ${domains}}`,
    ).replace("{[::]:25, 0.0.0.0:25}", `{${bindings.join(", ")}}`);
    const report = await analyze(text, { asOf: AS_OF });
    checkReport(text, report);
    expect(report.certificates.find((c) => c.domains.length > ITEMS)?.domains).toHaveLength(ITEMS + 1);
    expect(report.connectors.find((c) => c.name === "Default Frontend EX01")?.bindings).toHaveLength(ITEMS);
  });
});
