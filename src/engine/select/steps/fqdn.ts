import type { Certificate } from "../../../model/certificate";
import { certificateNames, coversHostName, normaliseHostName } from "../../../model/hostname";
import { memoiseByObject } from "../../../model/memo";
import { ASK_FOR_CERT_LIST, connectorCmdlet, type Direction, type Drop, makeStep, type StepResult } from "../build";
import type { Candidate, SelectionContext } from "../context";
import { isAuthCertificate, label, listText, namesOf, plural } from "../facts";
import { STEP } from "../step-ids";
import type { SelectionStep, SelectionVia } from "../types";

/** The Fqdn path (domain F1.1.5, F1.1.6, F1.5; 12.1 `else` branch, 12.3). */

export function fqdnNameStep(
  connectorFqdn: string | undefined,
  fqdnCut: boolean,
  ctx: SelectionContext,
  direction: Direction,
): { step: SelectionStep; name: string | undefined; via: Extract<SelectionVia, "Fqdn" | "Default"> } {
  const question = "Does the connector have its own Fqdn (else the server's FQDN is used)?";
  const outboundNote =
    direction === "outbound"
      ? "MEDIUM: for send connectors, choosing the certificate by Fqdn is documented only for Exchange 2007; no 2010-or-later document describes it."
      : undefined;
  const own = connectorFqdn?.trim() ?? "";
  if (own !== "") {
    if (fqdnCut) {
      return {
        step: makeStep(
          STEP.fqdnName,
          question,
          "yes",
          `The connector's Fqdn is shown as ${own}, but the console cut it, so certflow cannot look it up.`,
          {
            caveats: [`Paste \`${connectorCmdlet(direction)}\` to see the whole Fqdn.`, outboundNote],
          },
        ),
        name: undefined,
        via: "Fqdn",
      };
    }
    return {
      step: makeStep(
        STEP.fqdnName,
        question,
        "yes",
        `The connector's Fqdn is ${own}: Exchange looks for a certificate with that name.`,
        {
          caveats: [outboundNote],
        },
      ),
      name: own,
      via: "Fqdn",
    };
  }
  const notShown =
    connectorFqdn === undefined
      ? `The connector's Fqdn is not in the paste; certflow assumes it is empty. Paste \`${connectorCmdlet(direction)}\` to be sure.`
      : undefined;
  if (ctx.serverFqdn === undefined) {
    return {
      step: makeStep(
        STEP.fqdnName,
        question,
        "no",
        "The connector has no Fqdn, so Exchange uses the server's FQDN, which is not in the paste.",
        {
          caveats: [
            notShown,
            "Cannot tell which name Exchange looks for: paste `Get-ExchangeServer | fl Name,Fqdn`.",
            outboundNote,
          ],
        },
      ),
      name: undefined,
      via: "Default",
    };
  }
  return {
    step: makeStep(
      STEP.fqdnName,
      question,
      "no",
      `The connector has no Fqdn, so Exchange looks for the server's FQDN, ${ctx.serverFqdn}.`,
      {
        caveats: [notShown, outboundNote],
      },
    ),
    name: ctx.serverFqdn,
    via: "Default",
  };
}

export function fqdnMatchStep(name: string | undefined, ctx: SelectionContext): StepResult {
  const question =
    name === undefined
      ? "Does a certificate's subject or CertificateDomains cover the name?"
      : `Does a certificate's subject or CertificateDomains cover ${name}?`;
  const server = ctx.serverName ?? "this server";
  if (name === undefined) {
    return {
      step: makeStep(
        STEP.fqdnMatch,
        question,
        "no",
        "There is no name to look up, so certflow cannot match any certificate.",
        {
          dropped: ctx.certificates.map((candidate) => ({
            candidate,
            reason: "the name Exchange looks for is not known",
          })),
          caveats: ["Cannot tell: the result below rests on missing data, not on a real mismatch."],
        },
      ),
      next: [],
    };
  }
  const kept: Candidate[] = [];
  const dropped: Drop[] = [];
  let cut = false;
  let authDropped: Candidate | undefined;
  const target = normaliseHostName(name);
  for (const c of ctx.certificates) {
    const verdict = cover(c, name, target);
    if (verdict.kind === "covers") {
      if (isAuthCertificate(c.cert)) {
        authDropped = c;
        dropped.push({
          candidate: c,
          reason: `the Exchange Server Auth Certificate (the OAuth certificate) lists ${name}, but it is not a transport TLS certificate`,
        });
        continue;
      }
      kept.push(c);
      continue;
    }
    if (verdict.kind === "cut") cut = true;
    const reason = isAuthCertificate(c.cert)
      ? `the Exchange Server Auth Certificate (the OAuth certificate); ${verdict.reason}`
      : verdict.reason;
    dropped.push({ candidate: c, reason });
  }
  const caveats = [
    ctx.certificates.length === 0
      ? `No Get-ExchangeCertificate output for ${server} is in the paste: certflow cannot tell which certificates are installed.`
      : undefined,
    cut
      ? `Some subjects or CertificateDomains were cut by the console, so they cannot be matched exactly. ${ASK_FOR_CERT_LIST}`
      : undefined,
    authDropped === undefined
      ? undefined
      : `certflow keeps ${label(authDropped)} out because it is the OAuth certificate. No source says Exchange skips it by name; if it is ever presented, give the connector an Fqdn that is on your real SMTP certificate.`,
  ];
  if (kept.length > 0) {
    return {
      step: makeStep(
        STEP.fqdnMatch,
        question,
        "yes",
        `${plural(kept.length, "certificate")} on ${server} ${kept.length === 1 ? "covers" : "cover"} ${name}: ${listText(kept.map(label))}.`,
        {
          kept,
          dropped,
          caveats,
        },
      ),
      next: kept,
    };
  }
  return {
    step: makeStep(
      STEP.fqdnMatch,
      question,
      "no",
      `No certificate on ${server} has ${name} in its subject or CertificateDomains.`,
      {
        dropped,
        caveats,
      },
    ),
    next: [],
  };
}

type Cover = { readonly kind: "covers" } | { readonly kind: "cut" | "differs" | "unknown"; readonly reason: string };

interface WholeNames {
  /** As printed (trimmed), for messages. */
  readonly names: readonly string[];
  /** The same names through `normaliseHostName`, for matching. */
  readonly keys: readonly string[];
}

/** Names from a certificate's whole subject and CertificateDomains; once per certificate, for every connector of its server. */
const wholeNames = memoiseByObject((cert: Certificate): WholeNames => {
  const subjectCut = cert.truncated.includes("subject");
  const domainsCut = cert.truncated.includes("domains");
  // Nothing cut (the usual case): the certificate's names as other steps and rules already have them.
  const names =
    subjectCut || domainsCut
      ? certificateNames({
          subject: subjectCut ? undefined : cert.subject,
          domains: domainsCut ? undefined : cert.domains,
        })
      : namesOf(cert);
  return { names, keys: names.map(normaliseHostName) };
});

/**
 * Matches on the whole values only: a cut subject or domain list is never taken as a name (it may be a prefix).
 * `target` is `name` through `normaliseHostName`, folded once for all the server's certificates.
 */
function cover(c: Candidate, name: string, target: string): Cover {
  const { cert } = c;
  const subjectCut = cert.truncated.includes("subject");
  const domainsCut = cert.truncated.includes("domains");
  const { names, keys } = wholeNames(cert);
  if (keys.some((key) => coversHostName(key, target))) return { kind: "covers" };
  if (subjectCut || domainsCut) {
    const what =
      subjectCut && domainsCut ? "subject and CertificateDomains" : subjectCut ? "subject" : "CertificateDomains";
    return { kind: "cut", reason: `${what} cut by the console` };
  }
  if (names.length === 0) {
    const reason =
      cert.subject === undefined && cert.domains === undefined
        ? "subject and CertificateDomains not in the paste"
        : `no host name in its subject${cert.subject === undefined ? "" : ` (${cert.subject})`}`;
    return { kind: "unknown", reason };
  }
  return { kind: "differs", reason: `covers ${listText(names)}, not ${name}${wildcardHint(keys, target)}` };
}

/** `keys` and `target` through `normaliseHostName`. */
function wildcardHint(keys: readonly string[], target: string): string {
  const near = keys.some((name) => {
    if (!name.startsWith("*.")) return false;
    const parent = name.slice(2);
    return target === parent || target.endsWith(`.${parent}`);
  });
  return near ? " (a wildcard covers exactly one left-most label)" : "";
}
