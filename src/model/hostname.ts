import type { Certificate } from "./certificate";
import { commonName } from "./distinguished-name";
import { memoiseByString } from "./memo";

/**
 * Host names compare case-insensitively; a trailing dot (`*.contoso.com.` in EXO messages) is not part of the name.
 * Remembered per name: each connector's name is compared with every name of every certificate on its server.
 */
export const normaliseHostName: (name: string) => string = memoiseByString((name) =>
  name.trim().replace(/\.$/, "").toLowerCase(),
);

/**
 * Does a certificate name cover a host? Exact match, or a wildcard
 * `*.contoso.com` covering exactly one left-most label (domain F1.5.3):
 * `a.contoso.com` yes, `contoso.com` and `a.b.contoso.com` no.
 */
export function coversName(certName: string, host: string): boolean {
  return coversHostName(normaliseHostName(certName), normaliseHostName(host));
}

/** `coversName` for names already through `normaliseHostName`: one host checked against many certificate names. */
export function coversHostName(name: string, target: string): boolean {
  if (name === "" || target === "") return false;
  if (name === target) return true;
  if (!name.startsWith("*.")) return false;
  const parent = name.slice(2);
  const dot = target.indexOf(".");
  return parent !== "" && dot > 0 && target.slice(dot + 1) === parent;
}

/** Subject CN ∪ CertificateDomains, first spelling kept, duplicates (by normalised name) removed. */
export function certificateNames(cert: Pick<Certificate, "subject" | "domains">): string[] {
  const cn = cert.subject === undefined ? undefined : commonName(cert.subject);
  const names: string[] = [];
  // A certificate has a handful of names, searched in place; a set only for the rare one with hundreds.
  const keys: string[] = [];
  const seen = (cert.domains?.length ?? 0) > 16 ? new Set<string>() : undefined;
  const add = (name: string) => {
    const key = normaliseHostName(name);
    if (key === "" || (seen === undefined ? keys.includes(key) : seen.has(key))) return;
    if (seen === undefined) keys.push(key);
    else seen.add(key);
    names.push(name.trim());
  };
  if (cn !== undefined) add(cn);
  if (cert.domains !== undefined) for (const name of cert.domains) add(name);
  return names;
}
