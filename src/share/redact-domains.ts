/**
 * Which parts of a host name identify the organisation. Names that belong to Microsoft or to a public CA are the
 * same for everyone and carry meaning the analysis relies on (`mail.protection.outlook.com`, the tenant's
 * `onmicrosoft.com` routing domain), so they stay, except the label that names the tenant.
 */

const LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
/** A dotted host name whose last label starts with a letter (so `15.2` and `4.4.317` are not hosts). */
export const DOMAIN_SOURCE = `(?:${LABEL}\\.)+[A-Za-z][A-Za-z0-9-]{0,61}[A-Za-z0-9]`;
/** The same, standing alone: not the tail of a longer word, an address or a dotted name. */
export const HOST_SOURCE = `(?<![\\w.@-])(?:\\*\\.)?${DOMAIN_SOURCE}(?![\\w-]|\\.[A-Za-z0-9])`;

/** Registrable domains that are the same in every paste; their sub-domains stay too. */
const SHARED_DOMAINS = new Set([
  "outlook.com",
  "office365.com",
  "office.com",
  "office.net",
  "microsoft.com",
  "microsoftonline.com",
  "windows.net",
  "live.com",
  "msft.net",
  "outlook.cn",
  "office365.us",
  "onmicrosoft.com",
  "onmicrosoft.us",
  "onmschina.cn",
  "digicert.com",
  "letsencrypt.org",
  "lencr.org",
  "sectigo.com",
  "comodoca.com",
  "usertrust.com",
  "globalsign.com",
  "godaddy.com",
  "starfieldtech.com",
  "entrust.net",
  "identrust.com",
  "amazontrust.com",
  "verisign.com",
  "geotrust.com",
  "thawte.com",
  "rapidssl.com",
  "certum.pl",
  "aka.ms",
  "github.com",
]);

/** Names reserved for documentation and tests (RFC 2606, RFC 6761): already anonymous. */
const RESERVED_TLDS = new Set(["test", "example", "invalid", "localhost"]);
const RESERVED_DOMAINS = new Set(["example.com", "example.net", "example.org"]);

/** Second-level labels under a two-letter country code that are not the organisation's own (contoso.co.uk). */
const COUNTRY_SECOND_LEVEL = new Set(["co", "com", "net", "org", "gov", "ac", "edu", "ne", "or", "go", "ltd", "plc"]);

/** Host labels that say what a host does, not whose it is. */
const GENERIC_LABEL =
  /^(?:mail|smtp|mx|relay|owa|webmail|autodiscover|outlook|exchange|remote|gateway|gw|edge|hybrid|legacy|int|internal|ext|external|corp|ad|dc|ns|www|sts|adfs|cas|mapi|ews|eas|imap|pop|pop3|vpn|portal|secure|login|sso|cloud|crl|ocsp|cacerts|protection)\d{0,2}$/;

export function isGenericLabel(label: string): boolean {
  return GENERIC_LABEL.test(label.toLowerCase());
}

export type DomainShape =
  | { readonly kind: "keep" }
  /** A shared domain whose label at `tenant` names the customer's tenant. */
  | { readonly kind: "tenant"; readonly tenant: number }
  /** The last `orgLabels` labels are the organisation's registrable domain; a reserved one is already anonymous. */
  | { readonly kind: "organisation"; readonly orgLabels: number; readonly reserved: boolean };

function sharedSuffix(lower: readonly string[]): boolean {
  for (let i = 0; i < lower.length - 1; i++) if (SHARED_DOMAINS.has(lower.slice(i).join("."))) return true;
  return false;
}

/** Index of the tenant label in `x.mail.protection.outlook.com`, `x.mail.onmicrosoft.com`, `x.onmicrosoft.com` …, or -1. */
function tenantIndex(lower: readonly string[]): number {
  const tail = lower.slice(-2).join(".");
  const protection = lower.lastIndexOf("protection");
  if (protection >= 2 && lower[protection - 1] === "mail") {
    const after = lower.slice(protection + 1).join(".");
    if (after === "outlook.com" || after === "partner.outlook.cn" || after === "office365.us") return protection - 2;
  }
  if (tail === "onmicrosoft.com" || tail === "onmicrosoft.us") {
    const at = lower.length - 2;
    if (at >= 2 && lower[at - 1] === "mail") return at - 2;
    return at - 1;
  }
  if (lower.slice(-3).join(".") === "partner.onmschina.cn") return lower.length - 4;
  return -1;
}

/** `lower` is the name split into lower-case labels, without a leading `*`. */
export function domainShape(lower: readonly string[]): DomainShape {
  const tld = lower[lower.length - 1] ?? "";
  if (sharedSuffix(lower)) {
    const tenant = tenantIndex(lower);
    return tenant >= 0 ? { kind: "tenant", tenant } : { kind: "keep" };
  }
  const secondLevel = lower[lower.length - 2] ?? "";
  const orgLabels = lower.length >= 3 && tld.length === 2 && COUNTRY_SECOND_LEVEL.has(secondLevel) ? 3 : 2;
  return {
    kind: "organisation",
    orgLabels: Math.min(orgLabels, lower.length),
    reserved: RESERVED_TLDS.has(tld) || RESERVED_DOMAINS.has(lower.slice(-2).join(".")),
  };
}

/** Extensions of files a paste names (log paths, exported certificates): such a name is a file, not a host. */
const FILE_EXTENSIONS = new Set([
  "log",
  "txt",
  "exe",
  "dll",
  "ps1",
  "psm1",
  "psd1",
  "xml",
  "json",
  "csv",
  "cer",
  "crt",
  "pfx",
  "pem",
  "p7b",
  "req",
  "config",
  "msi",
  "zip",
  "cmd",
  "bat",
  "htm",
  "html",
  "aspx",
  "etl",
  "evtx",
]);

/**
 * A dotted word that is a .NET type (`Microsoft.Exchange.Management.Hybrid…`, or the wrapped tail of one,
 * `sks.EnableExchangeCertificate`) or a file name rather than a host.
 */
export function isNotAHost(name: string): boolean {
  const labels = name.split(".");
  const last = labels[labels.length - 1] ?? "";
  if (FILE_EXTENSIONS.has(last.toLowerCase())) return true;
  if (/[a-z][A-Z]/.test(last)) return true;
  return labels.length >= 3 && (labels[0] === "Microsoft" || labels[0] === "System");
}
