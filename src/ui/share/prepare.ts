import type { ShareInput } from "../../share/envelope";
import type { Redaction, RedactionInput } from "../../share/redact";
import type { CertflowState } from "../../state/store";

export interface Prepared {
  readonly input: ShareInput;
  /** What was replaced, when the user asked for redaction. */
  readonly redaction?: Redaction;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * What a link or file carries: the paste and the options, redacted by `redact` when the option is on (the page
 * redacts in a worker: see `redactInWorker`).
 */
export async function prepareShare(
  state: Pick<CertflowState, "text" | "asOf" | "server" | "redactOnShare"> &
    Partial<Pick<CertflowState, "whatIfEdits" | "renewal">>,
  redact: (input: RedactionInput) => Promise<Redaction>,
): Promise<Prepared> {
  const server = state.server.trim();
  const asOf = ISO_DATE.test(state.asOf) ? { asOf: state.asOf } : {};
  // Edits and the renewal name real servers and thumbprints, which a redacted paste no longer holds: only plain
  // shares carry them.
  const edits = state.whatIfEdits === undefined || state.whatIfEdits.length === 0 ? {} : { edits: state.whatIfEdits };
  const renewal = state.renewal === undefined || state.renewal === null ? {} : { renewal: state.renewal };
  if (!state.redactOnShare)
    return { input: { text: state.text, ...asOf, ...(server === "" ? {} : { server }), ...edits, ...renewal } };
  const redaction = await redact({ text: state.text, ...(server === "" ? {} : { server }) });
  const input: ShareInput = {
    text: redaction.text,
    ...asOf,
    ...(redaction.server === undefined ? {} : { server: redaction.server }),
    redact: true,
  };
  return { input, redaction };
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "Replaced 3 names, 1 server, 2 thumbprints or serial numbers …" and what could not be redacted. */
export function redactionSummary(redaction: Redaction): string {
  const { names, servers, hex, addresses, subjects } = redaction.replaced;
  const parts = [
    names > 0 ? count(names, "domain or host name", "domain and host names") : "",
    servers > 0 ? count(servers, "server name", "server names") : "",
    hex > 0 ? count(hex, "thumbprint or serial number", "thumbprints and serial numbers") : "",
    addresses > 0 ? count(addresses, "IP address", "IP addresses") : "",
    subjects > 0 ? count(subjects, "organisation or place name", "organisation and place names") : "",
  ].filter((part) => part !== "");
  const replaced = parts.length === 0 ? "Nothing needed redacting." : `Replaced ${parts.join(", ")}.`;
  const kept = redaction.certificatesKept;
  return kept === 0
    ? replaced
    : `${replaced} ${count(kept, "certificate", "certificates")} pasted as PEM or base64 cannot be redacted and ${kept === 1 ? "is" : "are"} shared as pasted: remove ${kept === 1 ? "it" : "them"} first if the names in ${kept === 1 ? "it" : "them"} are private.`;
}
