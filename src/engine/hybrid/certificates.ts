import type { Certificate } from "../../model/certificate";
import { commonName } from "../../model/distinguished-name";
import { memoiseByString } from "../../model/memo";
import { isThumbprint, normaliseThumbprint } from "../../model/thumbprint";
import { matchesTlsCertificateName } from "../../model/tls-certificate-name";
import { isBefore } from "../select/dates";
import { isAuthCertificate, isSelfSigned, statusValid } from "../select/facts";
import { latestOf } from "../select/latest";

/** Certificate lookups the hybrid and internal-transport rules share. */
export { uniqueCertificates } from "../../model/certificate-merge";

/** The certificate with this thumbprint, when the paste holds it whole. */
export function withThumbprint(certs: readonly Certificate[], thumbprint: string): Certificate | undefined {
  const wanted = normaliseThumbprint(thumbprint);
  if (!wanted?.complete) return undefined;
  return certs.find((c) => c.thumbprint !== undefined && c.thumbprint.toUpperCase() === wanted.value);
}

/** Certificates whose issuer and subject equal the parsed TlsCertificateName (cut values never match). */
export function matching(
  certs: readonly Certificate[],
  name: { readonly issuer: string; readonly subject: string },
): Certificate[] {
  return certs.filter(
    (c) => !c.truncated.includes("issuer") && !c.truncated.includes("subject") && matchesTlsCertificateName(c, name),
  );
}

/**
 * Among certificates matching one TlsCertificateName, the one Exchange uses:
 * the newest NotBefore (Learn's rule; domain F1.2.3 / D1), the first listed
 * when the dates do not decide.
 */
export function chosenAmong(certs: readonly Certificate[]): Certificate | undefined {
  return latestOf(certs, (c) => c.notBefore);
}

export function isExpired(cert: Certificate, asOf: Date): boolean {
  return isBefore(cert.notAfter, asOf) === "yes";
}

/** `EX01` for `EX01`, `ex01.contoso.local` or `CONTOSO\EX01`; per name, as rules ask it of every certificate of a server. */
const shortName = memoiseByString((server) => {
  const base = server.trim().split("\\").at(-1) ?? server;
  return (base.split(".")[0] ?? base).toLowerCase();
});

/**
 * Is this the kind of certificate Exchange creates for itself — self-signed
 * with subject CN=<server> (Setup, domain F3.1.4; HealthChecker's recipe,
 * F3.3.1)? undefined when the paste cannot tell.
 */
export function isServerOwnCertificate(cert: Certificate, server: string | undefined): boolean | undefined {
  if (isAuthCertificate(cert)) return false;
  const selfSigned = isSelfSigned(cert);
  if (selfSigned === false) return false;
  const cn = cert.subject === undefined || cert.truncated.includes("subject") ? undefined : commonName(cert.subject);
  if (cn === undefined || server === undefined) return undefined;
  if (cn.includes("*") || shortName(cn) !== shortName(server)) return false;
  return selfSigned === true ? true : undefined;
}

/**
 * The server's own self-signed certificate that could be the internal
 * transport certificate again: whole thumbprint, private key, not expired,
 * status not bad. The latest NotAfter wins.
 */
export function ownCertificate(
  certs: readonly Certificate[],
  server: string | undefined,
  asOf: Date,
): Certificate | undefined {
  const usable = certs.filter(
    (c) =>
      isServerOwnCertificate(c, server) === true &&
      c.thumbprint !== undefined &&
      isThumbprint(c.thumbprint) &&
      !c.truncated.includes("thumbprint") &&
      c.hasPrivateKey !== false &&
      statusValid(c) !== false &&
      isBefore(c.notAfter, asOf) === "no",
  );
  return latestOf(usable, (c) => c.notAfter);
}
