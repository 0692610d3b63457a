import type { Redaction, RedactionInput } from "../share/redact";

/**
 * A paste to redact before it is shared. The redactor reads every line: for a paste of megabytes that is seconds
 * of work, which the page must not freeze for.
 */
export interface RedactRequest extends RedactionInput {
  readonly id: number;
  readonly redact: true;
}

export type RedactResponse =
  | { readonly id: number; readonly kind: "redaction"; readonly redaction: Redaction }
  | { readonly id: number; readonly kind: "error"; readonly error: string };

export type Redact = (input: RedactionInput) => Promise<Redaction>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

export function isRedactRequest(value: unknown): value is RedactRequest {
  return (
    isRecord(value) &&
    value.redact === true &&
    typeof value.id === "number" &&
    typeof value.text === "string" &&
    (value.server === undefined || typeof value.server === "string")
  );
}

export function isRedactResponse(value: unknown): value is RedactResponse {
  return isRecord(value) && typeof value.id === "number" && (value.kind === "redaction" || value.kind === "error");
}

/** Redacts one paste and replies with the redaction; a failure becomes an error reply. */
export async function respondRedact(request: RedactRequest, redact: Redact): Promise<RedactResponse> {
  try {
    const { text, server } = request;
    const redaction = await redact(server === undefined ? { text } : { text, server });
    return { id: request.id, kind: "redaction", redaction };
  } catch (error) {
    return { id: request.id, kind: "error", error: error instanceof Error ? error.message : String(error) };
  }
}
