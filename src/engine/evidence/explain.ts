import type { Evidence } from "../../model/evidence";
import { explainEvent } from "./events";
import { explainMessage } from "./messages";
import { explainSession } from "./sessions";
import { explainWizard } from "./wizard";

export interface Explanation {
  /** What the evidence means, in plain words. */
  readonly meaning: string;
  /** Which cmdlet output (or log) to paste next to settle it; undefined when nothing more is needed. */
  readonly next: string | undefined;
}

/**
 * Plain-words meaning of a pasted event, NDR, queue error, transcript,
 * protocol log, wizard or cmdlet error (domain section 7), and what to paste
 * next. It explains what the text says; findings say what the configuration
 * makes of it.
 */
export function explainEvidence(e: Evidence): Explanation {
  switch (e.type) {
    case "event":
      return explainEvent(e);
    case "ndr":
    case "queue":
      return explainMessage(e);
    case "transcript":
    case "smtp-log":
    case "chain-test":
      return explainSession(e);
    case "hcw-error":
    case "cmdlet-error":
    case "healthchecker":
      return explainWizard(e);
  }
}
