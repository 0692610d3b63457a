/**
 * Distinguished names in the form Windows shows them (`X509Certificate2.Subject`,
 * Get-ExchangeCertificate `Subject`/`Issuer`): the RDNs in reverse encoding
 * order, joined by ", ", CryptoAPI attribute names (`S=` not `ST=`, `E=` for
 * e-mail, `OID.x.y=` for the rest), values quoted when they hold special characters.
 */

export interface DnAttribute {
  readonly key: string;
  readonly value: string;
}

/** Encoding order (as in DER): least specific RDN first. */
export type EncodedDn = readonly (readonly DnAttribute[])[];

const WINDOWS_KEYS: Readonly<Record<string, string>> = {
  "2.5.4.3": "CN",
  "2.5.4.4": "SN",
  "2.5.4.5": "SERIALNUMBER",
  "2.5.4.6": "C",
  "2.5.4.7": "L",
  "2.5.4.8": "S",
  "2.5.4.9": "STREET",
  "2.5.4.10": "O",
  "2.5.4.11": "OU",
  "2.5.4.12": "T",
  "2.5.4.13": "Description",
  "2.5.4.17": "PostalCode",
  "2.5.4.18": "POBox",
  "2.5.4.20": "Phone",
  "2.5.4.42": "G",
  "2.5.4.43": "I",
  "2.5.4.46": "dnQualifier",
  "1.2.840.113549.1.9.1": "E",
  "0.9.2342.19200300.100.1.25": "DC",
};

/** Short names used by OpenSSL and @peculiar/x509, mapped to their OIDs. */
const SHORT_NAME_OIDS: Readonly<Record<string, string>> = {
  CN: "2.5.4.3",
  SN: "2.5.4.4",
  SURNAME: "2.5.4.4",
  SERIALNUMBER: "2.5.4.5",
  C: "2.5.4.6",
  L: "2.5.4.7",
  ST: "2.5.4.8",
  S: "2.5.4.8",
  STREET: "2.5.4.9",
  O: "2.5.4.10",
  OU: "2.5.4.11",
  T: "2.5.4.12",
  TITLE: "2.5.4.12",
  DESCRIPTION: "2.5.4.13",
  POSTALCODE: "2.5.4.17",
  G: "2.5.4.42",
  GN: "2.5.4.42",
  GIVENNAME: "2.5.4.42",
  I: "2.5.4.43",
  INITIALS: "2.5.4.43",
  DNQUALIFIER: "2.5.4.46",
  E: "1.2.840.113549.1.9.1",
  EMAIL: "1.2.840.113549.1.9.1",
  EMAILADDRESS: "1.2.840.113549.1.9.1",
  DC: "0.9.2342.19200300.100.1.25",
};

/** Windows attribute name for an OID or a short name (`ST` → `S`, `1.3.6.1.4.1.311.60.2.1.3` → `OID.…`). */
export function windowsKey(keyOrOid: string): string {
  const oid = /^\d+(?:\.\d+)+$/.test(keyOrOid) ? keyOrOid : SHORT_NAME_OIDS[keyOrOid.toUpperCase()];
  if (oid === undefined) return keyOrOid;
  return WINDOWS_KEYS[oid] ?? `OID.${oid}`;
}

/** CryptoAPI quotes a value with surrounding spaces or any of , + = " newline < > # ; and doubles inner quotes. */
export function quoteDnValue(value: string): string {
  if (/^\s|\s$|[,+="\r\n<>#;]/.test(value)) return `"${value.replace(/"/g, '""')}"`;
  return value;
}

export function formatWindowsDn(dn: EncodedDn): string {
  return [...dn]
    .reverse()
    .map((rdn) => rdn.map((a) => `${windowsKey(a.key)}=${quoteDnValue(a.value)}`).join(" + "))
    .join(", ");
}
