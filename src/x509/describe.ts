import type { CertificateDescription } from "../engine/whatif/edits";
import { decodeCertificates } from "./decode";

export type PemDescription =
  | { readonly ok: true; readonly description: CertificateDescription; readonly others: number }
  | { readonly ok: false; readonly message: string };

/**
 * A pasted PEM (or base64 DER) certificate as a description the what-if and
 * the renewal planner take. With a chain, the first certificate is the one
 * meant (servers send leaf first); `others` says how many followed it.
 * Imported lazily by the page so the x509 library stays out of its first load.
 */
export async function describePem(text: string): Promise<PemDescription> {
  if (text.trim() === "") return { ok: false, message: "Paste the certificate first." };
  const decoded = await decodeCertificates(text);
  const first = decoded[0];
  if (first === undefined) return { ok: false, message: "No certificate was found in the text." };
  if (!first.ok) return { ok: false, message: `The certificate could not be read: ${first.error}.` };
  return {
    ok: true,
    description: {
      thumbprint: first.thumbprint,
      subject: first.subject,
      issuer: first.issuer,
      domains: first.dnsNames,
      notBefore: first.notBefore,
      notAfter: first.notAfter,
      selfSigned: first.selfSigned,
    },
    others: decoded.length - 1,
  };
}
