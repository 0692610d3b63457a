import { nearDn, sameDn } from "../../../model/distinguished-name";
import { coversName } from "../../../model/hostname";
import {
  formatTlsCertificateName,
  type ParsedTlsCertificateName,
  parseTlsCertificateName,
  type TlsNameProblem,
  tlsNameProblem,
} from "../../../model/tls-certificate-name";
import { ASK_FOR_CERT_LIST, connectorCmdlet, type Direction, type Drop, makeStep, type StepResult } from "../build";
import type { Candidate, SelectionContext } from "../context";
import {
  hasTlsCertificateName,
  isAuthCertificate,
  label,
  listText,
  namesOf,
  plural,
  statusValid,
  versionText,
} from "../facts";
import { pickLatest } from "../latest";
import { STEP } from "../step-ids";
import type { SelectionStep } from "../types";
import { undecided, withUndecided } from "../undecided";

/** The TlsCertificateName path (domain F1.1.4, F1.2, F4; 12.1 and 12.3). */

export function tlsnameSetStep(
  value: string | undefined,
  ctx: SelectionContext,
  direction: Direction,
): { step: SelectionStep; value: string | undefined } {
  const question = "Is TlsCertificateName set on the connector?";
  if (!hasTlsCertificateName(ctx.version)) {
    const shown = value !== undefined && value.trim() !== "";
    return {
      step: makeStep(
        STEP.tlsnameSet,
        question,
        "skipped",
        `${versionText(ctx.version)} has no TlsCertificateName on connectors (it came with Exchange 2013): the certificate is chosen by name.`,
        {
          caveats: [
            shown
              ? `The paste shows a TlsCertificateName value, which ${versionText(ctx.version)} does not have: is the server version right?`
              : undefined,
          ],
        },
      ),
      value: undefined,
    };
  }
  if (value === undefined) {
    return {
      step: makeStep(
        STEP.tlsnameSet,
        question,
        "no",
        "TlsCertificateName is not in the paste; certflow assumes it is empty, so the certificate is chosen by name.",
        {
          caveats: [
            `TlsCertificateName is not in the paste; assumed empty. Paste \`${connectorCmdlet(direction)}\` to be sure: if it is set, Exchange uses only it.`,
          ],
        },
      ),
      value: undefined,
    };
  }
  const trimmed = value.trim();
  if (trimmed === "") {
    return {
      step: makeStep(
        STEP.tlsnameSet,
        question,
        "no",
        "TlsCertificateName is empty, so the certificate is chosen by name (the Fqdn path).",
      ),
      value: undefined,
    };
  }
  return {
    step: makeStep(
      STEP.tlsnameSet,
      question,
      "yes",
      `TlsCertificateName is ${trimmed}: Exchange looks only for a certificate with this issuer and subject, and never falls back to the Fqdn.`,
    ),
    value: trimmed,
  };
}

export function tlsnameSyntaxStep(
  value: string,
  cutByConsole: boolean,
): { step: SelectionStep; parsed: ParsedTlsCertificateName } {
  const question = "Is the value a well-formed <I>issuer<S>subject?";
  const parsed = withConsoleCut(parseTlsCertificateName(value), cutByConsole);
  if (parsed.ok) {
    return {
      step: makeStep(STEP.tlsnameSyntax, question, "yes", `Issuer: ${parsed.issuer}. Subject: ${parsed.subject}.`),
      parsed,
    };
  }
  return {
    step: makeStep(STEP.tlsnameSyntax, question, "no", parsed.problems.map((p) => p.message).join(" ")),
    parsed,
  };
}

/** The parser can see a width cut that left no `...` marker; the value is then cut whatever its text says. */
function withConsoleCut(parsed: ParsedTlsCertificateName, cut: boolean): ParsedTlsCertificateName {
  if (!cut) return parsed;
  if (parsed.ok)
    return { ok: false, problems: [tlsNameProblem("truncated")], issuer: parsed.issuer, subject: parsed.subject };
  if (parsed.problems.some((p) => p.code === "truncated")) return parsed;
  return { ...parsed, problems: [...parsed.problems, tlsNameProblem("truncated")] };
}

const CUT_ONLY: ReadonlySet<TlsNameProblem["code"]> = new Set(["truncated", "missing-subject-tag", "empty-subject"]);

/** A value the console cut is still matched by its visible start; any other defect matches nothing. */
export function tlsnameCutStep(
  parsed: Extract<ParsedTlsCertificateName, { ok: false }>,
  direction: Direction,
): { step: SelectionStep; prefix: string | undefined } {
  const question = "Was the value only cut by the console, so its visible start can be matched?";
  const onlyCut =
    parsed.problems.some((p) => p.code === "truncated") && parsed.problems.every((p) => CUT_ONLY.has(p.code));
  if (onlyCut && parsed.issuer !== undefined) {
    const prefix =
      parsed.subject === undefined ? `<I>${parsed.issuer}` : formatTlsCertificateName(parsed.issuer, parsed.subject);
    return {
      step: makeStep(
        STEP.tlsnameCut,
        question,
        "yes",
        `Only the end is missing; certflow looks for certificates whose <I>issuer<S>subject starts with ${prefix}.`,
        {
          caveats: [
            `A cut value cannot be matched exactly: paste \`${connectorCmdlet(direction)}\` from a wider console (Format-List wraps instead of cutting) to be sure.`,
          ],
        },
      ),
      prefix,
    };
  }
  return {
    step: makeStep(
      STEP.tlsnameCut,
      question,
      "no",
      "The value is malformed, not just cut: no certificate's issuer and subject can match it, so certflow predicts no match.",
      {
        caveats: [
          "The error Set-ReceiveConnector/Set-SendConnector gives for a malformed value is not documented: Exchange may have refused to store it, so check the value as stored.",
        ],
      },
    ),
    prefix: undefined,
  };
}

export type TlsNameKey =
  | { readonly kind: "exact"; readonly issuer: string; readonly subject: string }
  | { readonly kind: "prefix"; readonly prefix: string };

export function tlsnameMatchStep(
  key: TlsNameKey,
  value: string,
  hostName: string | undefined,
  ctx: SelectionContext,
  direction: Direction,
): StepResult {
  const question = "Does a certificate on the server have this issuer and subject?";
  const kept: Candidate[] = [];
  const dropped: Drop[] = [];
  let nearMiss = false;
  let missingData = false;
  for (const c of ctx.certificates) {
    const reason = mismatch(c, key);
    if (reason === undefined) {
      kept.push(c);
      continue;
    }
    if (reason.kind === "near") nearMiss = true;
    if (reason.kind === "unknown") missingData = true;
    dropped.push({ candidate: c, reason: reason.text });
  }
  const server = ctx.serverName ?? "this server";
  const caveats = [
    ctx.certificates.length === 0
      ? `No Get-ExchangeCertificate output for ${server} is in the paste: certflow cannot tell whether the certificate is installed.`
      : undefined,
    missingData
      ? `Some certificates' issuer or subject is cut or missing, so they could not be compared. ${ASK_FOR_CERT_LIST}`
      : undefined,
    nearMiss
      ? "A certificate has the same issuer and subject parts written differently (order, spacing, quotes or S/ST). Exchange compares the text as printed; whether it normalises DNs is not documented. Copy the value from `$cert.Issuer` and `$cert.Subject`."
      : undefined,
    ...kept
      .filter((c) => isAuthCertificate(c.cert))
      .map(
        (c) =>
          `${label(c)} is the Exchange Server Auth Certificate (the OAuth certificate): TlsCertificateName names it, so Exchange uses it, but it is not meant for transport TLS.`,
      ),
  ];
  if (kept.length > 0) {
    return {
      step: makeStep(
        STEP.tlsnameMatch,
        question,
        "yes",
        `${plural(kept.length, "certificate")} on ${server} ${kept.length === 1 ? "matches" : "match"}: ${listText(kept.map(label))}.`,
        { kept, dropped, caveats },
      ),
      next: kept,
    };
  }
  const unused =
    hostName === undefined
      ? []
      : ctx.certificates.filter(
          (c) => !isAuthCertificate(c.cert) && namesOf(c.cert).some((n) => coversName(n, hostName)),
        );
  const fallback =
    unused.length > 0
      ? ` ${listText(unused.map(label))} ${unused.length === 1 ? "covers" : "cover"} ${hostName} but ${unused.length === 1 ? "is" : "are"} not used.`
      : "";
  const effect =
    direction === "inbound"
      ? `Exchange does not fall back to the Fqdn when TlsCertificateName is set (KB 2989382): the connector offers no STARTTLS and event 12014 names ${value} as the "domain name".`
      : "The send connector does not fall back to the Fqdn: it fails with 454 4.7.5 The certificate specified in TlsCertificateName of the SendConnector could not be found.";
  return {
    step: makeStep(STEP.tlsnameMatch, question, "no", `No certificate on ${server} matches. ${effect}${fallback}`, {
      dropped,
      caveats,
    }),
    next: [],
  };
}

type Mismatch = { readonly kind: "near" | "unknown" | "differs"; readonly text: string };

function mismatch(c: Candidate, key: TlsNameKey): Mismatch | undefined {
  const { cert } = c;
  for (const field of ["subject", "issuer"] as const) {
    if (cert.truncated.includes(field)) return { kind: "unknown", text: `${field} cut by the console` };
    if (cert[field] === undefined) return { kind: "unknown", text: `${field} not in the paste` };
  }
  const issuer = cert.issuer ?? "";
  const subject = cert.subject ?? "";
  if (key.kind === "prefix") {
    return formatTlsCertificateName(issuer, subject).toLowerCase().startsWith(key.prefix.toLowerCase())
      ? undefined
      : { kind: "differs", text: "its <I>issuer<S>subject does not start with the visible part of the value" };
  }
  // `matchesTlsCertificateName` (both are pasted here), with each comparison made once for the reasons below.
  const issuerSame = sameDn(issuer, key.issuer);
  const subjectSame = sameDn(subject, key.subject);
  if (issuerSame && subjectSame) return undefined;
  if ((issuerSame || nearDn(issuer, key.issuer)) && (subjectSame || nearDn(subject, key.subject))) {
    return {
      kind: "near",
      text: "same issuer and subject parts, written differently (order, spacing, quotes or S/ST)",
    };
  }
  if (subjectSame) return { kind: "differs", text: `same subject, different issuer (${issuer})` };
  if (issuerSame) return { kind: "differs", text: `same issuer, different subject (${subject})` };
  return { kind: "differs", text: "different issuer and subject" };
}

/** A TlsCertificateName match that fails chain or revocation checks acts as "not found" (domain F1.2.5, MEDIUM). */
export function tlsnameStatusStep(candidates: readonly Candidate[], direction: Direction): StepResult {
  const question = "Does at least one matching certificate have Status Valid?";
  const kept: Candidate[] = [];
  const dropped: Drop[] = [];
  const unknown: Candidate[] = [];
  for (const c of candidates) {
    const valid = statusValid(c.cert);
    if (valid === false) {
      dropped.push({
        candidate: c,
        reason: `Status ${c.cert.status}: on this path a certificate that fails validation (chain, revocation or dates) acts as not found`,
      });
      continue;
    }
    if (valid === undefined) unknown.push(c);
    kept.push(c);
  }
  const caveats = [
    dropped.length > 0
      ? "MEDIUM: inferred from Status (from the June 2025 Exchange Team blog). `Get-ChildItem Cert:\\LocalMachine\\My\\<thumbprint> | Test-Certificate | fl` shows the chain problem."
      : undefined,
    dropped.some((d) => d.candidate.cert.status?.trim().toLowerCase() === "dateinvalid")
      ? "For a certificate that is only out of date (DateInvalid) the sources are less sure: an expired TlsCertificateName match probably acts as not found, LOW confidence (the June 2025 Exchange Team blog; no Microsoft Learn page confirms it)."
      : undefined,
    unknown.length > 0
      ? `Status of ${listText(unknown.map((c) => c.key))} is not in the paste; certflow assumes Valid. ${ASK_FOR_CERT_LIST}`
      : undefined,
  ];
  if (kept.length > 0) {
    return {
      step: makeStep(
        STEP.tlsnameStatus,
        question,
        "yes",
        `Status Valid (or not in the paste): ${listText(kept.map(label))}.`,
        {
          kept,
          dropped,
          caveats,
        },
      ),
      next: kept,
    };
  }
  const effect =
    direction === "inbound"
      ? "so the connector offers no STARTTLS (event 12014), as if the certificate were missing."
      : "so the send connector fails with 454 4.7.5 (the matching certificate is invalid).";
  return {
    step: makeStep(STEP.tlsnameStatus, question, "no", `Every matching certificate fails validation, ${effect}`, {
      dropped,
      caveats,
    }),
    next: [],
  };
}

/**
 * Several certificates with the same issuer and subject (a renewal kept next
 * to the old one): the product doc sorts by newest NotBefore, the 2025 blog
 * says latest NotAfter (domain D1). certflow follows NotBefore and says when
 * the other rule would pick another certificate.
 */
export function tlsnameTiebreakStep(candidates: readonly [Candidate, ...Candidate[]]): {
  step: SelectionStep;
  chosen: Candidate;
} {
  const question = "Do several certificates match (and which one is newest)?";
  const [only] = candidates;
  if (candidates.length === 1) {
    return {
      step: makeStep(STEP.tlsnameTiebreak, question, "no", `Only ${label(only)} matches, so Exchange uses it.`, {
        kept: [only],
      }),
      chosen: only,
    };
  }
  const byNotBefore = pickLatest(candidates, "notBefore");
  const byNotAfter = pickLatest(candidates, "notAfter");
  const chosen = byNotBefore.winner;
  const disagree =
    byNotAfter.winner !== chosen
      ? `Sources conflict: the Microsoft Learn article sorts by newest NotBefore (used here), the June 2025 Exchange Team blog says Exchange takes the latest NotAfter, which would be ${label(byNotAfter.winner)}. Keep only one certificate with this issuer and subject to be sure.`
      : undefined;
  const step = makeStep(
    STEP.tlsnameTiebreak,
    question,
    "yes",
    `${plural(candidates.length, "certificate")} match; the one with the newest NotBefore is ${label(chosen)}.`,
    {
      kept: [chosen],
      dropped: byNotBefore.dropped,
      caveats: [byNotBefore.caveat, disagree, disagree === undefined ? undefined : byNotAfter.caveat],
    },
  );
  // The NotAfter reading counts only where the step gives it: when the two sources' rules pick differently.
  const undecidedDates = [
    ...undecided("NotBefore", byNotBefore.unordered),
    ...(disagree === undefined ? [] : undecided("NotAfter", byNotAfter.ambiguous)),
  ];
  return { step: withUndecided(step, undecidedDates), chosen };
}
