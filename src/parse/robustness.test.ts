import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { brokenBlock, brokenPaste, brokenValue } from "../../scripts/fuzz-grammar";
import { holds } from "../../scripts/fuzz-property";
import { MAX_LINE_CHARS } from "../limits";
import { readDate } from "../model/dates";
import { commonName, nearDn, parseDistinguishedName, sameDn } from "../model/distinguished-name";
import { coversName, normaliseHostName } from "../model/hostname";
import { readServices } from "../model/services";
import { normaliseThumbprint } from "../model/thumbprint";
import { parseTlsCertificateName } from "../model/tls-certificate-name";
import { base64ToBytes } from "../x509/base64";
import { splitCsvRow } from "./artifacts/csv-row";
import { claimEvent } from "./artifacts/event";
import { readEventDescription } from "./artifacts/event-description";
import { claimHealthChecker } from "./artifacts/healthchecker";
import { claimMessage } from "./artifacts/message";
import { cmdletErrorFacts, recogniseMessage } from "./artifacts/message-texts";
import { opensslNameToWindows } from "./artifacts/openssl-name";
import { claimPem, findCertificateBlobs } from "./artifacts/pem";
import { readPsErrorRecord } from "./artifacts/ps-error";
import { claimScriptLog } from "./artifacts/script-log";
import { claimSmtpLog } from "./artifacts/smtp-log";
import { readCombinedRow } from "./artifacts/smtp-log-cert";
import { claimTranscript } from "./artifacts/transcript";
import { classifyTranscriptLine } from "./artifacts/transcript-lines";
import type { ArtifactReader } from "./artifacts/types";
import { readPlannedCommand } from "./cmdlets/planned-command";
import { readCollection } from "./format/collection";
import { readCsv } from "./format/csv";
import { readJson } from "./format/json";
import { readList } from "./format/list";
import { readTable } from "./format/table";
import type { ReadResult } from "./format/types";
import { parse } from "./index";
import { type Line, splitLines } from "./lines";
import { readCommandEcho, readPrompt } from "./prompt";
import { segment } from "./segment";
import { lineAccounting } from "./test-coverage";

/**
 * Every reader on realistic-but-broken Exchange output (scripts/fuzz-grammar.ts): none throws, each keeps to the
 * lines it was given, and the whole parse accounts for every non-blank line exactly once. The test timeout bounds
 * the time each input may take; `npm run fuzz` runs the same properties a hundred times longer.
 */

const READERS: readonly (readonly [string, (lines: readonly Line[]) => ReadResult])[] = [
  ["list", readList],
  ["table", readTable],
  ["json", readJson],
  ["csv", readCsv],
];

/** Plain checks: `expect` in loops over every field of every run would cost more than the readers themselves. */
function ensure(ok: boolean, what: string): void {
  if (!ok) throw new Error(what);
}

function expectReadResultInside(name: string, lines: readonly Line[], result: ReadResult): void {
  const first = lines[0]?.no ?? 1;
  const last = lines.at(-1)?.no ?? 0;
  let previousEnd = first;
  for (const record of result.records) {
    const span = `${name}: record ${record.startLine}-${record.endLine}`;
    // JSON objects may share a line (`},{`); no more than that.
    ensure(record.startLine >= previousEnd, `${span} overlaps the one before (ending ${previousEnd})`);
    ensure(record.startLine <= record.endLine && record.endLine <= last, `${span} lies outside lines ${first}-${last}`);
    previousEnd = record.endLine;
    for (const [field, value] of record.fields) {
      ensure(
        record.startLine <= value.startLine && value.endLine <= record.endLine,
        `${span}: ${field} on lines ${value.startLine}-${value.endLine}`,
      );
    }
  }
  const given = new Set(lines);
  for (const line of result.unread) {
    ensure(given.has(line), `${name}: unread line ${line.no} was not given`);
    ensure(
      !result.records.some((r) => r.startLine <= line.no && line.no <= r.endLine),
      `${name}: line ${line.no} is both unread and in a record`,
    );
  }
}

const ARTIFACT_READERS: readonly ArtifactReader[] = [
  claimPem,
  claimSmtpLog,
  claimEvent,
  claimTranscript,
  claimMessage,
  claimHealthChecker,
  claimScriptLog,
];

function expectClaimInside(reader: ArtifactReader, lines: readonly Line[], start: number): void {
  const claim = reader(lines, start);
  if (claim === null) return;
  const what = `${reader.name} from index ${start}`;
  ensure(start < claim.endIndex && claim.endIndex <= lines.length, `${what} ends at ${claim.endIndex}`);
  const first = lines[start]?.no ?? Number.NaN;
  const last = lines[claim.endIndex - 1]?.no ?? Number.NaN;
  for (const evidence of claim.evidence) {
    const { startLine, endLine } = evidence.source;
    ensure(first <= startLine && endLine <= last, `${what}: evidence on lines ${startLine}-${endLine}`);
  }
  const inside = new Set(lines.slice(start, claim.endIndex));
  for (const line of claim.unread) ensure(inside.has(line), `${what}: unread line ${line.no} outside its claim`);
}

describe("readers on broken cmdlet output", () => {
  it("list, table, JSON and CSV readers never throw and keep records, fields and unread lines apart", async () => {
    await holds(
      fc.property(brokenBlock, (text) => {
        const lines = splitLines(text);
        for (const [name, read] of READERS) expectReadResultInside(name, lines, read(lines));
      }),
    );
  });

  it("value readers never throw on broken dates, names, collections, thumbprints and commands", async () => {
    await holds(
      fc.property(brokenValue, brokenValue, (a, b) => {
        expect(readCollection(a).items.every((item) => item !== "" && item === item.trim())).toBe(true);
        for (const order of [undefined, "day-first", "month-first"] as const) {
          const date = readDate(a, order);
          expect(date.iso === null || date.readings.includes(date.iso)).toBe(true);
        }
        const tls = parseTlsCertificateName(a);
        if (!tls.ok) expect(tls.problems.length).toBeGreaterThan(0);
        expect(Array.isArray(parseDistinguishedName(a).rdns)).toBe(true);
        commonName(a);
        expect(typeof sameDn(a, b)).toBe("boolean");
        expect(typeof nearDn(a, b)).toBe("boolean");
        const thumbprint = normaliseThumbprint(a);
        if (thumbprint !== undefined) expect(thumbprint.value).toMatch(/^[0-9A-F*X.]+$/);
        normaliseHostName(a);
        expect(typeof coversName(a, b)).toBe("boolean");
        readServices(a);
        readPrompt(a);
        readCommandEcho(a);
        expect(typeof opensslNameToWindows(a)).toBe("string");
        splitCsvRow(a);
        readEventDescription(undefined, a);
        readEventDescription(b, a);
        recogniseMessage(a);
        cmdletErrorFacts(a);
        classifyTranscriptLine(a);
        readCombinedRow(a);
        base64ToBytes(a);
        const span = { block: 0, startLine: 1, endLine: 1 };
        expect(
          readPlannedCommand("Set-ReceiveConnector", `Set-ReceiveConnector ${a} ${b}`, span).command,
        ).toBeDefined();
      }),
    );
  });

  it("artifact readers never throw and claim runs inside the paste, from any line", async () => {
    await holds(
      fc.property(brokenPaste, fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), (text, picks) => {
        const lines = splitLines(text);
        for (const start of picks.map((pick) => pick % lines.length)) {
          for (const reader of ARTIFACT_READERS) expectClaimInside(reader, lines, start);
          const run = findCertificateBlobs(lines, start);
          ensure(run === null || run.endIndex > start, `findCertificateBlobs from index ${start}`);
          readPsErrorRecord(lines, start);
        }
      }),
    );
  });

  it("the segmenter puts every non-blank line in exactly one region, in order", async () => {
    await holds(
      fc.property(brokenPaste, (text) => {
        const lines = splitLines(text);
        const owners = new Uint16Array(lines.length);
        let previousEnd = 0;
        for (const region of segment(lines)) {
          ensure(region.start >= previousEnd && region.end > region.start, `region ${region.start}-${region.end}`);
          previousEnd = region.end;
          for (let i = region.start; i < region.end; i++) owners[i] = (owners[i] ?? 0) + 1;
        }
        lines.forEach((line, i) => {
          if (line.text.trim() !== "") ensure(owners[i] === 1, `line ${line.no} is in ${owners[i]} regions`);
        });
      }),
    );
  });

  it("parse never throws and accounts for every non-blank line exactly once", async () => {
    await holds(
      fc.asyncProperty(brokenPaste, async (text) => {
        const result = await parse(text);
        expect(result.lineCount).toBe(splitLines(text).length);
        for (const [line, count] of lineAccounting(text, result))
          ensure(count === 1, `line ${line} counted ${count} times`);
        for (const { startLine, endLine } of [...result.blocks, ...result.unrecognized]) {
          ensure(
            1 <= startLine && startLine <= endLine && endLine <= result.lineCount,
            `lines ${startLine}-${endLine}`,
          );
        }
      }),
    );
  });
});

/** The long lines the issue names: 2 MiB, under the longest the readers are given (src/limits.ts). */
const LONG_LINE = 2 * 1024 * 1024;
const ITEMS = 100_000;
const domains = Array.from({ length: ITEMS }, (_, i) => `host${i}.contoso.com`);

/** A certificate printed by `Get-ExchangeCertificate | fl` with one value replaced. */
function certificateList(name: string, value: string): string {
  const fields: [string, string][] = [
    ["Thumbprint", "6A1F8D33B0C2E1F4A5968776C3D2E1F0A9B8C7D6"],
    ["Subject", "CN=mail.contoso.com"],
    ["CertificateDomains", "{mail.contoso.com}"],
    ["Services", "IIS, SMTP"],
    ["NotAfter", "3/31/2027 11:59:59 PM"],
  ];
  return fields.map(([n, v]) => `${n.padEnd(18)} : ${n === name ? value : v}`).join("\n");
}

describe("huge lines and collections, read once each", () => {
  it.each([
    ["a 2 MB list value", certificateList("Subject", `CN=${"a".repeat(LONG_LINE)}`)],
    ["a 2 MB table row", `Thumbprint  Services  Subject\n----------  --------  -------\n${"x ".repeat(LONG_LINE / 2)}`],
    ["a 2 MB JSON string", `{\n    "Subject":  "${"\\u0041".repeat(LONG_LINE / 6)}"\n}`],
    ["a 2 MB CSV cell", `"Thumbprint","Subject"\n"AB","${'""'.repeat(LONG_LINE / 2)}"`],
    ["a 2 MB line of NULs and bidi marks", "\u0000\u202e\u200f".repeat(LONG_LINE / 3)],
  ])("%s: parse reads it and accounts for every line", async (_, text) => {
    const result = await parse(text);
    for (const count of lineAccounting(text, result).values()) expect(count).toBe(1);
  });

  it("a 100 000-item collection fits under the line limit", () => {
    expect(`CertificateDomains : {${domains.join(", ")}}`.length).toBeLessThan(MAX_LINE_CHARS);
  });

  it("a 100 000-item collection in a list keeps every item", async () => {
    const text = certificateList("CertificateDomains", `{${domains.join(", ")}}`);
    expect(readCollection(`{${domains.join(", ")}}`).items).toHaveLength(ITEMS);
    const result = await parse(text);
    expect(result.inventory.certificates[0]?.domains).toHaveLength(ITEMS);
  });

  it("a 100 000-item collection in JSON keeps every item", async () => {
    const text = `{\n    "Thumbprint":  "6A1F8D33B0C2E1F4A5968776C3D2E1F0A9B8C7D6",\n    "Subject":  "CN=mail.contoso.com",\n    "CertificateDomains":  [\n${domains.map((d) => `        "${d}"`).join(",\n")}\n    ]\n}`;
    const result = await parse(text);
    expect(result.inventory.certificates[0]?.domains).toHaveLength(ITEMS);
    for (const count of lineAccounting(text, result).values()) expect(count).toBe(1);
  });
});
