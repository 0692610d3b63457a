import type { ReceiveConnector, SendConnector } from "../../../model/connector";
import { memoiseByObject } from "../../../model/memo";
import { makeStep } from "../build";
import { STEP } from "../step-ids";
import type { SelectionStep } from "../types";

const SEPARATOR = /[,\s]/;

/** AuthMechanism values as tokens, tolerating a list the parser left as one comma-separated string. */
export function authTokens(authMechanism: readonly string[]): readonly string[] {
  return tokensFor(authMechanism).list;
}

export function hasAuthMechanism(authMechanism: readonly string[], value: string): boolean {
  return tokensFor(authMechanism).folded.includes(value.toLowerCase());
}

interface Tokens {
  readonly list: readonly string[];
  /** The tokens lower-cased (a handful): the gate and the X-ANONYMOUSTLS step ask for one case-insensitively. */
  readonly folded: readonly string[];
}

/** Read once per connector's list: the X-ANONYMOUSTLS step and the gate both ask. */
const tokensFor = memoiseByObject((authMechanism: readonly string[]): Tokens => {
  const list = readTokens(authMechanism);
  return { list, folded: list.map((t) => t.toLowerCase()) };
});

function readTokens(authMechanism: readonly string[]): string[] {
  const tokens: string[] = [];
  for (const value of authMechanism) {
    // Most values are one token already; splitting every one on a pattern cost every selection.
    if (!SEPARATOR.test(value)) {
      if (value !== "") tokens.push(value);
      continue;
    }
    for (const token of value.split(/[,\s]+/)) if (token !== "") tokens.push(token);
  }
  return tokens;
}

function disabledNote(enabled: boolean | undefined): string | undefined {
  return enabled === false
    ? "The connector is disabled (Enabled False): it takes no connections; the trace shows what it would present once enabled."
    : undefined;
}

/** Gate (domain F1.1.3): without `Tls` in AuthMechanism, no STARTTLS and no certificate is loaded. */
export function authTlsStep(connector: ReceiveConnector): SelectionStep {
  const question = "Does the connector's AuthMechanism include Tls?";
  const auth = connector.authMechanism;
  const disabled = disabledNote(connector.enabled);
  const hasTls = auth !== undefined && hasAuthMechanism(auth, "Tls");
  if (auth === undefined || (connector.truncated.includes("authMechanism") && !hasTls)) {
    return makeStep(
      STEP.authTls,
      question,
      "yes",
      "AuthMechanism is not in the paste; certflow assumes it includes Tls, as on every default connector.",
      {
        caveats: [
          "Cannot tell whether STARTTLS is offered at all: paste `Get-ReceiveConnector | fl` to see AuthMechanism.",
          disabled,
        ],
      },
    );
  }
  const shown = authTokens(auth).join(", ") || "(empty)";
  if (hasTls) {
    return makeStep(
      STEP.authTls,
      question,
      "yes",
      `AuthMechanism is ${shown}: it includes Tls, so Exchange looks for a certificate when a session starts.`,
      {
        caveats: [disabled],
      },
    );
  }
  return makeStep(
    STEP.authTls,
    question,
    "no",
    `AuthMechanism is ${shown}: without Tls, Exchange does not advertise STARTTLS on this connector and loads no certificate (no event is logged for this).`,
    { caveats: [disabled] },
  );
}

/** A send connector with IgnoreSTARTTLS $true never starts TLS (domain F2.1.7). */
export function sendStarttlsStep(connector: SendConnector): SelectionStep {
  const question = "Does the connector use STARTTLS (IgnoreSTARTTLS is not $true)?";
  const disabled = disabledNote(connector.enabled);
  if (connector.ignoreStartTLS === true) {
    return makeStep(
      STEP.sendStarttls,
      question,
      "no",
      "IgnoreSTARTTLS is True: the connector ignores the STARTTLS that remote servers offer, so it never uses a certificate.",
      { caveats: [disabled] },
    );
  }
  const detail =
    connector.ignoreStartTLS === false
      ? "IgnoreSTARTTLS is False: the connector starts TLS when the remote server offers it."
      : "IgnoreSTARTTLS is not in the paste; its default ($false) means the connector starts TLS when the remote server offers it.";
  return makeStep(STEP.sendStarttls, question, "yes", detail, { caveats: [disabled] });
}
