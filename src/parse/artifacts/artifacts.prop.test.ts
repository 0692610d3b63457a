import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Line } from "../lines";
import { claimEvent, mayStartEvent, readEvent } from "./event";
import { artifactReaders } from "./index";
import { claimMessage, readMessage } from "./message";
import { mayBeginMessage } from "./message-start";
import { claimPem, findCertificateBlobs } from "./pem";
import { claimSmtpLog } from "./smtp-log";
import { claimTranscript } from "./transcript";
import { classifyTranscriptStart } from "./transcript-lines";
import { mayStartTranscript } from "./transcript-start";
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

/**
 * Lines built from the words and starts the message readers look for, cased, spaced and indented at random, so
 * that the precheck meets them whole, cut, run together and spread over blanks.
 */
const MESSAGE_WORDS = [
  "451 5.7.3 STARTTLS is required",
  "454 4.7.5 certificate validation failure",
  "454 4.7.0 TLS channel: SecureChannelFailure",
  "450 4.4.317",
  "550 5.7.51 TenantInboundAttribution",
  "530 5.7.1 Client was not authenticated",
  "[Message=SubjectMismatch]",
  "{MSG=CertificateExpired}",
  "TLS negotiation failed with error UnknownCredentials",
  "starttls-not-supported",
  "Remote certificate failed MTA-STS validation. Reason: x",
  "(msExchSmtpTLSCertificateName) : len 1500",
  "The Secure Mail Certificate on server EX01 is not bound to the SMTP Service",
  "RequiredTls flag should be set to true if TlsCertificateName is specified",
  "No valid certificate exists for the Hub Transport server",
  "Execution of the Set-ReceiveConnector cmdlet has thrown an exception",
  "These certificates are tagged with following Send Connectors : Outbound. Removing",
  "(reason: Conflict)",
  "Updating hybrid configuration failed",
  "Subtask Configure execution failed",
  "Reason: [{LED=450 4.4.317",
  "[{LED=",
  "Remote Server returned '550'",
  "Diagnostic information for administrators:",
  "WARNING: Chain status:",
  "Test-Certificate : The certificate is revoked",
  "Get-ChildItem Cert:\\LocalMachine\\My\\AB | Test-Certificate",
  "[EROR] Script error: Error in New-ExchangeCertificate",
  "Send Connector - Outbound to Office 365: Misconfigured",
  "TLSCertificateName set: False",
  "More Information: https://aka.ms/HC-ExoConnector",
  "Enable-ExchangeCertificate : The certificate is invalid",
  "A special Rpc error occurs on server EX01",
  "PS>",
  "Subtask Configure execution failed: TLS negotiation\nfailed with error UnknownCredentials",
  "Execution of the Set-ReceiveConnector\ncmdlet has thrown an exception",
  "Enable-ExchangeCertificate : The certificate is invalid\nAt line:1 char:1\n+ Enable-ExchangeCertificate -Thumbprint AB\n    + CategoryInfo          : InvalidArgument: (:) [Enable-ExchangeCertificate], Exception",
  "PS>\nThe operation could not be performed\nAt line:1 char:1\n    + CategoryInfo          : NotSpecified: (:) [Get-ExchangeCertificate], Exception",
  "A special Rpc error occurs on server EX01: The certificate\nAt line:1 char:1\n    + CategoryInfo          : NotSpecified: (:) [Enable-ExchangeCertificate], Exception",
  "CN=Default EX02,CN=SMTP Receive Connectors,CN=Protocols",
  "{mail.contoso.com, autodiscover.contoso.com}",
];
const spacing = fc.constantFrom(" ", "  ", "   ", "\t", "\u00a0", "\u200b", "\u200e", "", "\n");
const messageLine = fc
  .tuple(
    fc.constantFrom("", " ", "    ", "> ", "\t"),
    fc.constantFrom(...MESSAGE_WORDS),
    fc.array(fc.tuple(fc.nat(), spacing), { maxLength: 3 }),
    fc.nat(),
    fc.boolean(),
  )
  .map(([indent, words, blanks, cut, upper]) => {
    let text = upper ? words.toUpperCase() : words.toLowerCase();
    if (cut % 3 === 0) text = words;
    for (const [at, blank] of blanks) {
      const i = at % (text.length + 1);
      text = text.slice(0, i) + (text[i - 1] === " " ? blank : "") + text.slice(i);
    }
    return indent + text.slice(0, text.length - (cut % 4 === 1 ? cut % 7 : 0));
  });
const messagePaste = fc
  .array(fc.oneof({ weight: 3, arbitrary: messageLine }, { weight: 1, arbitrary: lineText }), {
    minLength: 1,
    maxLength: 4,
  })
  .chain((texts) =>
    fc.tuple(
      fc.constant(texts.flatMap((t) => t.split("\n")).map((text, i): Line => ({ no: i + 1, text }))),
      fc.nat({ max: 3 }),
    ),
  );

describe("claimMessage's precheck", () => {
  it("never turns down a line the full reader claims", () => {
    const holds = ([lines, start]: readonly [Line[], number]) => {
      if (readMessage(lines, start) !== null) expect(mayBeginMessage(lines, start)).toBe(true);
    };
    fc.assert(fc.property(messagePaste, holds), { numRuns: 20_000 });
    fc.assert(fc.property(input, holds), { numRuns: 10_000 });
  });

  it.each([
    "                     er, C=GB",
    "                                          3SPDLT),CN=Administrative Groups,CN=Fabrikam Inc",
    "                     KeyAccessRule}",
    "87BA1EB62F70656263A358FA7C5FC876CA5CA4A9 IP.WS..    CN=EX03",
  ])("turns down the wrapped value or table row %j", (text) => {
    expect(
      mayBeginMessage(
        [
          { no: 1, text: "Name : x" },
          { no: 2, text },
        ],
        1,
      ),
    ).toBe(false);
  });
});

/** Event header lines and near misses, cased, spaced and copied at random. */
const EVENT_KEYS = ["Log Name", "Source", "Date", "Event ID", "Task Category", "Level", "Keywords", "User", "Computer"];
const eventLine = fc
  .tuple(
    fc.constantFrom("", " ", "  ", "\t", "\u00a0", "\u200e", "\ufeff"),
    fc.constantFrom(...EVENT_KEYS, "OpCode", "Description", "Event Xml", "Message"),
    fc.constantFrom("", " ", "\t", "\u00a0", "\u202f", "\u200f"),
    fc.constantFrom(":", ": ", " : ", ":\u00a0", "\u2019:", ""),
    fc.constantFrom("", "12014", "MSExchangeTransport", "Error", "1234567", "x: y Event ID: 12014"),
    fc.nat(),
  )
  .map(([indent, key, gap, colon, value, casing]) => {
    const cased = casing % 3 === 0 ? key : casing % 3 === 1 ? key.toLowerCase() : key.toUpperCase();
    return indent + cased.replace(" ", gap === "" ? " " : gap) + colon + value;
  });
const eventPaste = fc
  .tuple(fc.array(fc.oneof(eventLine, lineText), { minLength: 1, maxLength: 8 }), fc.nat({ max: 3 }))
  .map(([texts, eventIdAt]): [Line[], number] => {
    const withId = [...texts];
    withId.splice(Math.min(eventIdAt, withId.length), 0, "Event ID:      12014");
    return [withId.map((text, i) => ({ no: i + 1, text })), 0];
  });

describe("claimEvent's precheck", () => {
  it("never turns down a line the full reader claims", () => {
    const holds = ([lines, start]: readonly [Line[], number]) => {
      if (readEvent(lines, start) !== null) expect(mayStartEvent(lines[start]?.text ?? "")).toBe(true);
    };
    fc.assert(fc.property(eventPaste, holds), { numRuns: 20_000 });
    fc.assert(fc.property(input, holds), { numRuns: 10_000 });
  });

  it("is asked on the paths it guards: some generated pastes are claimed", () => {
    const claimed = fc.sample(eventPaste, 2_000).filter(([lines, start]) => claimEvent(lines, start) !== null);
    expect(claimed.length).toBeGreaterThan(100);
  });

  it.each([
    "                     er, C=GB",
    "87BA1EB62F70656263A358FA7C5FC876CA5CA4A9 IP.WS..    CN=EX03",
    "NotAfter           : 12/5/2025 12:00:00 AM",
  ])("turns down the wrapped value or table row %j", (text) => {
    expect(mayStartEvent(text)).toBe(false);
  });
});

/** Transcript lines and near misses, cased and spaced at random. */
const TRANSCRIPT_WORDS = [
  "telnet mail.contoso.com 25",
  "C:\\> telnet 10.0.0.5 587",
  "openssl s_client -connect mail.contoso.com:25 -starttls smtp",
  "nc -v mail.contoso.com 25",
  "$ ncat mail.contoso.com 587",
  "netcat mx1 25",
  "Trying 10.0.0.5...",
  "Connected to mail.contoso.com.",
  "Escape character is '^]'.",
  "Connection closed by foreign host.",
  "Connecting To mail.contoso.com...Could not open connection",
  "Connection to host lost.",
  "CONNECTED(00000003)",
  "220 mail.contoso.com Microsoft ESMTP MAIL Service ready",
  "S: 250-mail.contoso.com Hello [10.0.0.9]",
  "250 CHUNKING",
  "EHLO client.contoso.com",
  "> HELO me",
  ">> STARTTLS",
  "C: EHLO x",
  "PORT 587",
  "port: 25:",
  "...",
  "[snip]",
];
const transcriptLine = fc
  .tuple(
    fc.constantFrom("", " ", "   ", "\t", "\u00a0"),
    fc.constantFrom(...TRANSCRIPT_WORDS),
    fc.array(fc.tuple(fc.nat(), fc.constantFrom(" ", "  ", "\t", "\u200e", "x", "1")), { maxLength: 2 }),
    fc.nat(),
  )
  .map(([indent, words, inserts, casing]) => {
    let text = casing % 3 === 0 ? words : casing % 3 === 1 ? words.toLowerCase() : words.toUpperCase();
    for (const [at, insert] of inserts) {
      const i = at % (text.length + 1);
      text = text.slice(0, i) + insert + text.slice(i);
    }
    return indent + text;
  });

describe("claimTranscript's precheck", () => {
  // What it turns down, the reader must turn down too: no transcript starts with such a line.
  const accepted = (text: string) => {
    const c = classifyTranscriptStart(text);
    return c !== null && c.kind !== "elision" && !(c.kind === "client" && c.verb !== "EHLO" && c.verb !== "HELO");
  };
  it("never turns down a line the reader could take as a transcript's first", () => {
    const holds = (text: string) => {
      if (accepted(text)) expect(mayStartTranscript(text)).toBe(true);
    };
    fc.assert(fc.property(fc.oneof(transcriptLine, lineText), holds), { numRuns: 30_000 });
  });

  it.each([
    "                     er, C=GB",
    "                                          3SPDLT),CN=Administrative Groups,CN=Fabrikam Inc",
    "87BA1EB62F70656263A358FA7C5FC876CA5CA4A9 IP.WS..    CN=EX03",
    "EX03\\Default Frontend EX03           {[::]:25, 0.0.0.0:25}                True",
  ])("turns down the wrapped value or table row %j", (text) => {
    expect(mayStartTranscript(text)).toBe(false);
  });
});
