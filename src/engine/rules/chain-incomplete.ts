import type { Evidence } from "../../model/evidence";
import { inspectCertificates } from "../fix/steps";
import { listText } from "../select/facts";
import type { FixStep, RuleContext, RuleResult } from "./types";
import { defineRule } from "./types";

type Messages =
  | "opensslRoot"
  | "opensslLeaf"
  | "testCertificate"
  | "ndrUntrustedRoot"
  | "peerRejectsRoot"
  | "remoteUntrusted";

/** openssl verify errors about building the chain (not 18, a self-signed leaf, nor 10/62, dates and names). */
const CHAIN_ERRORS = new Set([2, 19, 20, 21, 27]);

const G2_THUMBPRINT = "DF3C24F9BFD666761B268073FE06D1CC8D4F82A4";

/**
 * Chain problems only pasted evidence shows (cmdlet output does not list the
 * chain a server sends): openssl verify errors, Test-Certificate chain
 * status, Exchange Online's UntrustedRoot, protocol-log validation status
 * (domain E7.8, E7.12, F1.2.5; CSS-Exchange #2030).
 */
export default defineRule<Messages>({
  id: "CHAIN_INCOMPLETE",
  title: "Certificate chain incomplete or not trusted",
  severity: "warning",
  docs: {
    summary:
      "A pasted openssl transcript, Test-Certificate output, NDR or protocol log shows a server sending only its leaf certificate, or a root the other side does not trust.",
    behaviour:
      "During the TLS handshake the server sends its certificate and, when Windows can build the chain, the intermediate CA certificates; the root itself is expected in the peer's trust store. Exchange Online does not fetch missing intermediates, so a server that sends only its leaf gets 450 4.4.317 UntrustedRoot. A certificate Windows cannot chain to a trusted root (Test-Certificate: CERT_TRUST_IS_UNTRUSTED_ROOT or CERT_TRUST_IS_PARTIAL_CHAIN) counts as invalid for Exchange and, when a connector names it, STARTTLS is lost. An openssl error on a machine that lacks an internal root says nothing about Exchange's choice. Since 2026 Exchange Online's own certificates chain to DigiCert Global Root G2, which on-premises servers must trust.",
    fix: "Install the issuing CA's intermediate certificates in the Local Computer 'Intermediate Certification Authorities' store on every server that presents the certificate (and its root in 'Trusted Root Certification Authorities'); import an internal root on the machines that must trust it; install DigiCert Global Root G2 where Exchange Online's certificate is not trusted.",
    facts: ["E7.12", "E7.8", "F1.2.5", "F6.2.3", "E7.25"],
    sources: [
      "https://learn.microsoft.com/en-us/exchange/troubleshoot/email-delivery/ndr/fix-error-code-450-4-4-317-untrusted-root",
      "https://learn.microsoft.com/en-us/exchange/troubleshoot/email-delivery/mail-flow-stops-event-2004",
      "https://techcommunity.microsoft.com/blog/exchange/tls-certificates-in-exchange-hybrid---common-issues--how-to-fix-them/4420592",
    ],
  },
  messages: {
    opensslRoot:
      "openssl could not verify the certificate {host} presented, {presented} (verify error {error}). The server sent {count}: {chain}, so the chain is complete up to {root}, and the machine that ran openssl does not trust {root}. That is about the trust store of the machine that ran openssl (typical for an internal root), not an Exchange certificate-selection fault: import {root} into that machine's trusted roots, or present a certificate from a public CA on this connector if outside systems must validate it.",
    opensslLeaf:
      "{host} sent only its own certificate, {presented}, without an intermediate CA certificate, and openssl could not verify it (verify error {error}). Peers that do not already hold the issuing CA {issuer} fail: Exchange Online does not fetch missing intermediates and reports UntrustedRoot. Install the intermediate certificate(s) of {issuer} in the Local Computer 'Intermediate Certification Authorities' store on every server that presents this certificate (if {issuer} is itself a root, the machine that ran openssl does not trust it instead).",
    testCertificate: "Test-Certificate reports {flags} for {certificate}: {meaning}{revoked}",
    ndrUntrustedRoot:
      "Exchange Online could not validate the certificate {target} presented ({code} UntrustedRoot): the server sent only its leaf certificate without the intermediate CA certificates, and Exchange Online does not fetch them. Install the issuing CA's intermediate certificate(s) in the Local Computer 'Intermediate Certification Authorities' store on every Exchange and Edge server that presents the certificate, then restart the transport services.",
    peerRejectsRoot:
      "{what}: the other side does not trust the root of the certificate {connector} presented (KB 2888788). Typically two SMTP certificates match the server's name, one from a public CA and one from an internal CA, and Exchange presented the internal one. Make the send connector present the public certificate (TlsCertificateName) and take the internal-CA certificate out of SMTP by removing or replacing it. Paste Get-SendConnector | fl and Get-ExchangeCertificate{server} | fl for the exact commands.",
    remoteUntrusted:
      "The protocol log of {connector} shows the remote side's certificate failed validation ({status}): this server does not trust the root it chains to. For Exchange Online, whose certificates chain to DigiCert Global Root G2, install that root (thumbprint DF3C24F9BFD666761B268073FE06D1CC8D4F82A4) in the Local Computer 'Trusted Root Certification Authorities' store on every transport server.",
  },
  check(ctx) {
    const results: RuleResult<Messages>[] = [];
    const chains = chainsBySession(ctx);
    for (const e of ctx.evidence((x) => x.type === "transcript" && x.code === "server-certificate")) {
      const r = fromOpenssl(e, chains(e));
      if (r) results.push(r);
    }
    for (const e of ctx.evidence((x) => x.type === "chain-test")) {
      const r = fromTestCertificate(ctx, e);
      if (r) results.push(r);
    }
    for (const e of ctx.evidence(
      (x) => (x.type === "ndr" || x.type === "queue") && /^untrustedroot$/i.test(x.facts.tlsError ?? ""),
    )) {
      results.push(e.code === "454 4.7.0" ? peerRejects(e) : ndrUntrustedRoot(e));
    }
    for (const e of ctx.evidence(
      (x) => x.type === "event" && x.code === "2004" && /^untrustedroot$/i.test(x.facts.tlsError ?? ""),
    )) {
      results.push(peerRejects(e));
    }
    for (const e of ctx.evidence((x) => x.type === "smtp-log" && x.code === "remote-certificate")) {
      const r = fromRemoteStatus(e);
      if (r) results.push(r);
    }
    return results;
  },
});

function verifyCode(error: string | undefined): number | undefined {
  const n = /^(\d+)/.exec(error?.trim() ?? "")?.[1];
  return n === undefined ? undefined : Number(n);
}

/**
 * The chain lines each openssl session showed: a session's server certificate comes first and its chain lines follow
 * it, up to the next session's (same block, server and port). Grouped once, in the paste's order: a paste of many
 * sessions searched all its evidence for each one, and gave a session the chain lines of every other session to the
 * same host in its block.
 */
function chainsBySession(ctx: RuleContext): (leaf: Evidence) => readonly Evidence[] {
  const chains = new Map<Evidence, Evidence[]>();
  let current: Evidence | undefined;
  for (const e of ctx.evidence((x) => x.type === "transcript" && x.code?.endsWith("-certificate") === true)) {
    if (e.code === "server-certificate") current = e;
    else if (
      e.code === "chain-certificate" &&
      current !== undefined &&
      e.source.block === current.source.block &&
      e.facts.server === current.facts.server &&
      e.facts.port === current.facts.port
    ) {
      const chain = chains.get(current);
      if (chain === undefined) chains.set(current, [e]);
      else chain.push(e);
    }
  }
  return (leaf) => chains.get(leaf) ?? [];
}

function fromOpenssl(leaf: Evidence, chain: readonly Evidence[]): RuleResult<Messages> | undefined {
  const error = leaf.facts.verifyError;
  const code = verifyCode(error);
  if (error === undefined || code === undefined || !CHAIN_ERRORS.has(code)) return undefined;
  const host = leaf.facts.server ? `${leaf.facts.server}${leaf.facts.port ? `:${leaf.facts.port}` : ""}` : "The server";
  const presented = leaf.facts.presentedSubject ?? "(subject not in the paste)";
  const base = {
    basis: "evidence" as const,
    sources: [leaf.source, ...chain.map((c) => c.source)],
    explains: [leaf, ...chain],
  };
  if (chain.length === 0 || code === 21) {
    const issuer = leaf.facts.presentedIssuer ?? "its issuer";
    return {
      ...base,
      messageId: "opensslLeaf",
      data: { host, presented, error, issuer },
      fix: [installIntermediates(issuer)],
    };
  }
  const top = chain[chain.length - 1];
  const root = top?.facts.presentedIssuer ?? "its root";
  const subjects = [presented, ...chain.map((c) => c.facts.presentedSubject ?? "(subject not in the paste)")];
  return {
    ...base,
    messageId: "opensslRoot",
    data: {
      host,
      presented,
      error,
      count: `${subjects.length} certificates`,
      chain: listText(subjects, subjects.length),
      root,
    },
    fix: [
      {
        phase: "install",
        why: `On the machine that ran openssl (or any client that must validate this server), import ${root} into the trusted root certificates; or present a certificate from a public CA on this connector.`,
        commands: [],
      },
    ],
  };
}

const FLAG_MEANINGS: readonly (readonly [string, string])[] = [
  [
    "CERT_TRUST_IS_UNTRUSTED_ROOT",
    "Windows on that server does not chain it to a trusted root, so Exchange treats it as invalid (a connector naming it loses STARTTLS) and validating peers refuse it; install its root and intermediate CA certificates, or replace it",
  ],
  [
    "CERT_TRUST_IS_PARTIAL_CHAIN",
    "an intermediate CA certificate is missing on that server, so Windows cannot build the chain and the server cannot send it; install the intermediate certificate(s)",
  ],
];

function fromTestCertificate(ctx: RuleContext, e: Evidence): RuleResult<Messages> | undefined {
  const flags = (e.facts.chainStatus ?? []).map((f) => f.toUpperCase());
  const codes = [e.code ?? "", ...flags];
  const hits = FLAG_MEANINGS.filter(([flag]) => flags.includes(flag));
  if (hits.length === 0 && !codes.some((c) => /CERT_E_(?:UNTRUSTEDROOT|CHAINING)/.test(c))) return undefined;
  const thumbprint = e.facts.presentedThumbprint;
  const cert =
    thumbprint === undefined ? undefined : ctx.inventory.certificates.find((c) => c.thumbprint === thumbprint);
  const meaning =
    hits.length > 0
      ? hits.map(([, m]) => m).join("; ")
      : `Windows cannot build its chain to a trusted root (${e.code ?? "chain error"})`;
  const revoked = flags.includes("CERT_TRUST_IS_REVOKED")
    ? ". It is also revoked (CERT_TRUST_IS_REVOKED): replace it with a new certificate and point the connectors that name it at the new one."
    : ".";
  return {
    messageId: "testCertificate",
    data: {
      flags: listText(flags.length > 0 ? flags : [e.code ?? "a chain error"], flags.length || 1),
      certificate: thumbprint ?? "the tested certificate",
      meaning,
      revoked,
    },
    server: cert?.server,
    thumbprint,
    basis: "evidence",
    sources: [e.source],
    fix: [installIntermediates(cert?.issuer ?? "its issuing CA", cert?.server), inspectCertificates(cert?.server)],
    explains: [e],
  };
}

function ndrUntrustedRoot(e: Evidence): RuleResult<Messages> {
  return {
    messageId: "ndrUntrustedRoot",
    data: { target: e.facts.server ?? "your server", code: e.code ?? "450 4.4.317" },
    basis: "evidence",
    sources: [e.source],
    fix: [installIntermediates("the issuing CA")],
    explains: [e],
  };
}

function peerRejects(e: Evidence): RuleResult<Messages> {
  const connector = e.facts.connector;
  const server = e.facts.server;
  return {
    messageId: "peerRejectsRoot",
    data: {
      what:
        e.type === "event"
          ? `Event 2004${server ? ` on ${server}` : ""} (454 4.7.0 UntrustedRoot)`
          : `${e.code ?? "454 4.7.0"} UntrustedRoot`,
      connector: connector ? `send connector '${connector}'` : "the send connector",
      server: server ? ` -Server ${server}` : "",
    },
    server,
    connector,
    basis: "evidence",
    sources: [e.source],
    fix: [
      {
        phase: "inspect",
        why: "Paste the send connectors and the certificates of their source servers, so certflow can tell which certificate Exchange presented.",
        commands: [
          { cmdlet: "Get-SendConnector", parameters: [], pipeTo: "Format-List" },
          ...inspectCertificates(server).commands,
        ],
      },
    ],
    explains: [e],
  };
}

const REMOTE_TRUST = /^(?:UntrustedRoot|PartialChain)$/i;

function fromRemoteStatus(e: Evidence): RuleResult<Messages> | undefined {
  const status = (e.facts.chainStatus ?? []).filter((s) => REMOTE_TRUST.test(s));
  if (status.length === 0) return undefined;
  const server = e.facts.server;
  return {
    messageId: "remoteUntrusted",
    data: {
      connector: e.facts.connector ? `'${e.facts.connector}'${server ? ` on ${server}` : ""}` : "the connector",
      status: status.join(", "),
    },
    server,
    connector: e.facts.connector,
    basis: "evidence",
    sources: [e.source],
    fix: [
      {
        phase: "install",
        why: `On every transport server${server ? ` (starting with ${server})` : ""}, install DigiCert Global Root G2 (thumbprint ${G2_THUMBPRINT}) in Local Computer > Trusted Root Certification Authorities, or whichever root the remote certificate chains to; keep Windows root certificate updates enabled.`,
        commands: [],
      },
    ],
    explains: [e],
  };
}

function installIntermediates(issuer: string, server?: string): FixStep {
  return {
    phase: "install",
    why: `Install the intermediate CA certificate(s) of ${issuer} in Local Computer > Intermediate Certification Authorities${server ? ` on ${server}` : " on every Exchange and Edge server that presents the certificate"} (and its root in Trusted Root Certification Authorities), then restart the transport services so Schannel sends the whole chain.`,
    commands: [],
  };
}
