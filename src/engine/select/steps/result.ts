import { type Direction, makeStep } from "../build";
import type { Candidate } from "../context";
import { label } from "../facts";
import { STEP } from "../step-ids";
import type { SelectionStep } from "../types";

const QUESTION: Readonly<Record<Direction, string>> = {
  inbound: "Does the connector offer STARTTLS, and with which certificate?",
  outbound: "Does the connector have a certificate for TLS, and which one?",
};

export function resultStarttlsStep(chosen: Candidate, direction: Direction): SelectionStep {
  const detail =
    direction === "inbound"
      ? `STARTTLS is advertised and ${label(chosen)} is presented.`
      : `${label(chosen)} is the connector's certificate (presented when the remote server asks for one, as Exchange Online does).`;
  return makeStep(STEP.resultStarttls, QUESTION[direction], "yes", detail, { kept: [chosen] });
}

/**
 * Why no certificate: the gate (inbound: AuthMechanism lacks Tls; outbound:
 * IgnoreSTARTTLS), a TlsCertificateName that matched nothing usable, or no
 * eligible certificate for the name.
 */
export type NoneReason = "gate" | "tlsname" | "fqdn";

export function resultNoneStep(reason: NoneReason, direction: Direction): SelectionStep {
  return makeStep(STEP.resultNone, QUESTION[direction], "no", NONE_DETAIL[direction][reason]);
}

const NONE_DETAIL: Readonly<Record<Direction, Readonly<Record<NoneReason, string>>>> = {
  inbound: {
    gate: "No STARTTLS: the connector does not advertise it and loads no certificate.",
    tlsname:
      "No STARTTLS: Exchange logs event 12014 with the TlsCertificateName value as the domain name. Senders that require TLS (Exchange Online: 451 5.7.3 STARTTLS is required to send mail) cannot deliver.",
    fqdn: "No STARTTLS: Exchange logs event 12014 for the name. Senders that require TLS (Exchange Online: 451 5.7.3 STARTTLS is required to send mail) cannot deliver.",
  },
  outbound: {
    gate: "No TLS: the connector sends without STARTTLS, so no certificate is used.",
    tlsname:
      "No certificate: messages queue with 454 4.7.5 The certificate specified in TlsCertificateName of the SendConnector could not be found.",
    fqdn: "No certificate to present: TLS can still be negotiated, but a remote server that asks for a client certificate (Exchange Online does) gets none.",
  },
};
