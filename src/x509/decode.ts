import "reflect-metadata";
import { ExtendedKeyUsageExtension, type Name, SubjectAlternativeNameExtension, X509Certificate } from "@peculiar/x509";
import { base64ToBytes } from "./base64";
import { scanBlobRun } from "./blobs";
import { ekuDisplay, keyAlgorithmName, signatureAlgorithmName } from "./names";
import { type CertificateStructure, readCertificateStructure } from "./structure";
import { type DnAttribute, formatWindowsDn } from "./windows-dn";

/** A certificate decoded from pasted PEM or base64 DER, in the form Windows and Exchange show it. */
export interface DecodedCertificateOk {
  readonly ok: true;
  /** Position among the certificates found in the text, from 0. */
  readonly index: number;
  readonly error?: undefined;
  /** SHA-1 of the DER, upper hex. */
  readonly thumbprint: string;
  /** `CN=…, OU=…, O=…, C=…` as `X509Certificate2.Subject` shows it. */
  readonly subject: string;
  readonly issuer: string;
  /** SAN DNS names in certificate order. */
  readonly dnsNames: readonly string[];
  readonly notBefore: string;
  readonly notAfter: string;
  /** Issuer equals subject and, where the algorithm can be checked, the certificate verifies with its own key. */
  readonly selfSigned: boolean;
  /** `RSA`, `ECC`, `Ed25519` … (the OID when unknown). */
  readonly keyAlgorithm: string;
  readonly keySize: number | undefined;
  /** `sha256RSA`, `sha1RSA`, `sha256ECDSA` … (the OID when unknown). */
  readonly signatureAlgorithm: string;
  readonly version: number;
  /** `Server Authentication (1.3.6.1.5.5.7.3.1)` …; empty when the certificate has no EKU extension. */
  readonly enhancedKeyUsage: readonly string[];
  /** Upper hex of the encoded serial (a leading 00 byte is kept, as Windows shows it). */
  readonly serialNumber: string;
}

export interface DecodedCertificateError {
  readonly ok: false;
  readonly index: number;
  readonly error: string;
}

export type DecodedCertificate = DecodedCertificateOk | DecodedCertificateError;

interface Digest {
  digest(algorithm: string, data: Uint8Array): Promise<ArrayBuffer>;
}

async function sha1Hex(data: Uint8Array): Promise<string> {
  const subtle = (globalThis as { crypto?: { subtle?: Digest } }).crypto?.subtle;
  if (subtle === undefined) throw new Error("Web Crypto is not available to compute the thumbprint");
  const hash = new Uint8Array(await subtle.digest("SHA-1", data));
  return [...hash].map((b) => b.toString(16).padStart(2, "0").toUpperCase()).join("");
}

function windowsName(name: Name): string {
  const rdns = name.toJSON().map((rdn) => {
    const attributes: DnAttribute[] = [];
    for (const [key, values] of Object.entries(rdn)) for (const value of values) attributes.push({ key, value });
    return attributes;
  });
  return formatWindowsDn(rdns);
}

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((v, i) => v === b[i]);

/** Name equality plus a signature check; algorithms Web Crypto cannot verify fall back to the name test. */
async function isSelfSigned(cert: X509Certificate, s: CertificateStructure): Promise<boolean> {
  if (!sameBytes(s.subjectDer, s.issuerDer)) return false;
  try {
    return await cert.verify({ signatureOnly: true });
  } catch {
    return true;
  }
}

async function decodeOne(base64: string, index: number): Promise<DecodedCertificate> {
  const fail = (error: string): DecodedCertificateError => ({ ok: false, index, error });
  const bytes = base64ToBytes(base64);
  if (bytes === null) return fail("the certificate text is not valid base64");
  const s = readCertificateStructure(bytes);
  if (s === null) return fail("the decoded bytes are not an X.509 certificate");
  try {
    const cert = new X509Certificate(s.der);
    const san = cert.getExtension(SubjectAlternativeNameExtension);
    const eku = cert.getExtension(ExtendedKeyUsageExtension);
    return {
      ok: true,
      index,
      thumbprint: await sha1Hex(s.der),
      subject: windowsName(cert.subjectName),
      issuer: windowsName(cert.issuerName),
      dnsNames: san === null ? [] : san.names.items.filter((n) => n.type === "dns").map((n) => n.value),
      notBefore: cert.notBefore.toISOString(),
      notAfter: cert.notAfter.toISOString(),
      selfSigned: await isSelfSigned(cert, s),
      keyAlgorithm: keyAlgorithmName(s.keyOid),
      keySize: s.keyBits,
      signatureAlgorithm: signatureAlgorithmName(s.signatureOid),
      version: s.version,
      enhancedKeyUsage: eku === null ? [] : eku.usages.map((u) => ekuDisplay(String(u))),
      serialNumber: s.serialNumber,
    };
  } catch (e) {
    return fail(`the certificate could not be read: ${e instanceof Error ? e.message : String(e)}`);
  }
}

const PEM = /-----BEGIN (X509 |TRUSTED )?CERTIFICATE-----([\s\S]*?)-----END \1?CERTIFICATE-----/g;

/** Base64 payloads in order: PEM blocks anywhere (even on one line), then bare DER runs between them. */
function payloads(text: string): string[] {
  const normal = text.replace(/\r\n?/g, "\n");
  const found: Array<{ at: number; base64: string }> = [];
  for (const m of normal.matchAll(PEM)) found.push({ at: m.index ?? 0, base64: (m[2] ?? "").replace(/\s+/g, "") });
  const rest = normal.replace(PEM, (m) => m.replace(/[^\n]/g, " "));
  const lines = rest.split("\n").map((line) => ({ text: line }));
  const offsets: number[] = [];
  let offset = 0;
  for (const line of lines) {
    offsets.push(offset);
    offset += line.text.length + 1;
  }
  for (let i = 0; i < lines.length; i++) {
    const run = scanBlobRun(lines, i);
    if (run === null) continue;
    for (const blob of run.blobs) found.push({ at: offsets[blob.first] ?? 0, base64: blob.base64 });
    i = Math.max(i, run.end - 1);
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.base64);
}

/**
 * Decodes every certificate in `text` (PEM, single or chains, any line
 * endings and indentation; base64 DER on one or more lines). Never throws: a
 * certificate that cannot be decoded becomes an entry with an `error`; text
 * with no certificate at all gives one such entry, blank text gives none.
 */
export async function decodeCertificates(text: string): Promise<DecodedCertificate[]> {
  try {
    const found = payloads(text);
    if (found.length === 0) {
      return text.trim() === "" ? [] : [{ ok: false, index: 0, error: "no PEM or base64 certificate was found" }];
    }
    return await Promise.all(found.map((base64, index) => decodeOne(base64, index)));
  } catch (e) {
    return [{ ok: false, index: 0, error: e instanceof Error ? e.message : String(e) }];
  }
}
