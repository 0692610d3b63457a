import type { Redaction, RedactionInput } from "../../share/redact";
import { spawnRedactionBridge } from "../../worker/spawn";

/**
 * Redacts in a worker started for this one share and stopped after it: redacting a paste of megabytes takes
 * seconds, which the page must not freeze for, and sharing is too rare to keep a worker waiting for it.
 */
export async function redactInWorker(input: RedactionInput): Promise<Redaction> {
  const bridge = spawnRedactionBridge();
  try {
    const outcome = await bridge.redact(input);
    if (outcome.status !== "done") throw new Error("The redaction was stopped before it finished.");
    return outcome.redaction;
  } finally {
    bridge.dispose();
  }
}
