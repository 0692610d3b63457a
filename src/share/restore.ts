import { readRenewal } from "../engine/renewal/validate";
import { readEdits } from "../engine/whatif/validate";
import { type DecodeProblem, decodeShare, parseEnvelopeJson } from "./codec";
import { inputChecksum, MAX_SHARE_BYTES, SHARE_VERSION, type ShareInput } from "./envelope";

/**
 * Turns whatever a link or a file unpacked to into an input the app can load, or into one clear sentence saying
 * why not. Never throws: a share link is text from outside, and a bad one must leave an empty, working page.
 */

export type Restored =
  | { readonly ok: true; readonly input: ShareInput }
  | { readonly ok: false; readonly message: string };

export type ShareSource = "link" | "file";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Longer than any DNS name; a longer "server" is not one. */
const MAX_SERVER_CHARS = 255;

const NOTHING_LOADED = "Nothing was loaded.";

export function problemMessage(problem: DecodeProblem, source: ShareSource): string {
  const what = source === "link" ? "This share link" : "This file";
  switch (problem.kind) {
    case "not-share":
      return `${what} does not hold a certflow share. ${NOTHING_LOADED}`;
    case "future":
      return `${what} was made by a newer version of certflow (share format v${problem.version}); this page reads format v${SHARE_VERSION}. Open it in an up-to-date certflow. ${NOTHING_LOADED}`;
    case "too-large":
      return `${what} unpacks to more than ${MAX_SHARE_BYTES / 1024 / 1024} MB, which certflow does not open. ${NOTHING_LOADED}`;
    case "damaged":
      return source === "link"
        ? `This share link is damaged: it was probably cut off or changed when it was copied. ${NOTHING_LOADED} Ask for the link again, or for a .certflow file.`
        : `This .certflow file is damaged or is not a certflow file. ${NOTHING_LOADED}`;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function malformed(source: ShareSource, detail: string): Restored {
  const what = source === "link" ? "This share link" : "This file";
  return { ok: false, message: `${what} does not hold a valid certflow share (${detail}). ${NOTHING_LOADED}` };
}

/** Validates a decoded envelope and migrates it to the current input shape (v1 is the only format so far). */
export function restoreShare(payload: unknown, source: ShareSource = "link"): Restored {
  if (!isRecord(payload)) return malformed(source, "it is not an object");
  const { v, input, sum } = payload;
  if (typeof v !== "number" || !Number.isInteger(v) || v < 1) return malformed(source, "it has no format version");
  if (v > SHARE_VERSION) return { ok: false, message: problemMessage({ kind: "future", version: v }, source) };
  if (!isRecord(input)) return malformed(source, "it holds no input");
  const { text, asOf, server, redact, edits, renewal } = input;
  if (typeof text !== "string") return malformed(source, "its text is not text");
  if (text.length > MAX_SHARE_BYTES) return { ok: false, message: problemMessage({ kind: "too-large" }, source) };
  if (asOf !== undefined && (typeof asOf !== "string" || !ISO_DATE.test(asOf))) {
    return malformed(source, "its as-of date is not a YYYY-MM-DD date");
  }
  if (server !== undefined && (typeof server !== "string" || server.length > MAX_SERVER_CHARS)) {
    return malformed(source, "its server name is not a name");
  }
  if (redact !== undefined && typeof redact !== "boolean")
    return malformed(source, "its redaction flag is not true or false");
  const readBack = edits === undefined ? [] : readEdits(edits);
  if (typeof readBack === "string") return malformed(source, readBack);
  const plan = renewal === undefined ? undefined : readRenewal(renewal);
  if (typeof plan === "string") return malformed(source, plan);
  const restored: ShareInput = {
    text,
    ...(asOf === undefined ? {} : { asOf }),
    ...(server === undefined || server === "" ? {} : { server }),
    ...(redact === true ? { redact: true } : {}),
    ...(readBack.length === 0 ? {} : { edits: readBack }),
    ...(plan === undefined ? {} : { renewal: plan }),
  };
  // certflow writes the sum into every link, and a link travels through copy and paste: one without it was damaged
  // (a flipped character can rename the key as easily as change the text). A file may be written by hand, so there
  // the sum is optional.
  const sumRequired = source === "link";
  if ((sum !== undefined || sumRequired) && sum !== inputChecksum(restored)) {
    return { ok: false, message: problemMessage({ kind: "damaged" }, source) };
  }
  return { ok: true, input: restored };
}

/** Decodes and restores a `#v1.…` fragment. */
export async function openShareFragment(fragment: string): Promise<Restored> {
  const decoded = await decodeShare(fragment);
  if (!decoded.ok) return { ok: false, message: problemMessage(decoded.problem, "link") };
  return restoreShare(decoded.payload, "link");
}

/** Restores the bytes of a .certflow file. */
export function openShareFile(bytes: Uint8Array): Restored {
  if (bytes.length > MAX_SHARE_BYTES) return { ok: false, message: problemMessage({ kind: "too-large" }, "file") };
  const decoded = parseEnvelopeJson(bytes);
  if (!decoded.ok) return { ok: false, message: problemMessage(decoded.problem, "file") };
  return restoreShare(decoded.payload, "file");
}
