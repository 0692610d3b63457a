import type { Certificate } from "../../model/certificate";
import { coversName } from "../../model/hostname";
import { memoiseByObject } from "../../model/memo";
import { certificateLabel, tlsNameOf } from "../fix/steps";
import { isAuthCertificate, isSelfSigned, isSmtpEnabled, namesOf, statusValid } from "../select/facts";
import { STEP } from "../select/step-ids";
import type { Selection } from "../select/types";
import { byServer, sourcesOf, withThumbprint } from "./lib/certificates";
import { agreedExpiry } from "./lib/expiry";
import { listText, serverText } from "./lib/labels";
import type { RuleContext, RuleResult } from "./types";
import { defineRule } from "./types";

type Messages = "shadowed";

interface Shadow {
  readonly cert: Certificate;
  readonly connectors: string[];
  readonly winner: Certificate;
  readonly reason: string;
}

/**
 * A usable, SMTP-enabled CA certificate that covers a connector's name but
 * that Exchange never presents, because another one takes precedence: a
 * newer NotBefore on the Fqdn path (domain F1.1.10), or the connector's
 * TlsCertificateName (F1.2.2). Information, since nothing fails; it explains
 * why a renewal "did not take" or why the wrong CA's certificate is used (E7.8).
 */
export default defineRule<Messages>({
  id: "CERT_SHADOWED",
  title: "An SMTP certificate covering a connector's name is never used",
  severity: "info",
  docs: {
    summary:
      "An SMTP-enabled certificate from a CA covers a connector's FQDN but Exchange never chooses it, because another certificate takes precedence.",
    behaviour:
      "Among the certificates that cover a connector's FQDN, Exchange takes the valid CA-issued one with the newest NotBefore, and with TlsCertificateName set it takes the named certificate whatever else covers the name. A second certificate for the same name therefore sits unused: after a renewal from another CA while the connector still names the old one, or when an internal-CA certificate and a public one both cover the server's name (KB 2888788, where Exchange presented the internal one to Exchange Online).",
    fix: "If the unused certificate is the one meant for SMTP, point the connector at it with TlsCertificateName; if it is a leftover, remove it once nothing else (IIS, POP/IMAP) uses it.",
    facts: ["F1.1.10", "F1.2.2", "E7.8", "D1"],
    sources: [
      "https://learn.microsoft.com/en-us/exchange/mail-flow/mail-routing/inbound-starttls-certificates-selection",
      "https://learn.microsoft.com/en-us/exchange/troubleshoot/email-delivery/mail-flow-stops-event-2004",
    ],
  },
  messages: {
    shadowed:
      "{certificate} on {server} is enabled for SMTP and covers the name of {connectors}, but Exchange never presents it: {winner} takes precedence ({reason}). Nothing fails because of it; if it is the certificate meant for SMTP, point the connector at it with TlsCertificateName, and if it is a leftover, remove it once nothing else uses it.",
  },
  check(ctx) {
    const installedOn = byServer(ctx.installedCertificates());
    const chosen = new Set<string>();
    for (const s of ctx.selections) if (s.certificate) chosen.add(keyOf(s.certificate));
    // Whether a certificate could be reported at all, once per certificate: asked before the names of every
    // certificate of a server are compared with each of its connectors' FQDN, and most (self-signed, the auth
    // certificate, the chosen ones) never could.
    const reportable = new Map<Certificate, boolean>();
    const canReport = (cert: Certificate) => {
      let can = reportable.get(cert);
      if (can === undefined) {
        can = !chosen.has(keyOf(cert)) && usableForSmtp(ctx, cert);
        reportable.set(cert, can);
      }
      return can;
    };
    const shadows = new Map<string, Shadow>();
    for (const selection of ctx.selections) {
      const winner = selection.certificate;
      if (!winner) continue;
      for (const { cert, reason } of shadowedIn(selection, winner, installedOn(selection.server), canReport)) {
        const key = keyOf(cert);
        const entry = shadows.get(key) ?? { cert, connectors: [], winner, reason };
        if (!entry.connectors.includes(selection.connector)) entry.connectors.push(selection.connector);
        shadows.set(key, entry);
      }
    }
    return [...shadows.values()].map(
      ({ cert, connectors, winner, reason }): RuleResult<Messages> => ({
        messageId: "shadowed",
        data: {
          certificate: certificateLabel(cert),
          server: serverText(cert.server),
          connectors: listText(connectors.map((c) => `'${c}'`)),
          winner: certificateLabel(winner),
          reason,
        },
        server: cert.server,
        connector: connectors[0],
        thumbprint: cert.thumbprint,
        sources: sourcesOf(ctx, cert),
      }),
    );
  },
});

/** The reportable certificates of the server that the selection passes over, with why. */
function shadowedIn(
  selection: Selection,
  winner: Certificate,
  onServer: readonly Certificate[],
  canReport: (cert: Certificate) => boolean,
): { cert: Certificate; reason: string }[] {
  if (selection.via === "TlsCertificateName") {
    const name = selection.fqdn;
    const winnerName = foldedTlsName(winner);
    if (!name) return [];
    return onServer
      .filter((c) => canReport(c) && foldedTlsName(c) !== winnerName && namesOf(c).some((n) => coversName(n, name)))
      .map((cert) => ({
        cert,
        reason: `the connector's TlsCertificateName names it, and Exchange does not look at ${name} then`,
      }));
  }
  const newest = selection.steps.find((s) => s.id === STEP.newest);
  const byThumbprint = withThumbprint(onServer);
  return (newest?.dropped ?? []).flatMap((d) => {
    const cert = byThumbprint.get(d.thumbprint)?.[0];
    return cert && canReport(cert) ? [{ cert, reason: d.reason }] : [];
  });
}

function usableForSmtp(ctx: RuleContext, cert: Certificate): boolean {
  return (
    !isAuthCertificate(cert) &&
    isSelfSigned(cert) === false &&
    isSmtpEnabled(cert) === true &&
    cert.hasPrivateKey !== false &&
    statusValid(cert) !== false &&
    agreedExpiry(cert.notAfter, ctx.asOf)?.state !== "expired"
  );
}

/**
 * Server and thumbprint: the table row and the list record of one certificate are one. Made once per certificate:
 * every selection's winner is keyed, and each certificate it shadows.
 */
const keyOf = memoiseByObject(
  (cert: Certificate) => `${(cert.server ?? "").trim().toLowerCase()}|${cert.thumbprint ?? cert.subject ?? ""}`,
);

/** `tlsNameOf` lower-cased, once per certificate: each is compared with the winner of every connector of its server. */
const foldedTlsName = memoiseByObject((cert: Certificate) => tlsNameOf(cert)?.toLowerCase());
