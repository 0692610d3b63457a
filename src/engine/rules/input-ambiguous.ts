import { certificateLabel } from "../fix/steps";
import { STEP } from "../select/step-ids";
import { undecidedDates } from "../select/undecided";
import { daysLeft, dayText, EXPIRING_DAYS, expiryState, readingsOf } from "./lib/expiry";
import { listText, serverText } from "./lib/labels";
import type { FixStep, RuleContext, RuleResult } from "./types";
import { defineRule } from "./types";

type Messages = "date";

/**
 * A console date that reads two ways (`12/02/2018`: 12 February or 2
 * December) and where the reading changes a verdict: expired or not,
 * expiring within 60 days or not, or which certificate a tie-break picks.
 * Other rules give no verdict that depends on it; this one says both readings
 * and how to paste an unambiguous date.
 */
export default defineRule<Messages>({
  id: "INPUT_AMBIGUOUS",
  title: "A pasted date can be read two ways, and it matters",
  severity: "info",
  docs: {
    summary:
      "A date in the paste can be read day-first or month-first and the two readings lead to different verdicts.",
    behaviour:
      "PowerShell prints dates in the session's culture (12/02/2018 is 12 February in en-GB and 2 December in en-US), and a Format-List paste does not say which culture printed it. certflow decides from the other dates of the paste when it can (a day above 12, a 24-hour clock); when it cannot, it keeps both readings and gives no verdict that depends on the choice: whether the certificate has expired or expires within 60 days, and which of several matching certificates Exchange takes.",
    fix: "Paste the dates in an unambiguous form: Get-ExchangeCertificate | fl Thumbprint,@{n='NotBefore';e={$_.NotBefore.ToString('o')}},@{n='NotAfter';e={$_.NotAfter.ToString('o')}}, or the output of Get-ExchangeCertificate | ConvertTo-Json.",
    facts: ["F6.2.1", "F1.1.10", "F1.2.3", "D1"],
    sources: [
      "https://learn.microsoft.com/en-us/powershell/module/exchangepowershell/get-exchangecertificate",
      "https://learn.microsoft.com/en-us/exchange/mail-flow/mail-routing/inbound-starttls-certificates-selection",
    ],
  },
  messages: {
    date: "{field} of {certificate} on {server} is “{raw}”, which this paste does not decide between {readings}, and the choice matters: {consequences}. certflow gives no verdict that depends on it. To decide, paste the dates in ISO form (the fix shows how) or the output of Get-ExchangeCertificate | ConvertTo-Json.",
  },
  check(ctx) {
    const results: RuleResult<Messages>[] = [];
    // Read from every selection only once a date is ambiguous: most pastes have none.
    let unordered: Map<string, Set<string>> | undefined;
    const presentingDependsOn = (id: string) => {
      unordered ??= unorderedTieBreaks(ctx);
      return unordered.get(id);
    };
    for (const cert of ctx.installedCertificates()) {
      for (const field of ["NotBefore", "NotAfter"] as const) {
        const value = field === "NotBefore" ? cert.notBefore : cert.notAfter;
        const times = readingsOf(value);
        if (value === undefined || value.iso !== null || times.length < 2) continue;
        const consequences = [
          ...(field === "NotAfter" ? expiryConsequence(times, ctx.asOf) : []),
          ...[...(presentingDependsOn(`${field}|${cert.thumbprint}`) ?? [])].map(
            (connector) => `which certificate '${connector}' presents depends on it`,
          ),
        ];
        if (consequences.length === 0) continue;
        results.push({
          messageId: "date",
          data: {
            field,
            certificate: certificateLabel(cert),
            server: serverText(cert.server),
            raw: value.raw,
            readings: listText([...times].sort((a, b) => a - b).map(dayText)),
            consequences: consequences.join("; "),
          },
          server: cert.server,
          thumbprint: cert.thumbprint,
          sources: [cert.source],
          fix: [isoDates(cert.server)],
        });
      }
    }
    return results;
  },
});

/** Expired / expiring within 60 days / valid under each reading, when they differ. */
function expiryConsequence(times: readonly number[], asOf: Date): string[] {
  const states = new Set(times.map((t) => expiryState(t, asOf)));
  if (states.size < 2) return [];
  const sentence = [...times]
    .sort((a, b) => a - b)
    .map((t) => {
      const state = expiryState(t, asOf);
      const days = daysLeft(t, asOf);
      const verdict =
        state === "expired"
          ? `expired ${-days} days before ${dayText(asOf.getTime())}`
          : state === "expiring"
            ? `expires in ${days} days (under ${EXPIRING_DAYS})`
            : `has ${days} days left`;
      return `read as ${dayText(t)} it ${verdict}`;
    })
    .join(", ");
  return [sentence];
}

/**
 * Connectors whose tie-break (newest NotBefore, or the NotAfter rule in the
 * caveat) could not order a certificate against another, keyed by
 * `field|key`: built once, so each ambiguous date is a lookup.
 */
function unorderedTieBreaks(ctx: RuleContext): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const note = (field: string, key: string, connector: string) => {
    const id = `${field}|${key}`;
    out.set(id, (out.get(id) ?? new Set()).add(connector));
  };
  for (const selection of ctx.selections) {
    for (const step of selection.steps) {
      if (step.id !== STEP.newest && step.id !== STEP.tlsnameTiebreak) continue;
      for (const { field, key } of undecidedDates(step)) note(field, key, selection.connector);
    }
  }
  return out;
}

function isoDates(server: string | undefined): FixStep {
  return {
    phase: "inspect",
    why: `Paste the certificate dates in ISO form: Get-ExchangeCertificate${
      server ? ` -Server ${server}` : ""
    } | fl Thumbprint,@{n='NotBefore';e={$_.NotBefore.ToString('o')}},@{n='NotAfter';e={$_.NotAfter.ToString('o')}}`,
    commands: [],
  };
}
