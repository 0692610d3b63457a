import { ASK_FOR_CERT_LIST, type Direction, makeStep } from "../build";
import type { Candidate, SelectionContext } from "../context";
import { ambiguityNote, asOfSentence, asOfText, dateText, isBefore } from "../dates";
import { isSmtpEnabled, label } from "../facts";
import { STEP } from "../step-ids";
import type { SelectionStep } from "../types";

/**
 * Notes on the chosen certificate. On 2013 and later none of them is a
 * filter: Exchange uses the certificate and the handshake or the peer fails
 * later (domain D2, D3, D4).
 */

/** Only on the TlsCertificateName path; on the Fqdn path a private key is an eligibility filter. */
export function chosenKeyStep(chosen: Candidate, direction: Direction): SelectionStep {
  const question = "Does the chosen certificate have a private key?";
  if (chosen.cert.hasPrivateKey === true) {
    return makeStep(STEP.chosenKey, question, "yes", `${label(chosen)} has a private key.`, { kept: [chosen] });
  }
  if (chosen.cert.hasPrivateKey === undefined) {
    return makeStep(
      STEP.chosenKey,
      question,
      "yes",
      `HasPrivateKey of ${label(chosen)} is not in the paste; certflow assumes it has one.`,
      {
        kept: [chosen],
        caveats: [`Cannot tell whether it has a private key. ${ASK_FOR_CERT_LIST}`],
      },
    );
  }
  return makeStep(
    STEP.chosenKey,
    question,
    "no",
    `${label(chosen)} has no private key. Found through TlsCertificateName, it is still used, and the TLS handshake fails with NoCredentials (KB 4495258).`,
    {
      kept: [chosen],
      caveats: [
        direction === "inbound"
          ? "KB 4495258 describes the send side; whether the inbound TlsCertificateName path skips a certificate without a private key instead is not confirmed."
          : undefined,
      ],
    },
  );
}

export function chosenSmtpStep(chosen: Candidate, ctx: SelectionContext, direction: Direction): SelectionStep {
  const question = "Is the chosen certificate enabled for the SMTP service?";
  const smtp = isSmtpEnabled(chosen.cert);
  if (smtp === true) {
    return makeStep(STEP.chosenSmtp, question, "yes", `${label(chosen)} is enabled for SMTP.`, { kept: [chosen] });
  }
  if (smtp === undefined) {
    return makeStep(
      STEP.chosenSmtp,
      question,
      "yes",
      `The services of ${label(chosen)} are not in the paste; certflow assumes SMTP is enabled.`,
      {
        kept: [chosen],
        caveats: [
          `Cannot tell whether it is enabled for SMTP; without it the TLS handshake fails. ${ASK_FOR_CERT_LIST}`,
        ],
      },
    );
  }
  const failure =
    direction === "inbound"
      ? "the TLS handshake then fails, because the transport service cannot read its private key"
      : "outbound TLS then fails with UnknownCredentials (KB 4051498)";
  return makeStep(
    STEP.chosenSmtp,
    question,
    "no",
    `${label(chosen)} is not enabled for SMTP. Exchange 2013 and later still choose it (the SMTP service is not a selection filter) and ${failure} (Microsoft Learn, 'Inbound STARTTLS certificates selection', and the Exchange Team blog of June 2025).`,
    {
      kept: [chosen],
      caveats: [
        ctx.version === undefined
          ? "The Exchange version is not in the paste; certflow assumes 2013 or later. On Exchange 2010 a certificate without SMTP is left out instead."
          : undefined,
      ],
    },
  );
}

const expiryQuestion = (day: string) => `Is the chosen certificate still valid on ${day}?`;

export function chosenExpiryStep(
  chosen: Candidate,
  asOf: Date,
  path: "tlsname" | "fqdn",
  direction: Direction,
): SelectionStep {
  const question = asOfSentence(asOf, expiryQuestion);
  const { notAfter, notBefore } = chosen.cert;
  const expired = isBefore(notAfter, asOf);
  const notYet = isBefore(notBefore, asOf) === "no";
  const notYetNote = notYet
    ? `Its NotBefore (${dateText(notBefore)}) is after ${asOfText(asOf)}; how Exchange treats a certificate that is not yet valid is not documented.`
    : undefined;
  if (expired === "yes") {
    const effect =
      direction === "inbound"
        ? "Exchange still uses it and advertises STARTTLS, and logs event 12016; senders that validate certificates reject it"
        : "remote servers that validate certificates (Exchange Online among them) reject it";
    return makeStep(
      STEP.chosenExpiry,
      question,
      "no",
      `${label(chosen)} expired on ${dateText(notAfter)}: ${effect} (Microsoft Learn, 'Inbound STARTTLS certificates selection').`,
      {
        kept: [chosen],
        caveats: [
          path === "tlsname" && direction === "inbound"
            ? "On the TlsCertificateName path the sources suggest an expired certificate may instead be treated as not found (no STARTTLS, event 12014); LOW confidence (the June 2025 Exchange Team blog; no Microsoft Learn page confirms it)."
            : undefined,
          direction === "outbound"
            ? "What a send connector does with an expired certificate is not documented."
            : undefined,
          notYetNote,
        ],
      },
    );
  }
  if (expired === "unknown") {
    return makeStep(
      STEP.chosenExpiry,
      question,
      "yes",
      `certflow cannot tell whether ${label(chosen)} has expired; NotAfter: ${dateText(notAfter)}.`,
      {
        kept: [chosen],
        caveats: [
          ambiguityNote("Its NotAfter", notAfter) ??
            `Its NotAfter is not in the paste; certflow assumes it has not expired. ${ASK_FOR_CERT_LIST}`,
          notYetNote,
        ],
      },
    );
  }
  return makeStep(STEP.chosenExpiry, question, "yes", `${label(chosen)} is valid until ${dateText(notAfter)}.`, {
    kept: [chosen],
    caveats: [notYetNote],
  });
}
