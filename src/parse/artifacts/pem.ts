import { scanBlobRun } from "../../x509/blobs";
import type { Line } from "../lines";
import { isForeign } from "./message-view";
import type { ArtifactClaim } from "./types";

/** Base64 of one pasted certificate and the lines it came from (1-based, markers included). */
export interface CertificateBlob {
  readonly base64: string;
  readonly startLine: number;
  readonly endLine: number;
}

export interface CertificateBlobRun {
  /** Index into `lines` (exclusive) where the run of certificates ends. */
  readonly endIndex: number;
  readonly blobs: readonly CertificateBlob[];
  /** Lines inside PEM markers that are not base64 (a snipped or damaged certificate). */
  readonly unread: readonly Line[];
}

/**
 * PEM blocks and base64 DER runs starting at `start`, separated only by blank
 * lines. Decoding is asynchronous and happens later (x509/decode.ts); this
 * only finds the text. Null when `lines[start]` begins no certificate text.
 */
export function findCertificateBlobs(lines: readonly Line[], start: number): CertificateBlobRun | null {
  if (start < 0 || start >= lines.length) return null;
  // Whether certificate text begins here is asked first: the segmenter asks this of every wrapped line of every
  // list, and two anchored patterns answer most of them where `isForeign` runs five.
  const run = scanBlobRun(lines, start);
  if (run === null || run.end <= start) return null;
  if (isForeign(lines, start) && !/-----BEGIN /.test(lines[start]?.text ?? "")) return null;
  const blobs = run.blobs.map((b) => ({
    base64: b.base64,
    startLine: lines[b.first]?.no ?? 0,
    endLine: lines[b.last]?.no ?? 0,
  }));
  const unread = run.unread.flatMap((i) => {
    const line = lines[i];
    return line === undefined ? [] : [line];
  });
  return { endIndex: run.end, blobs, unread };
}

/** The artifact-reader form: claims the certificate lines; the evidence comes from decoding them later. */
export function claimPem(lines: readonly Line[], start: number): ArtifactClaim | null {
  const run = findCertificateBlobs(lines, start);
  return run === null ? null : { format: "pem", endIndex: run.endIndex, evidence: [], unread: run.unread };
}
