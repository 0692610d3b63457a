import { coversName, normaliseHostName } from "../../model/hostname";

/**
 * Names Exchange Online checks on-premises certificates against: an inbound
 * connector's TlsSenderCertificateName and an outbound connector's TlsDomain.
 * Both take a domain; `*.contoso.com` covers contoso.com and every name under
 * it, while a `*` anywhere else is invalid (domain F5.2.4). EXO accepts a
 * match on the subject CN or any SAN (D10).
 */

/** `mail*.contoso.com`, `*mail.contoso.com`, `mail.*.com`: a wildcard that is not the whole first label. */
export function isEmbeddedWildcard(pattern: string): boolean {
  const name = normaliseHostName(pattern);
  if (!name.includes("*")) return false;
  return !(name.startsWith("*.") && !name.slice(2).includes("*") && name.length > 2);
}

/** Does one of the certificate's names satisfy the EXO value? */
export function exoNameCovers(pattern: string, certNames: readonly string[]): boolean {
  const wanted = normaliseHostName(pattern);
  if (wanted === "" || isEmbeddedWildcard(wanted)) return false;
  const domain = wanted.startsWith("*.") ? wanted.slice(2) : undefined;
  return certNames.some((raw) => {
    const name = normaliseHostName(raw);
    if (name === "") return false;
    if (name === wanted) return true;
    if (domain !== undefined) {
      const bare = name.startsWith("*.") ? name.slice(2) : name;
      return bare === domain || bare.endsWith(`.${domain}`);
    }
    return coversName(name, wanted);
  });
}
