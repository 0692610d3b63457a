import { ASK_FOR_CERT_LIST, type Drop, makeStep, type StepResult } from "../build";
import type { Candidate } from "../context";
import { ambiguityNote, asOfSentence, dateText, isBefore } from "../dates";
import { isSelfSigned, label, listText, statusValid } from "../facts";
import { pickLatest } from "../latest";
import { STEP } from "../step-ids";
import type { SelectionStep } from "../types";
import { undecided, withUndecided } from "../undecided";

type Kind = "valid-ca" | "self-signed" | "other-ca" | "unknown";

interface Classified {
  readonly candidate: Candidate;
  readonly kind: Kind;
  /** Why a CA-issued certificate is not a valid one. */
  readonly flaw?: string;
}

function classify(c: Candidate, asOf: Date): Classified {
  const selfSigned = isSelfSigned(c.cert);
  if (selfSigned === true) return { candidate: c, kind: "self-signed" };
  if (selfSigned === undefined) return { candidate: c, kind: "unknown" };
  if (statusValid(c.cert) === false) return { candidate: c, kind: "other-ca", flaw: `Status ${c.cert.status}` };
  if (isBefore(c.cert.notAfter, asOf) === "yes") {
    return { candidate: c, kind: "other-ca", flaw: `expired on ${dateText(c.cert.notAfter)}` };
  }
  return { candidate: c, kind: "valid-ca" };
}

const preferQuestion = (day: string) =>
  `Is there a valid CA-issued candidate (not self-signed, Status Valid, not expired on ${day})?`;

/**
 * Preference (domain F1.1.10, 12.1): the first valid CA-issued certificate
 * (not self-signed, Status Valid, not expired), else the first self-signed,
 * else the first remaining one. "First" is by newest NotBefore (next step).
 */
export function preferCaStep(candidates: readonly Candidate[], asOf: Date): StepResult {
  const question = asOfSentence(asOf, preferQuestion);
  const all = candidates.map((c) => classify(c, asOf));
  const of = (kind: Kind) => all.filter((x) => x.kind === kind).map((x) => x.candidate);
  const validCa = of("valid-ca");
  const selfSigned = of("self-signed");
  const unknown = of("unknown");
  const caveats = [
    unknown.length > 0
      ? `Whether ${listText(unknown.map((c) => c.key))} ${unknown.length === 1 ? "is" : "are"} self-signed is not in the paste (no IsSelfSigned, Issuer or Subject); certflow does not count ${unknown.length === 1 ? "it" : "them"} as CA-issued. ${ASK_FOR_CERT_LIST}`
      : undefined,
    ...validCa.map((c) =>
      c.cert.status === undefined ? `Status of ${c.key} is not in the paste; certflow assumes Valid.` : undefined,
    ),
    ...validCa.map((c) => ambiguityNote(`NotAfter of ${c.key}`, c.cert.notAfter)),
    ...validCa.map((c) =>
      c.cert.notAfter === undefined
        ? `NotAfter of ${c.key} is not in the paste; certflow assumes it has not expired.`
        : undefined,
    ),
    validCa.length > 1 && validCa.some((c) => c.cert.rootCAType?.toLowerCase() === "enterprise")
      ? "A certificate from an internal (Enterprise) CA counts as CA-issued too: Exchange may present it to peers that do not trust that CA (event 2004, KB 2888788)."
      : undefined,
  ];
  if (validCa.length > 0) {
    const dropped: Drop[] = all
      .filter((x) => x.kind !== "valid-ca")
      .map((x) => ({
        candidate: x.candidate,
        reason:
          x.kind === "self-signed"
            ? "self-signed; a CA-issued candidate exists"
            : x.kind === "unknown"
              ? "cannot tell whether it is self-signed; a valid CA-issued candidate exists"
              : `${x.flaw ?? "not valid"}; a valid CA-issued candidate exists`,
      }));
    return {
      step: makeStep(STEP.preferCa, question, "yes", `Valid CA-issued: ${listText(validCa.map(label))}.`, {
        kept: validCa,
        dropped,
        caveats,
      }),
      next: validCa,
    };
  }
  if (selfSigned.length > 0) {
    const dropped: Drop[] = all
      .filter((x) => x.kind !== "self-signed")
      .map((x) => ({
        candidate: x.candidate,
        reason:
          x.kind === "unknown"
            ? "cannot tell whether it is self-signed; certflow takes the known self-signed candidates first"
            : `CA-issued but ${x.flaw ?? "not valid"}; with no valid CA-issued candidate Exchange takes a self-signed one first`,
      }));
    return {
      step: makeStep(
        STEP.preferCa,
        question,
        "no",
        `No valid CA-issued candidate, so Exchange takes a self-signed one: ${listText(selfSigned.map(label))}.`,
        {
          kept: selfSigned,
          dropped,
          caveats,
        },
      ),
      next: selfSigned,
    };
  }
  return {
    step: makeStep(
      STEP.preferCa,
      question,
      "no",
      `No valid CA-issued and no self-signed candidate, so Exchange takes the first remaining one: ${listText(candidates.map(label))}.`,
      { kept: candidates, caveats },
    ),
    next: candidates,
  };
}

export function newestStep(candidates: readonly [Candidate, ...Candidate[]]): {
  step: SelectionStep;
  chosen: Candidate;
} {
  const question = "Do several candidates remain (then the newest NotBefore wins)?";
  const [only] = candidates;
  if (candidates.length === 1) {
    return {
      step: makeStep(STEP.newest, question, "no", `Only ${label(only)} remains.`, { kept: [only] }),
      chosen: only,
    };
  }
  const latest = pickLatest(candidates, "notBefore");
  return {
    step: withUndecided(
      makeStep(
        STEP.newest,
        question,
        "yes",
        `${label(latest.winner)} has the newest NotBefore (${dateText(latest.winner.cert.notBefore)}).`,
        { kept: [latest.winner], dropped: latest.dropped, caveats: [latest.caveat] },
      ),
      undecided("NotBefore", latest.unordered),
    ),
    chosen: latest.winner,
  };
}
