import { MAX_SHARE_BYTES } from "./share/envelope";

/**
 * The sizes certflow refuses beyond, so a huge or hostile paste cannot freeze or crash the page, each with the
 * sentence that says so. The numbers come from measurements on a two-core machine: `npm run bench` for whole
 * pastes, `node scripts/fuzz-lines.mjs` for single long lines.
 */

/**
 * The most the page analyses, in characters (one counted as one byte, as the status line counts them). The largest
 * organisation `npm run bench` measures is 50 MB; beyond it the browser tab's memory and the wait are the user's
 * problem, and the command-line version has neither.
 */
export const MAX_PASTE_CHARS = 50_000_000;

/**
 * The longest line handed to the readers. `node scripts/fuzz-lines.mjs --max-mb 16` measures every reader linear on
 * single lines of up to 16 MiB of every shape it builds, but the slowest shape (short words) costs about 0.4 s per
 * MiB, so a longer line is reported rather than read. 4 MiB still holds a certificate with 150 000 SAN entries on one
 * `Format-List` line; no console prints a line anywhere near it otherwise.
 */
export const MAX_LINE_CHARS = 4 * 1024 * 1024;

/** The most a share link or .certflow file may unpack to (the decoder stops reading beyond it). */
export { MAX_SHARE_BYTES };

const CLI = "npx certflow analyze FILE";

function megabytes(characters: number): string {
  const value = characters / 1_000_000;
  return `${Number.isInteger(value) ? value : value.toFixed(1)} MB`;
}

export function exceedsPasteLimit(characters: number): boolean {
  return characters > MAX_PASTE_CHARS;
}

/** Shown instead of an analysis; the paste itself stays in the box. */
export function pasteTooLargeMessage(characters: number): string {
  return `This paste is ${megabytes(characters)}; certflow analyses up to ${megabytes(MAX_PASTE_CHARS)} in the browser, so it was not analysed. Paste less (one server or one cmdlet at a time), or run the command-line version on the saved output, which has no limit: ${CLI}.`;
}

export function exceedsLineLimit(characters: number): boolean {
  return characters > MAX_LINE_CHARS;
}

/** The "not understood" reason for a line the readers are not given. */
export function lineTooLongReason(characters: number): string {
  return `a line of ${characters.toLocaleString("en-US")} characters, longer than the ${MAX_LINE_CHARS.toLocaleString("en-US")} certflow reads`;
}
