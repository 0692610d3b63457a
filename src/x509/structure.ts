import { children, hexOf, integerBits, oidOf, readTlv } from "./der";
import { CURVE_BITS } from "./names";

/** The parts of a certificate read straight from its DER. */
export interface CertificateStructure {
  /** The certificate's own bytes (trailing bytes after it are dropped). */
  readonly der: Uint8Array<ArrayBuffer>;
  readonly version: number;
  /** Serial bytes as encoded, upper hex, leading zero byte kept (as `X509Certificate2.SerialNumber`). */
  readonly serialNumber: string;
  readonly signatureOid: string;
  readonly keyOid: string;
  readonly keyBits: number | undefined;
  readonly subjectDer: Uint8Array;
  readonly issuerDer: Uint8Array;
}

const SEQUENCE = 0x30;

function keyBits(bytes: Uint8Array, keyOid: string, params: string | undefined, keyStart: number): number | undefined {
  if (keyOid === "1.2.840.10045.2.1") return params === undefined ? undefined : CURVE_BITS[params];
  if (keyOid === "1.3.101.112") return 256;
  if (keyOid === "1.3.101.113") return 448;
  if (keyOid !== "1.2.840.113549.1.1.1" && keyOid !== "1.2.840.113549.1.1.10") return undefined;
  const rsa = readTlv(bytes, keyStart);
  const modulus = rsa === null ? undefined : children(bytes, rsa)[0];
  return modulus === undefined || modulus.tag !== 0x02 ? undefined : integerBits(bytes, modulus);
}

export function readCertificateStructure(bytes: Uint8Array): CertificateStructure | null {
  const cert = readTlv(bytes, 0);
  if (cert === null || cert.tag !== SEQUENCE) return null;
  const [tbs, signature] = children(bytes, cert);
  if (tbs === undefined || signature === undefined || tbs.tag !== SEQUENCE) return null;
  const fields = children(bytes, tbs);
  const explicit = fields[0]?.tag === 0xa0 ? fields[0] : undefined;
  const versionTlv = explicit === undefined ? undefined : children(bytes, explicit)[0];
  const version = versionTlv === undefined ? 1 : Number.parseInt(hexOf(bytes, versionTlv) || "0", 16) + 1;
  const rest = explicit === undefined ? fields : fields.slice(1);
  const [serial, , issuer, , subject, spki] = rest;
  const signatureOidTlv = children(bytes, signature)[0];
  const signatureOid = signatureOidTlv === undefined ? undefined : oidOf(bytes, signatureOidTlv);
  if (serial === undefined || issuer === undefined || subject === undefined || spki === undefined) return null;
  if (signatureOid === undefined) return null;
  const [algorithm, publicKey] = children(bytes, spki);
  const [keyOidTlv, paramsTlv] = algorithm === undefined ? [] : children(bytes, algorithm);
  const keyOid = keyOidTlv === undefined ? undefined : oidOf(bytes, keyOidTlv);
  if (keyOid === undefined || publicKey === undefined) return null;
  const params = paramsTlv === undefined ? undefined : oidOf(bytes, paramsTlv);
  return {
    der: bytes.slice(0, cert.next),
    version,
    serialNumber: hexOf(bytes, serial),
    signatureOid,
    keyOid,
    keyBits: keyBits(bytes, keyOid, params, publicKey.start + 1),
    subjectDer: bytes.slice(subject.offset, subject.end),
    issuerDer: bytes.slice(issuer.offset, issuer.end),
  };
}
