import type { Certificate } from "../model/certificate";
import { dnKey } from "../model/distinguished-name";
import type { Inventory } from "../model/inventory";
import { matchesTlsCertificateName, parseTlsCertificateName } from "../model/tls-certificate-name";
import type { Selection } from "./select/types";

const INTERNAL = "the internal transport certificate";

/** A name given organisation-wide (a send connector's, the hybrid configuration's), in the order it was given. */
interface WideName {
  readonly order: number;
  readonly by: string;
}

/** The certificates one organisation-wide TlsCertificateName value matches, and who gives that value. */
interface WideValue {
  readonly matching: ReadonlySet<Certificate>;
  readonly names: WideName[];
}

/**
 * Why each certificate counts as referenced (contract): presented by a connector, named by a receive connector
 * on its server, named organisation-wide by a send connector or the hybrid configuration, or the internal transport
 * certificate. Each reason once, in that order, connectors in the paste's order.
 *
 * Organisation-wide names are kept per value and read when a certificate is asked about: send connectors name the
 * same few values, each matching a certificate on every server, so recording every pair up front grew with the
 * number of send connectors times the number of servers, for certificates no rule asks about.
 */
export function referenceIndex(
  inventory: Inventory,
  selections: readonly Selection[],
  certificatesOn: (server: string | undefined) => readonly Certificate[],
): (cert: Certificate) => readonly string[] {
  const local = new Map<Certificate, string[]>();
  const refer = (cert: Certificate, why: string) => {
    const reasons = local.get(cert);
    if (reasons === undefined) local.set(cert, [why]);
    else reasons.push(why);
  };
  for (const s of selections) {
    if (s.certificate) refer(s.certificate, `presented by ${s.connector}`);
  }
  for (const c of inventory.receiveConnectors) {
    const parsed = c.tlsCertificateName ? parseTlsCertificateName(c.tlsCertificateName) : undefined;
    if (!parsed?.ok) continue;
    for (const cert of certificatesOn(c.server))
      if (matchesTlsCertificateName(cert, parsed)) refer(cert, `named by ${c.name ?? "a receive connector"}`);
  }

  const wide = new Map<string, WideValue>();
  let named: ReturnType<typeof certificatesByName> | undefined;
  const nameWide = (value: string | undefined, by: string, order: number) => {
    if (!value) return;
    let entry = wide.get(value);
    if (entry === undefined) {
      const parsed = parseTlsCertificateName(value);
      if (!parsed.ok) return;
      named ??= certificatesByName(inventory.certificates);
      entry = { matching: new Set(named(parsed)), names: [] };
      wide.set(value, entry);
    }
    entry.names.push({ order, by });
  };
  inventory.sendConnectors.forEach((c, i) => {
    nameWide(c.tlsCertificateName, `named by ${c.name ?? "a send connector"}`, i);
  });
  const hybrid = inventory.hybridConfigurations[0];
  if (hybrid) nameWide(hybrid.tlsCertificateName, "named by the hybrid configuration", inventory.sendConnectors.length);

  const internal = new Set<Certificate>();
  for (const t of inventory.transportServices) {
    const thumbprint = t.internalTransportCertificateThumbprint;
    if (!thumbprint) continue;
    for (const cert of certificatesOn(t.server)) if (cert.thumbprint === thumbprint) internal.add(cert);
  }

  // Each value's names said once, in order, made once per value: every certificate it matches (one per server) is
  // given the same dozens of names.
  const distinctByValue = new Map<WideValue, ReadonlySet<string>>();
  const distinctOf = (entry: WideValue) => {
    let names = distinctByValue.get(entry);
    if (names === undefined) {
      names = new Set(entry.names.map((n) => n.by));
      distinctByValue.set(entry, names);
    }
    return names;
  };
  const listByValue = new Map<WideValue, readonly string[]>();
  const listOf = (entry: WideValue) => {
    let names = listByValue.get(entry);
    if (names === undefined) {
      names = [...distinctOf(entry)];
      listByValue.set(entry, names);
    }
    return names;
  };
  const answered = new Map<Certificate, readonly string[]>();
  return (cert) => {
    const known = answered.get(cert);
    if (known !== undefined) return known;
    const matched: WideValue[] = [];
    for (const entry of wide.values()) if (entry.matching.has(cert)) matched.push(entry);
    // Each value's names are recorded in order, so one value (the usual case) needs no sort.
    const [only] = matched;
    const widely =
      matched.length === 1 && only !== undefined
        ? listOf(only)
        : [
            ...new Set(
              matched
                .flatMap((entry) => entry.names)
                .sort((a, b) => a.order - b.order)
                .map((n) => n.by),
            ),
          ];
    const own = local.get(cert);
    const isInternal = internal.has(cert);
    // The reasons in the order a set of them would keep: own ones, then the organisation-wide ones not among them,
    // then the internal transport certificate. With none of its own it shares the value's list.
    let answer: readonly string[];
    if (own === undefined && !isInternal) answer = widely;
    else {
      // `widely` is distinct already, so only the certificate's own reasons need a set. A value's dozens of names
      // rarely repeat one of the certificate's own few: then they are appended whole, not looked up one by one.
      const ownSet = new Set(own);
      const wideSet = matched.length === 1 && only !== undefined ? distinctOf(only) : undefined;
      let list: string[];
      if (wideSet !== undefined && !someIn(ownSet, wideSet)) list = [...ownSet].concat(widely);
      else {
        list = [...ownSet];
        for (const by of widely) if (!ownSet.has(by)) list.push(by);
      }
      // The wide names and the own ones all start "named by" or "presented by": never the internal one.
      if (isInternal) list.push(INTERNAL);
      answer = list;
    }
    answered.set(cert, answer);
    return answer;
  };
}

function someIn(items: ReadonlySet<string>, set: ReadonlySet<string>): boolean {
  for (const item of items) if (set.has(item)) return true;
  return false;
}

/**
 * The certificates `matchesTlsCertificateName` takes for an issuer and subject, in inventory order, from an index
 * built once: each organisation-wide value was compared with every certificate of the organisation.
 */
function certificatesByName(
  certificates: readonly Certificate[],
): (parsed: { readonly issuer: string; readonly subject: string }) => readonly Certificate[] {
  const byIssuer = new Map<string, Map<string, Certificate[]>>();
  for (const cert of certificates) {
    if (cert.issuer === undefined || cert.subject === undefined) continue;
    const issuer = dnKey(cert.issuer);
    let bySubject = byIssuer.get(issuer);
    if (bySubject === undefined) {
      bySubject = new Map();
      byIssuer.set(issuer, bySubject);
    }
    const subject = dnKey(cert.subject);
    const same = bySubject.get(subject);
    if (same === undefined) bySubject.set(subject, [cert]);
    else same.push(cert);
  }
  return (parsed) => byIssuer.get(dnKey(parsed.issuer))?.get(dnKey(parsed.subject)) ?? [];
}
