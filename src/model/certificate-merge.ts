import type { Certificate } from "./certificate";
import { isThumbprint } from "./thumbprint";

/**
 * A paste often shows one certificate twice (the default table, then `| fl`
 * for the same thumbprint), each record holding only part of it. Everything
 * after parsing must see one certificate per server and thumbprint, with
 * everything the paste told about it.
 */
const MERGED = [
  "subject",
  "issuer",
  "domains",
  "services",
  "notBefore",
  "notAfter",
  "selfSigned",
  "hasPrivateKey",
  "status",
  "rootCAType",
  "publicKeySize",
  "signatureAlgorithm",
  "version",
  "enhancedKeyUsage",
  "friendlyName",
  "serialNumber",
] as const satisfies readonly (keyof Certificate)[];

type MergedField = (typeof MERGED)[number];

function richness(cert: Certificate): number {
  return MERGED.filter((field) => cert[field] !== undefined).length;
}

/** The record that holds `field` whole, else any record that holds it. */
function holder(records: readonly Certificate[], field: MergedField): Certificate | undefined {
  return (
    records.find((r) => r[field] !== undefined && !r.truncated.includes(field)) ??
    records.find((r) => r[field] !== undefined)
  );
}

function merge(records: readonly [Certificate, ...Certificate[]]): Certificate {
  // Most certificates are shown once: nothing to rank or merge.
  if (records.length === 1) return records[0];
  const [base] = [...records].sort((a, b) => richness(b) - richness(a));
  const richest = base ?? records[0];
  const sorted = [richest, ...records.filter((r) => r !== richest)];
  const from = (field: MergedField) => holder(sorted, field) ?? richest;
  const truncated = [
    ...MERGED.filter((field) => from(field).truncated.includes(field)),
    ...richest.truncated.filter((name) => !(MERGED as readonly string[]).includes(name)),
  ];
  return {
    ...richest,
    subject: from("subject").subject,
    issuer: from("issuer").issuer,
    domains: from("domains").domains,
    services: from("services").services,
    notBefore: from("notBefore").notBefore,
    notAfter: from("notAfter").notAfter,
    selfSigned: from("selfSigned").selfSigned,
    hasPrivateKey: from("hasPrivateKey").hasPrivateKey,
    status: from("status").status,
    rootCAType: from("rootCAType").rootCAType,
    publicKeySize: from("publicKeySize").publicKeySize,
    signatureAlgorithm: from("signatureAlgorithm").signatureAlgorithm,
    version: from("version").version,
    enhancedKeyUsage: from("enhancedKeyUsage").enhancedKeyUsage,
    friendlyName: from("friendlyName").friendlyName,
    serialNumber: from("serialNumber").serialNumber,
    truncated,
  };
}

/** What records of one certificate share: server and complete thumbprint; undefined when the thumbprint is not whole. */
function mergeKey(cert: Certificate): string | undefined {
  const thumb = cert.thumbprint;
  if (thumb === undefined || !isThumbprint(thumb) || cert.truncated.includes("thumbprint")) return undefined;
  return `${(cert.server ?? "").trim().toLowerCase()}|${thumb.toUpperCase()}`;
}

/**
 * Whether two records would merge. When none do, `uniqueCertificates` of any subset is that subset, object for
 * object: the engine asks this once per analysis instead of merging again per server.
 */
export function repeatsACertificate(certs: readonly Certificate[]): boolean {
  if (mergedLists.has(certs)) return false;
  const seen = new Set<string>();
  for (const cert of certs) {
    const key = mergeKey(cert);
    if (key === undefined) continue;
    if (seen.has(key)) return true;
    seen.add(key);
  }
  return false;
}

/**
 * The lists `uniqueCertificates` made, which repeat no certificate: parsing merges the inventory's certificates, and
 * the engine would otherwise check every record again (per analysis, and per rule that merges them all).
 */
const mergedLists = new WeakSet<readonly Certificate[]>();

/**
 * One certificate per server and complete thumbprint; records without a whole thumbprint stay as they are. A list
 * this made is its own answer.
 */
export function uniqueCertificates(certs: readonly Certificate[]): readonly Certificate[] {
  if (mergedLists.has(certs)) return certs;
  const groups = new Map<string, [Certificate, ...Certificate[]]>();
  const out: (Certificate | string)[] = [];
  for (const cert of certs) {
    const key = mergeKey(cert);
    if (key === undefined) {
      out.push(cert);
      continue;
    }
    const group = groups.get(key);
    if (group) group.push(cert);
    else {
      groups.set(key, [cert]);
      out.push(key);
    }
  }
  const unique: Certificate[] = [];
  for (const entry of out) {
    if (typeof entry !== "string") unique.push(entry);
    else {
      const group = groups.get(entry);
      if (group !== undefined) unique.push(merge(group));
    }
  }
  mergedLists.add(unique);
  return unique;
}
