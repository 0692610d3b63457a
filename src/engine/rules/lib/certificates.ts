import type { Certificate } from "../../../model/certificate";
import { serverKey } from "../../server-index";
import type { RuleContext } from "../types";

/** Every pasted record of a (possibly merged) certificate: same server and whole thumbprint. */
function recordsOf(ctx: RuleContext, cert: Certificate): readonly Certificate[] {
  const onServer = ctx.certificatesOn(cert.server);
  if (cert.thumbprint === undefined) return onServer.includes(cert) ? [cert] : [];
  const same = withThumbprint(onServer).get(cert.thumbprint) ?? [];
  return same.filter((c) => c === cert || !c.truncated.includes("thumbprint"));
}

/**
 * A list's certificates by thumbprint, each group in the list's order; built once per list (the rule context and
 * `byServer` hand out the same list for a server each time). A server can hold thousands of old certificates, and
 * searching its list for each of them made the rules that ask quadratic in it.
 */
export function withThumbprint(certs: readonly Certificate[]): ReadonlyMap<string, readonly Certificate[]> {
  let index = thumbprinted.get(certs);
  if (index === undefined) {
    const groups = new Map<string, Certificate[]>();
    for (const c of certs) {
      if (c.thumbprint === undefined) continue;
      const group = groups.get(c.thumbprint);
      if (group === undefined) groups.set(c.thumbprint, [c]);
      else group.push(c);
    }
    index = groups;
    thumbprinted.set(certs, index);
  }
  return index;
}

const thumbprinted = new WeakMap<readonly Certificate[], ReadonlyMap<string, readonly Certificate[]>>();

/** Why a (possibly merged) certificate counts as referenced: the reasons of every record of it. */
export function referencesOf(ctx: RuleContext, cert: Certificate): readonly string[] {
  let known = answered.get(ctx);
  if (known === undefined) {
    known = new Map();
    answered.set(ctx, known);
  }
  let reasons = known.get(cert);
  if (reasons === undefined) {
    reasons = mergedReferences(ctx, cert);
    known.set(cert, reasons);
  }
  return reasons;
}

/**
 * Per analysis and certificate: several rules ask about every installed certificate, and a merged one (a table row
 * and its `| fl` record) would gather the reasons of its records into a set again each time.
 */
const answered = new WeakMap<RuleContext, Map<Certificate, readonly string[]>>();

function mergedReferences(ctx: RuleContext, cert: Certificate): readonly string[] {
  const records = recordsOf(ctx, cert);
  // One record (the usual case) has distinct reasons already: a certificate named by hundreds of connectors is
  // not copied into a set and out again.
  const [only] = records;
  if (records.length === 1 && only !== undefined) return ctx.referencesTo(only);
  return [...new Set(records.flatMap((c) => ctx.referencesTo(c)))];
}

/** The pasted lines of every record of a certificate. */
export function sourcesOf(ctx: RuleContext, cert: Certificate): Certificate["source"][] {
  const records = recordsOf(ctx, cert);
  return records.length > 0 ? records.map((c) => c.source) : [cert.source];
}

/**
 * Certificates grouped by server (lower-cased name; "" for the unnamed server), built once per list: the rules that
 * group the installed certificates are given the same list by the rule context.
 */
export function byServer(certs: readonly Certificate[]): (server: string | undefined) => readonly Certificate[] {
  let lookup = grouped.get(certs);
  if (lookup === undefined) {
    lookup = groupCertificates(certs);
    grouped.set(certs, lookup);
  }
  return lookup;
}

const grouped = new WeakMap<readonly Certificate[], (server: string | undefined) => readonly Certificate[]>();

function groupCertificates(certs: readonly Certificate[]): (server: string | undefined) => readonly Certificate[] {
  const groups = new Map<string, Certificate[]>();
  for (const cert of certs) {
    const key = folded(cert.server);
    const group = groups.get(key);
    if (group) group.push(cert);
    else groups.set(key, [cert]);
  }
  return (server) => groups.get(folded(server)) ?? [];
}

/** The name trimmed and lower-cased, "" for the unnamed server; each name folded once (`serverKey`). */
function folded(server: string | undefined): string {
  return server === undefined ? "" : (serverKey(server) ?? "");
}
