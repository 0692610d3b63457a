import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Line } from "../lines";
import { claimEvent } from "./event";
import { artifactReaders } from "./index";
import { claimMessage } from "./message";
import { claimPem, findCertificateBlobs } from "./pem";
import { claimSmtpLog } from "./smtp-log";
import { claimTranscript } from "./transcript";
import type { ArtifactReader } from "./types";

/** Every fixture as lines, so random pastes reach deep into the readers. */
function fixtureFiles(dir: URL): string[][] {
  return readdirSync(dir)
    .filter((n) => /\.(txt|pem)$/.test(n))
    .map((n) => readFileSync(new URL(n, dir), "utf8").split("\n"));
}
const FILES = [
  ...fixtureFiles(new URL("../__fixtures__/", import.meta.url)),
  ...fixtureFiles(new URL("../../x509/__fixtures__/", import.meta.url)),
];
const REAL = FILES.flat();

const TWO_MB = 2 * 1024 * 1024;
const HUGE = [
  "A".repeat(TWO_MB),
  `250-${"STARTTLS ".repeat(TWO_MB / 9)}`,
  `Reason: [{LED=450 4.4.317 ${"[Message=".repeat(TWO_MB / 9)}`,
  `Log Name: ${"Source: x ".repeat(TWO_MB / 10)}`,
  `2017-10-07T04:42:56.804Z,${'"'.repeat(TWO_MB)}`,
  `MII${"A".repeat(TWO_MB)}`,
  `451 5.7.3 ${"x.".repeat(TWO_MB / 2)}`,
];

const odd = fc.constantFrom(
  "\u0000",
  "\u200f",
  "\u202e",
  "\u2019",
  "\t",
  "\r",
  "\u00a0",
  "\ufeff",
  "[",
  "]",
  "{",
  "}",
  "<",
  ">",
  ":",
  ",",
  '"',
  "'",
  "+",
  "-",
  "=",
  "/",
  "\\",
  "|",
);
const lineText = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...REAL) },
  { weight: 3, arbitrary: fc.string({ maxLength: 120 }) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 80 }) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom(...REAL), fc.array(odd, { maxLength: 6 }), fc.nat())
      .map(([base, extra, at]) => {
        const i = base.length === 0 ? 0 : at % base.length;
        return base.slice(0, i) + extra.join("") + base.slice(i);
      }),
  },
  { weight: 1, arbitrary: fc.constant("") },
  {
    weight: 1,
    arbitrary: fc.oneof(
      { weight: 19, arbitrary: fc.constant(" ") },
      { weight: 1, arbitrary: fc.constantFrom(...HUGE) },
    ),
  },
);

/** Where some reader claims a fixture line, so stretches usually begin with something readable. */
const STARTS = FILES.flatMap((file) => {
  const lines = file.map((text, i) => ({ no: i + 1, text }));
  return lines.flatMap((_, i) => (artifactReaders.some((r) => r(lines, i) !== null) ? [{ file, i }] : []));
});

/** A stretch of a real paste with random lines spliced in. */
const realStretch = fc
  .tuple(fc.constantFrom(...STARTS), fc.nat({ max: 40 }), fc.array(fc.tuple(fc.nat(), lineText), { maxLength: 4 }))
  .map(([{ file, i }, length, inserts]) => {
    const texts = file.slice(i, i + length);
    for (const [at, text] of inserts) texts.splice(at % (texts.length + 1), 0, text);
    return texts;
  });
const paste = fc
  .tuple(
    fc.oneof({ weight: 3, arbitrary: realStretch }, { weight: 1, arbitrary: fc.array(lineText, { maxLength: 30 }) }),
    fc.nat({ max: 1000 }),
  )
  .map(([texts, base]): Line[] => texts.map((text, i) => ({ no: base + i + 1, text })));
const input = paste.chain((lines) =>
  fc.tuple(
    fc.constant(lines),
    fc.oneof(
      { weight: 3, arbitrary: fc.constant(0) },
      { weight: 2, arbitrary: fc.integer({ min: 0, max: Math.min(lines.length, 5) }) },
      { weight: 1, arbitrary: fc.integer({ min: -2, max: lines.length + 2 }) },
    ),
  ),
);

function checkClaim(reader: ArtifactReader, lines: readonly Line[], start: number): void {
  const claim = reader(lines, start);
  if (claim === null) return;
  expect(start).toBeGreaterThanOrEqual(0);
  expect(claim.endIndex).toBeGreaterThan(start);
  expect(claim.endIndex).toBeLessThanOrEqual(lines.length);
  const first = lines[start]?.no ?? Number.NaN;
  const last = lines[claim.endIndex - 1]?.no ?? Number.NaN;
  for (const ev of claim.evidence) {
    expect(ev.source.startLine).toBeGreaterThanOrEqual(first);
    expect(ev.source.endLine).toBeLessThanOrEqual(last);
    expect(ev.source.startLine).toBeLessThanOrEqual(ev.source.endLine);
  }
  const inside = new Set(lines.slice(start, claim.endIndex));
  for (const line of claim.unread) expect(inside.has(line)).toBe(true);
}

const readers: Array<[string, ArtifactReader]> = [
  ["event", claimEvent],
  ["transcript", claimTranscript],
  ["smtp-log", claimSmtpLog],
  ["message", claimMessage],
  ["pem", claimPem],
];

describe("artifact readers on arbitrary pastes", () => {
  it.each(readers)(
    "%s: never throws, claims a non-empty run inside the paste, evidence inside the run",
    (_, reader) => {
      fc.assert(
        fc.property(input, ([lines, start]) => checkClaim(reader, lines, start)),
        { numRuns: 10_000 },
      );
    },
  );

  it("findCertificateBlobs: blobs lie inside the run it reports", () => {
    fc.assert(
      fc.property(input, ([lines, start]) => {
        const run = findCertificateBlobs(lines, start);
        if (run === null) return;
        expect(run.endIndex).toBeGreaterThan(start);
        expect(run.endIndex).toBeLessThanOrEqual(lines.length);
        for (const blob of run.blobs) {
          expect(blob.startLine).toBeGreaterThanOrEqual(lines[start]?.no ?? Number.NaN);
          expect(blob.endLine).toBeLessThanOrEqual(lines[run.endIndex - 1]?.no ?? Number.NaN);
          expect(blob.base64).toMatch(/^[A-Za-z0-9+/=]+$/);
        }
      }),
      { numRuns: 10_000 },
    );
  });

  it("the registry holds every reader once", () => {
    expect(new Set(artifactReaders).size).toBe(readers.length);
    for (const [, reader] of readers) expect(artifactReaders).toContain(reader);
  });
});
