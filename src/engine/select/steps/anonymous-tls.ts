import type { ReceiveConnector } from "../../../model/connector";
import { normaliseThumbprint } from "../../../model/thumbprint";
import { makeStep } from "../build";
import type { Candidate, SelectionContext } from "../context";
import { ambiguityNote, dateText, isBefore } from "../dates";
import { label } from "../facts";
import { STEP } from "../step-ids";
import type { SelectionStep } from "../types";
import { hasAuthMechanism } from "./gate";

const QUESTION = "Does the connector offer X-ANONYMOUSTLS with the internal transport certificate?";

/**
 * X-ANONYMOUSTLS (domain F2.4.1) is decided apart from STARTTLS: it needs
 * ExchangeServer in AuthMechanism and uses the server's internal transport
 * certificate, never the STARTTLS choice. Informational: it does not change
 * the selected certificate.
 */
export function anonymousTlsStep(connector: ReceiveConnector, ctx: SelectionContext): SelectionStep {
  const auth = connector.authMechanism;
  const offer: Offer =
    auth === undefined
      ? "unknown"
      : !hasAuthMechanism(auth, "ExchangeServer")
        ? "no-exchange-server"
        : connector.suppressXAnonymousTls === true
          ? "suppressed"
          : "offered";
  let onServer = answered.get(ctx);
  if (onServer === undefined) {
    onServer = new Map();
    answered.set(ctx, onServer);
  }
  let step = onServer.get(offer);
  if (step === undefined) {
    step = stepFor(offer, ctx);
    onServer.set(offer, step);
  }
  return step;
}

/** What the connector's own settings say about X-ANONYMOUSTLS; the rest depends only on its server. */
type Offer = "unknown" | "no-exchange-server" | "suppressed" | "offered";

/**
 * Steps made on each server, by what the connector says: every connector of a server with the same settings gets
 * the same step, so it is made once and shared (steps are never changed once made).
 */
const answered = new WeakMap<SelectionContext, Map<Offer, SelectionStep>>();

function stepFor(offer: Offer, ctx: SelectionContext): SelectionStep {
  if (offer === "unknown") {
    return makeStep(
      STEP.anonymousTls,
      QUESTION,
      "no",
      "AuthMechanism is not in the paste, so certflow cannot tell whether X-ANONYMOUSTLS is offered.",
      {
        caveats: ["Cannot tell: paste `Get-ReceiveConnector | fl` to see AuthMechanism."],
      },
    );
  }
  if (offer === "no-exchange-server") {
    return makeStep(
      STEP.anonymousTls,
      QUESTION,
      "no",
      "AuthMechanism has no ExchangeServer, so X-ANONYMOUSTLS (Exchange-to-Exchange TLS) is not offered here.",
    );
  }
  if (offer === "suppressed") {
    return makeStep(
      STEP.anonymousTls,
      QUESTION,
      "no",
      "SuppressXAnonymousTls is True, so X-ANONYMOUSTLS is not advertised.",
    );
  }
  const thumbprint = ctx.internalTransportThumbprint;
  if (thumbprint === undefined) {
    return makeStep(
      STEP.anonymousTls,
      QUESTION,
      "yes",
      "AuthMechanism has ExchangeServer, so X-ANONYMOUSTLS is offered with the server's internal transport certificate.",
      {
        caveats: [
          "Which certificate that is, and whether it is readable, cannot be told: paste `Get-TransportService | fl *Cert*`.",
        ],
      },
    );
  }
  if (thumbprint === "") {
    return makeStep(
      STEP.anonymousTls,
      QUESTION,
      "no",
      "InternalTransportCertificateThumbprint is empty: Exchange cannot read an internal transport certificate, does not advertise X-ANONYMOUSTLS and logs event 12012.",
    );
  }
  const found = findByThumbprint(ctx.certificates, thumbprint);
  if (found === undefined) {
    return makeStep(
      STEP.anonymousTls,
      QUESTION,
      "no",
      `The internal transport certificate ${thumbprint} is not among the certificates pasted for this server: if it is missing from the store, Exchange logs event 12013.`,
      {
        caveats: [
          ctx.certificates.length === 0
            ? "No Get-ExchangeCertificate output for this server is in the paste, so certflow cannot tell whether it is installed."
            : "The pasted certificate list may be incomplete.",
          "Whether X-ANONYMOUSTLS is still advertised then is not documented for 2013 and later; Exchange 2010 documented a fallback to an ephemeral self-signed certificate (event 12024).",
        ],
      },
    );
  }
  return expiryOutcome(found, ctx.asOf);
}

function expiryOutcome(found: Candidate, asOf: Date): SelectionStep {
  const expired = isBefore(found.cert.notAfter, asOf);
  const base = `The internal transport certificate is ${label(found)}`;
  if (expired === "yes") {
    return makeStep(
      STEP.anonymousTls,
      QUESTION,
      "yes",
      `${base}. It expired on ${dateText(found.cert.notAfter)}: Exchange logs event 12015 but still advertises X-ANONYMOUSTLS.`,
      { kept: [found] },
    );
  }
  return makeStep(STEP.anonymousTls, QUESTION, "yes", `${base}, so X-ANONYMOUSTLS is offered with it.`, {
    kept: [found],
    caveats: [
      expired === "unknown" && found.cert.notAfter === undefined
        ? "Its NotAfter is not in the paste, so certflow cannot tell whether it has expired (event 12015)."
        : undefined,
      ambiguityNote("Its NotAfter", found.cert.notAfter),
    ],
  });
}

function findByThumbprint(candidates: readonly Candidate[], thumbprint: string): Candidate | undefined {
  const wanted = normaliseThumbprint(thumbprint)?.value ?? thumbprint.toUpperCase();
  return candidates.find(
    (c) => c.cert.thumbprint !== undefined && normaliseThumbprint(c.cert.thumbprint)?.value === wanted,
  );
}
