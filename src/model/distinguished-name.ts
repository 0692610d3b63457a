import { memoiseByString } from "./memo";

/**
 * Distinguished names as Get-ExchangeCertificate prints them (.NET
 * `X500DistinguishedName.Name`): RDNs separated by ", ", most specific first,
 * values quoted when they hold a comma (`O="GoDaddy.com, Inc."`) and
 * backslash escapes from other tools (`O=GoDaddy.com\, Inc.`).
 */
export interface Rdn {
  /** Attribute type as written (`CN`, `S`, `ST`, `OID.2.5.4.97` …), upper-cased. */
  readonly type: string;
  /** Value with quotes and escapes removed. */
  readonly value: string;
}

export interface ParsedDn {
  readonly rdns: readonly Rdn[];
  /** What could not be read (unbalanced quote, component without `=` …); empty when the DN is well formed. */
  readonly problems: readonly string[];
}

export function parseDistinguishedName(dn: string): ParsedDn {
  const problems: string[] = [];
  const { components, openQuote, danglingEscape } = splitComponents(dn);
  if (openQuote) problems.push("a quoted value is not closed");
  if (danglingEscape) problems.push("the name ends in a lone backslash");
  const rdns: Rdn[] = [];
  if (dn.trim() === "") return { rdns, problems: ["the name is empty"] };
  components.forEach((raw, index) => {
    const component = raw.trim();
    if (component === "") {
      problems.push(`component ${index + 1} is empty (two separators in a row, or a trailing comma)`);
      return;
    }
    const eq = indexOfUnescaped(component, "=");
    if (eq <= 0) {
      problems.push(`"${component}" has no attribute type (no "TYPE=" before the value)`);
      return;
    }
    rdns.push({
      type: component.slice(0, eq).trim().toUpperCase(),
      value: decodeValue(component.slice(eq + 1).trim()),
    });
  });
  return { rdns, problems };
}

/** The first CN value (the most specific one in .NET's order), or undefined. */
export const commonName: (dn: string) => string | undefined = memoiseByString(
  (dn) => parseDistinguishedName(dn).rdns.find((rdn) => rdn.type === "CN")?.value,
);

/**
 * The comparison Exchange-side checkers use (PowerShell `-eq` on the printed
 * strings): case-insensitive, spacing and RDN order as printed. Only the
 * console's outer padding is ignored.
 */
export function sameDn(a: string, b: string): boolean {
  // The same text is the common case (a certificate and the name that points at it): no need to fold it.
  return a === b || dnKey(a) === dnKey(b);
}

/**
 * What `sameDn` compares: two names are the same exactly when their keys are equal, so certificates can be looked up
 * by name. Folded once per name: selection and rules compare every certificate of a server with each name they are given.
 */
export const dnKey = memoiseByString((dn) => dn.trim().toLowerCase());

/**
 * Same RDNs ignoring order, spacing, case, quoting/escaping and `S`≡`ST`:
 * the "near miss" a doctor warns about, because whether Exchange normalises
 * DNs is not documented (domain Q6).
 */
export function nearDn(a: string, b: string): boolean {
  const left = rdnKeys(a);
  const right = rdnKeys(b);
  if (left === undefined || right === undefined || left.length !== right.length) return false;
  return left.every((key, i) => key === right[i]);
}

const TYPE_ALIASES: Readonly<Record<string, string>> = { ST: "S", EMAILADDRESS: "E" };

const rdnKeys = memoiseByString((dn): readonly string[] | undefined => {
  const parsed = parseDistinguishedName(dn);
  if (parsed.problems.length > 0 || parsed.rdns.length === 0) return undefined;
  return parsed.rdns
    .map((rdn) => {
      const type = TYPE_ALIASES[rdn.type] ?? rdn.type;
      return `${type}=${rdn.value.trim().replace(/\s+/g, " ").toLowerCase()}`;
    })
    .sort();
});

function splitComponents(dn: string): { components: string[]; openQuote: boolean; danglingEscape: boolean } {
  const components: string[] = [];
  let current = "";
  let inQuotes = false;
  let danglingEscape = false;
  for (let i = 0; i < dn.length; i++) {
    const ch = dn.charAt(i);
    if (ch === "\\") {
      if (i + 1 >= dn.length) {
        danglingEscape = true;
        current += ch;
        continue;
      }
      current += ch + dn.charAt(i + 1);
      i++;
      continue;
    }
    if (ch === '"') inQuotes = !inQuotes;
    if (!inQuotes && (ch === "," || ch === "+")) {
      components.push(current);
      current = "";
      continue;
    }
    current += ch;
  }
  components.push(current);
  return { components, openQuote: inQuotes, danglingEscape };
}

function indexOfUnescaped(text: string, needle: string): number {
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (ch === "\\") {
      i++;
      continue;
    }
    if (ch === '"') inQuotes = !inQuotes;
    if (!inQuotes && ch === needle) return i;
  }
  return -1;
}

function decodeValue(value: string): string {
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
    return value.slice(1, -1).replace(/""/g, '"').replace(/\\(.)/g, "$1");
  }
  return unescapeBackslashes(value);
}

/** `\,` → `,`; `\C3\A9` → `é` (hex pairs are UTF-8 bytes, RFC 4514). */
function unescapeBackslashes(value: string): string {
  return value.replace(
    /((?:\\[0-9A-Fa-f]{2})+)|\\(.)/g,
    (_match, hex: string | undefined, single: string | undefined) => {
      if (hex !== undefined) {
        const percent = hex.replace(/\\/g, "%");
        try {
          return decodeURIComponent(percent);
        } catch {
          return hex;
        }
      }
      return single ?? "";
    },
  );
}
