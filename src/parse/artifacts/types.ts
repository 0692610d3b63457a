import type { Evidence } from "../../model/evidence";
import type { Line } from "../lines";
import type { BlockFormat } from "../types";

/** What an artifact reader took from the paste, starting at the line it was asked about. */
export interface ArtifactClaim {
  /** "event" | "transcript" | "smtp-log" | "message" | "pem". */
  readonly format: BlockFormat;
  /** Index into `lines` (exclusive) where the claimed run ends; always greater than the start. */
  readonly endIndex: number;
  /** What it read; `source.block` is -1 until the segmenter assigns the block. */
  readonly evidence: readonly Evidence[];
  /** Lines inside the claimed run it could not read (reported as not understood). */
  readonly unread: readonly Line[];
}

/** Returns null when `lines[start]` does not begin this kind of artifact. Never throws. */
export type ArtifactReader = (lines: readonly Line[], start: number) => ArtifactClaim | null;
