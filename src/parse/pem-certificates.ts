import type { Certificate } from "../model/certificate";
import { decodeCertificates } from "../x509/decode";
import type { CertificateBlob } from "./artifacts/pem";

/**
 * Decodes one pasted certificate (PEM or base64 DER) into the model. Lives in
 * its own module so the x509 library loads only when a paste holds one.
 */
export async function decodeBlob(
  blob: CertificateBlob,
  block: number,
): Promise<{ ok: true; certificates: Certificate[] } | { ok: false; reason: string }> {
  const decoded = await decodeCertificates(blob.base64);
  const certificates: Certificate[] = [];
  for (const d of decoded) {
    if (!d.ok) return { ok: false, reason: `a certificate that cannot be decoded (${d.error})` };
    certificates.push({
      kind: "certificate",
      server: undefined,
      thumbprint: d.thumbprint,
      subject: d.subject,
      issuer: d.issuer,
      domains: d.dnsNames,
      services: undefined,
      notBefore: { raw: d.notBefore, iso: d.notBefore, readings: [d.notBefore] },
      notAfter: { raw: d.notAfter, iso: d.notAfter, readings: [d.notAfter] },
      selfSigned: d.selfSigned,
      hasPrivateKey: undefined,
      status: undefined,
      rootCAType: undefined,
      publicKeySize: d.keySize,
      signatureAlgorithm: d.signatureAlgorithm,
      version: d.version,
      enhancedKeyUsage: d.enhancedKeyUsage,
      friendlyName: undefined,
      serialNumber: d.serialNumber,
      truncated: [],
      origin: "pem",
      source: { block, startLine: blob.startLine, endLine: blob.endLine },
    });
  }
  if (certificates.length === 0) return { ok: false, reason: "certificate markers with no certificate inside" };
  return { ok: true, certificates };
}
