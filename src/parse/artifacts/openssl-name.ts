import { type DnAttribute, formatWindowsDn } from "../../x509/windows-dn";

function attribute(text: string, separator: RegExp): DnAttribute | null {
  const m = separator.exec(text);
  if (m === null) return null;
  const key = text.slice(0, m.index).trim();
  const raw = text.slice(m.index + m[0].length).trim();
  const value = /^".*"$/s.test(raw) ? raw.slice(1, -1).replace(/""/g, '"') : raw.replace(/\\(.)/g, "$1");
  return key === "" ? null : { key, value };
}

function parse(parts: string[], rdnSplit: RegExp, separator: RegExp): DnAttribute[][] | null {
  const dn: DnAttribute[][] = [];
  for (const part of parts) {
    const rdn: DnAttribute[] = [];
    for (const piece of part.split(rdnSplit)) {
      const a = attribute(piece, separator);
      if (a === null) return null;
      rdn.push(a);
    }
    dn.push(rdn);
  }
  return dn;
}

/**
 * Converts a name as OpenSSL prints it into the Windows form Exchange shows,
 * so it can be compared with Get-ExchangeCertificate output. Handles the old
 * one-line form (`/DC=com/CN=x`), the 1.1+/3.x default (`DC = com, CN = x`) and
 * RFC 2253 (`CN=x,DC=com`, already most-specific first). Returns the text
 * trimmed when it is none of these.
 */
export function opensslNameToWindows(text: string): string {
  const t = text.trim();
  const key = "[A-Za-z][A-Za-z0-9.]*";
  if (t.startsWith("/")) {
    const parts = t.slice(1).split(new RegExp(`/(?=${key}=)`));
    const dn = parse(parts, new RegExp(`\\+(?=${key}=)`), /=/);
    return dn ? formatWindowsDn(dn) : t;
  }
  if (new RegExp(`^${key} = `).test(t)) {
    const parts = t.split(new RegExp(`(?<!\\\\), (?=${key} = )`));
    const dn = parse(parts, new RegExp(` \\+ (?=${key} = )`), / = /);
    return dn ? formatWindowsDn(dn) : t;
  }
  if (new RegExp(`^${key}=`).test(t)) {
    const parts = t.split(new RegExp(`(?<!\\\\),\\s*(?=${key}=)`));
    const dn = parse(parts, new RegExp(`(?<!\\\\)\\+(?=${key}=)`), /=/);
    return dn ? formatWindowsDn(dn.reverse()) : t;
  }
  return t;
}
