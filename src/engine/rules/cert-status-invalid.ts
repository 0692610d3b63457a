import type { Certificate } from "../../model/certificate";
import type { Evidence } from "../../model/evidence";
import { isThumbprint } from "../../model/thumbprint";
import type { FixCommand } from "../fix/command";
import { str } from "../fix/command";
import { certificateLabel } from "../fix/steps";
import { referencesOf, sourcesOf } from "./lib/certificates";
import { listText, serverText } from "./lib/labels";
import type { FixStep, RuleContext, RuleResult } from "./types";
import { defineRule } from "./types";

type Messages = "status" | "named" | "chainTest";

/** What each Status means, and what repairs it (Get-ExchangeCertificate reference; HealthChecker's colours). */
const STATUS: Readonly<Record<string, { meaning: string; repair: string }>> = {
  revocationcheckfailure: {
    meaning:
      "the server could not reach the CA's revocation list (CRL or OCSP), typically because it has no internet access or a proxy blocks it",
    repair:
      "Let the server reach the CRL and OCSP addresses in the certificate (firewall or proxy for the machine account), then run Test-Certificate again.",
  },
  untrusted: {
    meaning:
      "its chain does not end in a root certificate the server trusts, usually because an intermediate or root certificate is missing",
    repair:
      "Install the CA's intermediate certificates in the Local Computer 'Intermediate Certification Authorities' store and its root in 'Trusted Root Certification Authorities'.",
  },
  revoked: {
    meaning: "the certificate authority has revoked it",
    repair: "Replace it with a new certificate from the CA and point everything that names it at the new one.",
  },
  dateinvalid: {
    meaning: "it is outside its validity period (expired, or not valid yet)",
    repair:
      "Renew it (same issuer and subject keep TlsCertificateName values valid), or wait until its NotBefore if it is not valid yet.",
  },
  pendingrequest: {
    meaning: "it is a certificate request that was never completed",
    repair:
      "Complete the request by importing the CA's response with Import-ExchangeCertificate on the server that created it, or remove the stale request.",
  },
};
const UNKNOWN = {
  meaning: "Windows does not consider it valid",
  repair:
    "Run Test-Certificate on the server to see which check fails, then repair the chain or replace the certificate.",
};

/** CERT_TRUST_* flags of Test-Certificate (sample 12) in plain words. */
const FLAGS: readonly (readonly [RegExp, string])[] = [
  [/IS_REVOKED/, "it is revoked"],
  [/UNTRUSTED_ROOT/, "its chain ends in an untrusted root"],
  [/PARTIAL_CHAIN/, "its chain is incomplete (an intermediate certificate is missing)"],
  [/NOT_TIME_VALID/, "it is outside its validity period"],
  [/REVOCATION_STATUS_UNKNOWN|OFFLINE_REVOCATION/, "its revocation status could not be checked"],
  [/NOT_SIGNATURE_VALID/, "a signature in its chain is invalid"],
];

/**
 * Status other than Valid (domain F1.5.5, F1.2.5): HealthChecker flags it
 * (red for Revoked, DateInvalid, Invalid; yellow otherwise). Named by a
 * TlsCertificateName, such a certificate acts as not found (2025 blog).
 */
export default defineRule<Messages>({
  id: "CERT_STATUS_INVALID",
  title: "Certificate status is not Valid",
  severity: "warning",
  docs: {
    summary:
      "Get-ExchangeCertificate shows a Status other than Valid (RevocationCheckFailure, Untrusted, Revoked, DateInvalid, PendingRequest …), or a pasted Test-Certificate chain check fails.",
    behaviour:
      "Status is Windows' chain validation of the certificate on that server. The June 2025 Exchange Team blog shows a TlsCertificateName certificate that was revoked and chained to an untrusted root: the Default Frontend connector stopped offering STARTTLS (as if the certificate were missing) and Exchange Online's mail queued with 451 5.7.3; a send connector fails with 454 4.7.5 when its certificate is invalid. HealthChecker reports Revoked, DateInvalid and Invalid red, the other non-Valid values yellow.",
    fix: "Run Get-ChildItem Cert:\\LocalMachine\\My\\<thumbprint> | Test-Certificate | fl on the server to see which check fails; install the missing intermediate or root certificates, let the server reach the revocation lists, or replace a revoked or expired certificate.",
    facts: ["F1.2.5", "F1.5.5", "E7.1", "E7.13", "D4"],
    sources: [
      "https://techcommunity.microsoft.com/blog/exchange/tls-certificates-in-exchange-hybrid---common-issues--how-to-fix-them/4420592",
      "https://learn.microsoft.com/en-us/powershell/module/exchangepowershell/get-exchangecertificate",
    ],
  },
  messages: {
    status: "{certificate} on {server} has Status {status}: {meaning}. Peers that validate certificates reject it.",
    named:
      "{certificate} on {server} has Status {status}: {meaning}. It is {uses} through TlsCertificateName: a certificate that fails chain or revocation checks acts as not found there (2025 Exchange Team blog), so a receive connector offers no STARTTLS and a send connector fails with 454 4.7.5.",
    chainTest:
      "The pasted Test-Certificate output for {certificate} fails the chain check: {flags}. A certificate that fails chain or revocation checks is not used through TlsCertificateName (no STARTTLS, or 454 4.7.5) and is rejected by peers that validate certificates.{seen} Paste Get-ExchangeCertificate | fl from that server to see where it is used.",
  },
  check(ctx) {
    const results: RuleResult<Messages>[] = [];
    const explained = new Set<Evidence>();
    const tests = ctx.evidence((e) => e.type === "chain-test" && e.code !== "valid");
    for (const cert of ctx.installedCertificates()) {
      const status = cert.status?.trim();
      if (!status || status.toLowerCase() === "valid" || cert.truncated.includes("status")) continue;
      const uses = referencesOf(ctx, cert);
      const named = uses.filter((u) => u.startsWith("named by"));
      const explains = tests.filter(
        (e) => cert.thumbprint !== undefined && e.facts.presentedThumbprint === cert.thumbprint,
      );
      for (const e of explains) explained.add(e);
      const { meaning, repair } = STATUS[status.toLowerCase()] ?? UNKNOWN;
      results.push({
        messageId: named.length > 0 ? "named" : "status",
        data: {
          certificate: certificateLabel(cert),
          server: serverText(cert.server),
          status,
          meaning,
          uses: named.join("; "),
        },
        server: cert.server,
        thumbprint: cert.thumbprint,
        sources: sourcesOf(ctx, cert),
        fix: [testStep(cert.thumbprint, cert.server), { phase: "install", why: repair, commands: [] }],
        explains,
      });
    }
    for (const e of tests) {
      if (explained.has(e)) continue;
      const result = fromChainTest(ctx, e);
      if (result) results.push(result);
    }
    return results;
  },
});

function fromChainTest(ctx: RuleContext, e: Evidence): RuleResult<Messages> | undefined {
  const flags = e.facts.chainStatus ?? [];
  const words = FLAGS.filter(([pattern]) => flags.some((f) => pattern.test(f))).map(([, text]) => text);
  if (words.length === 0 && !/^(?:CRYPT|CERT|TRUST)_E_|^invalid$/.test(e.code ?? "")) return undefined;
  const thumbprint = e.facts.presentedThumbprint;
  const known: Certificate | undefined = ctx
    .installedCertificates()
    .find((c) => thumbprint !== undefined && c.thumbprint === thumbprint);
  return {
    messageId: "chainTest",
    data: {
      certificate: known ? certificateLabel(known) : (thumbprint ?? "the certificate"),
      flags: words.length > 0 ? listText(words) : (e.code ?? "the chain is not valid"),
      seen: known?.status
        ? ` Get-ExchangeCertificate shows it with Status ${known.status}${known.server ? ` on ${known.server}` : ""}.`
        : "",
    },
    server: known?.server,
    thumbprint,
    basis: "evidence",
    sources: [e.source],
    fix: [
      {
        phase: "inspect",
        why: "Paste the certificate list with the services and statuses, so certflow can tell which connectors use it.",
        commands: [{ cmdlet: "Get-ExchangeCertificate", parameters: [], pipeTo: "Format-List" }],
      },
      {
        phase: "install",
        why: words.some((w) => w.includes("revoked"))
          ? "A revoked certificate cannot be repaired: replace it with a new certificate from the CA and point every connector that names it at the new one."
          : "Repair the chain: install the CA's intermediate and root certificates in the Local Computer stores and let the server reach the revocation lists.",
        commands: [],
      },
    ],
    explains: [e],
  };
}

/** `Test-Certificate -Cert Cert:\LocalMachine\My\<thumbprint>` must run on the server that holds the certificate. */
function testStep(thumbprint: string | undefined, server: string | undefined): FixStep {
  const commands: FixCommand[] =
    thumbprint !== undefined && isThumbprint(thumbprint)
      ? [{ cmdlet: "Test-Certificate", parameters: [["Cert", str(`Cert:\\LocalMachine\\My\\${thumbprint}`)]] }]
      : [];
  return {
    phase: "inspect",
    why: `On ${server ?? "the server"}, check the certificate's chain: Test-Certificate prints the CERT_TRUST_* problems (paste its output here).`,
    commands,
  };
}
