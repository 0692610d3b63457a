import { claimEvent } from "./event";
import { claimMessage } from "./message";
import { claimPem } from "./pem";
import { claimSmtpLog } from "./smtp-log";
import { claimTranscript } from "./transcript";
import type { ArtifactReader } from "./types";

/**
 * Artifact readers in the order the segmenter should try them: the ones whose
 * first line is unmistakable (certificate text, protocol log rows, event
 * headers) before transcripts, and the free-text messages last.
 */
export const artifactReaders: readonly ArtifactReader[] = [
  claimPem,
  claimSmtpLog,
  claimEvent,
  claimTranscript,
  claimMessage,
];
