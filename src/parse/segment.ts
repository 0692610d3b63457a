import { artifactReaders } from "./artifacts";
import { findCertificateBlobs } from "./artifacts/pem";
import type { ArtifactClaim } from "./artifacts/types";
import { plannedCmdletOf } from "./cmdlets/planned-command";
import { readCsv } from "./format/csv";
import { readJson } from "./format/json";
import { type ListShapes, listShapes, readList, shapeListLine } from "./format/list";
import { readTable } from "./format/table";
import type { ReadResult } from "./format/types";
import type { Line } from "./lines";
import { type CommandEcho, readCommandEcho, readPrompt } from "./prompt";
import {
  isBlankText,
  isCsvStart,
  isDashes,
  isIndented,
  isJsonStart,
  isListLine,
  isTableHeader,
  leadingSpaces,
  listLineShape,
  nextNonBlank,
} from "./shapes";
import { trimmedEndLength } from "./white-space";

export type Region =
  | {
      readonly kind: "records";
      readonly format: "list" | "table" | "json" | "csv";
      readonly start: number;
      readonly end: number;
      readonly read: ReadResult;
      readonly echo: CommandEcho | undefined;
    }
  | { readonly kind: "artifact"; readonly start: number; readonly end: number; readonly claim: ArtifactClaim }
  | {
      readonly kind: "pem";
      readonly start: number;
      readonly end: number;
      readonly blobs: ReturnType<typeof findCertificateBlobs>;
    }
  | {
      readonly kind: "command";
      readonly start: number;
      readonly end: number;
      readonly text: string;
      readonly echo: CommandEcho;
    }
  | { readonly kind: "unknown"; readonly start: number; readonly end: number; readonly reason: string };

/**
 * Splits a paste into regions: cmdlet output (with the prompt and command
 * echo that introduced it), planned commands, artifacts (events, transcripts,
 * logs, errors, certificates) and what nothing recognised. Indexes are into
 * `lines`; `end` is exclusive. Every non-blank line ends up in exactly one region.
 */
export function segment(lines: readonly Line[]): Region[] {
  const regions: Region[] = [];
  // Made when the first list is met: the shapes its end was found by are the ones it is read with.
  let shapes: ListShapes | undefined;
  const shapesOfLists = () => {
    shapes ??= listShapes(lines.length);
    return shapes;
  };
  let echo: { echo: CommandEcho; index: number } | undefined;
  let bareUnknown: { start: number; end: number } | undefined;
  const flushUnknown = () => {
    if (bareUnknown) {
      regions.push({ kind: "unknown", ...bareUnknown, reason: UNKNOWN_REASON });
      bareUnknown = undefined;
    }
  };
  const dropStaleEcho = () => {
    if (echo) {
      regions.push({
        kind: "unknown",
        start: echo.index,
        end: echo.index + 1,
        reason: `command echo of ${echo.echo.verbNoun} with no output after it`,
      });
      echo = undefined;
    }
  };

  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (!line || isBlankText(line.text)) {
      i++;
      continue;
    }
    const prompt = readPrompt(line.text);
    const commandText = prompt ? prompt.command : line.text.trim();
    const parsedEcho = readCommandEcho(commandText);
    if (prompt || parsedEcho?.cmdlet) {
      flushUnknown();
      dropStaleEcho();
      const planned = parsedEcho ? plannedCmdletOf(parsedEcho.verbNoun) : undefined;
      if (parsedEcho && planned) {
        const end = continuedCommandEnd(lines, i);
        const text = lines
          .slice(i, end)
          .map((l, k) => (k === 0 ? commandText : l.text))
          .join("\n");
        regions.push({ kind: "command", start: i, end, text, echo: parsedEcho });
        i = end;
        continue;
      }
      if (parsedEcho?.cmdlet) {
        echo = { echo: parsedEcho, index: i };
        i++;
        continue;
      }
      if (prompt && prompt.command === "") {
        regions.push({ kind: "unknown", start: i, end: i + 1, reason: "console prompt with no command" });
        i++;
        continue;
      }
      const claim = claimArtifact(lines, i);
      if (claim) {
        regions.push({ kind: "artifact", start: i, end: claim.endIndex, claim });
        i = claim.endIndex;
        continue;
      }
      regions.push({
        kind: "unknown",
        start: i,
        end: i + 1,
        reason: `a command whose output certflow does not read (${parsedEcho?.verbNoun ?? commandText.slice(0, 40)})`,
      });
      i++;
      continue;
    }

    const found = findRegion(lines, i, echo?.echo, shapesOfLists);
    if (found) {
      flushUnknown();
      if (echo && found.kind === "records") {
        regions.push({ ...found, start: echo.index });
        echo = undefined;
      } else {
        dropStaleEcho();
        regions.push(found);
      }
      i = found.end;
      continue;
    }
    dropStaleEcho();
    bareUnknown = bareUnknown ? { start: bareUnknown.start, end: i + 1 } : { start: i, end: i + 1 };
    i++;
  }
  flushUnknown();
  dropStaleEcho();
  return regions;
}

const UNKNOWN_REASON =
  "not recognised as Exchange cmdlet output, a certificate, an event, a transcript, a protocol log or an error message";

function claimArtifact(lines: readonly Line[], i: number): ArtifactClaim | undefined {
  for (const reader of artifactReaders) {
    const claim = reader(lines, i);
    if (claim && claim.endIndex > i) return claim;
  }
  return undefined;
}

function findRegion(
  lines: readonly Line[],
  i: number,
  echo: CommandEcho | undefined,
  shapesOfLists: () => ListShapes,
): Region | undefined {
  const text = lines[i]?.text ?? "";
  const blobs = findCertificateBlobs(lines, i);
  if (blobs && blobs.endIndex > i) return { kind: "pem", start: i, end: blobs.endIndex, blobs };
  if (isJsonStart(text)) {
    const end = jsonEnd(lines, i);
    return { kind: "records", format: "json", start: i, end, read: readJson(lines.slice(i, end)), echo };
  }
  if (isCsvStart(text)) {
    const end = runEnd(lines, i, (t) => !isBlankText(t) && !readPrompt(t));
    return { kind: "records", format: "csv", start: i, end, read: readCsv(lines.slice(i, end)), echo };
  }
  if (isTableHeader(lines, i)) {
    const end = tableEnd(lines, i);
    return { kind: "records", format: "table", start: i, end, read: readTable(lines.slice(i, end)), echo };
  }
  const claim = claimArtifact(lines, i);
  if (claim) return { kind: "artifact", start: i, end: claim.endIndex, claim };
  if (isListLine(text)) {
    const shapes = shapesOfLists();
    const end = listEnd(lines, i, shapes);
    return { kind: "records", format: "list", start: i, end, read: readList(lines, { start: i, end, shapes }), echo };
  }
  return undefined;
}

/** A command continued with a trailing backtick runs on to the next line. */
function continuedCommandEnd(lines: readonly Line[], i: number): number {
  let j = i;
  while (j < lines.length - 1 && /`\s*$/.test(lines[j]?.text ?? "")) j++;
  return j + 1;
}

function runEnd(lines: readonly Line[], i: number, keep: (text: string) => boolean): number {
  let j = i;
  while (j < lines.length && keep(lines[j]?.text ?? "")) j++;
  return j;
}

/** JSON runs until its brackets balance (strings respected), or to the end of the paste. */
function jsonEnd(lines: readonly Line[], i: number): number {
  let depth = 0;
  let inString = false;
  let escaped = false;
  for (let j = i; j < lines.length; j++) {
    const t = lines[j]?.text ?? "";
    // By code unit, not by character: no string is made for each character, and every one looked for is ASCII.
    for (let k = 0; k < t.length; k++) {
      if (inString) {
        // Most of the text is inside strings: their ends are found with `indexOf` rather than character by character.
        const quote = stringClose(t, k, escaped);
        if (quote < 0) {
          escaped = quote === LINE_ENDS_ESCAPING;
          break;
        }
        inString = false;
        escaped = false;
        k = quote;
        continue;
      }
      const c = t.charCodeAt(k);
      if (c === 34) inString = true;
      else if (c === 123 || c === 91) depth++;
      else if (c === 125 || c === 93) {
        depth--;
        if (depth <= 0) return j + 1;
      }
    }
  }
  return lines.length;
}

const LINE_ENDS = -1;
const LINE_ENDS_ESCAPING = -2;

/**
 * Inside a string from `k` of `t` (`escaped` when the character at `k` is escaped): the index of the quote that
 * closes it, else whether the line ends on an escaping backslash (a number, so that no object is made per string).
 * A quote closes the string when an even number of backslashes stands before it, as escapes pair from the start
 * of such a run.
 */
function stringClose(t: string, k: number, escaped: boolean): number {
  const from = escaped ? k + 1 : k;
  let quote = t.indexOf('"', from);
  while (quote >= 0) {
    if (backslashesBefore(t, quote, from) % 2 === 0) return quote;
    quote = t.indexOf('"', quote + 1);
  }
  return backslashesBefore(t, t.length, from) % 2 === 1 ? LINE_ENDS_ESCAPING : LINE_ENDS;
}

/** How many backslashes stand right before `at`, not counting any before `from`. */
function backslashesBefore(t: string, at: number, from: number): number {
  let slash = at - 1;
  while (slash >= from && t.charCodeAt(slash) === 92) slash--;
  return at - 1 - slash;
}

/**
 * Format-List output runs through property lines, their indented
 * continuations and the blank lines between records (single or, in
 * double-spaced pastes, after every line), until something else begins. Each line's shape is kept in `shapes`
 * for the list reader.
 */
function listEnd(lines: readonly Line[], i: number, shapes: ListShapes): number {
  shapeListLine(shapes, i, lines[i]?.text ?? "");
  let j = i + 1;
  let lastContent = i;
  while (j < lines.length) {
    const t = lines[j]?.text ?? "";
    // `isListLine` without asking `readPrompt` again: this runs on every line of every list.
    const shape = shapeListLine(shapes, j, t);
    if (shape === "blank") {
      j++;
      continue;
    }
    if (readPrompt(t)) break;
    const gap = j - lastContent - 1;
    if (shape !== "none") {
      if (gap >= 3 || (shape === "list" && startsOtherThanList(lines, j))) break;
    } else if (!(isIndented(t) && gap <= 1 && !startsOtherThanList(lines, j))) break;
    lastContent = j;
    j++;
  }
  return lastContent + 1;
}

/** A table runs through rows shaped like the header, allowing single blank lines between rows. */
function tableEnd(lines: readonly Line[], i: number): number {
  const header = lines[i]?.text ?? "";
  const indent = leadingSpaces(header);
  const secondColumn = header.trimStart().search(/\s{2,}\S/) + indent;
  let j = i + 1;
  if (isDashes(lines[j]?.text ?? "")) j++;
  let lastContent = j - 1;
  while (j < lines.length) {
    const t = lines[j]?.text ?? "";
    if (isBlankText(t)) {
      const next = nextNonBlank(lines, j);
      if (next === undefined || next - lastContent > 2) break;
      j++;
      continue;
    }
    if (readPrompt(t) || listLineShape(t) !== "none" || startsOtherThanList(lines, j)) break;
    const rowIndent = leadingSpaces(t);
    const rowLike = Math.abs(rowIndent - indent) <= 4 && trimmedEndLength(t) > secondColumn;
    if (!rowLike) break;
    lastContent = j;
    j++;
  }
  return lastContent + 1;
}

/**
 * Whether line `j`, which is not a padded `Name   : value` line, begins something other than the records around
 * it. Asked for every line of a list or a table; callers answer padded lines without it (they begin no table,
 * JSON, CSV or certificate text, and every artifact reader stops before them: `startsOtherThing`), so for the
 * common line no reader is run.
 */
function startsOtherThanList(lines: readonly Line[], j: number): boolean {
  const t = lines[j]?.text ?? "";
  if (isTableHeader(lines, j) || isJsonStart(t) || isCsvStart(t)) return true;
  // Certificate text included: the first artifact reader is claimPem, which claims exactly what
  // findCertificateBlobs finds.
  return claimArtifact(lines, j) !== undefined;
}
