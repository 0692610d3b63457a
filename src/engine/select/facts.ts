import type { Certificate } from "../../model/certificate";
import { commonName, sameDn } from "../../model/distinguished-name";
import { certificateNames } from "../../model/hostname";
import { memoiseByObject, memoiseByString } from "../../model/memo";
import type { ExchangeVersion } from "../../model/server";
import type { Candidate } from "./context";
import { labelText } from "./label";

/** Facts about one certificate the steps share. `undefined` always means "the paste does not say". */

const AUTH_CERT_CN = "microsoft exchange server auth certificate";

/** The OAuth certificate Setup creates (domain F3.1.4): SMTP flag, but never a transport TLS certificate. */
export function isAuthCertificate(cert: Certificate): boolean {
  return cert.subject !== undefined && isAuthSubject(cert.subject);
}

/** Per subject: selection and most rules ask this of every certificate they look at. */
const isAuthSubject = memoiseByString((subject) => {
  const cn = commonName(subject);
  return cn !== undefined && cn.trim().toLowerCase() === AUTH_CERT_CN;
});

/**
 * `certificateNames` of a pasted certificate, made once per certificate: selection and several rules ask it of
 * every certificate of a server for each connector. Shared: callers must treat it as read-only.
 */
export const namesOf: (cert: Certificate) => readonly string[] = memoiseByObject(certificateNames);

/** IsSelfSigned, else issuer = subject when both are pasted. */
export function isSelfSigned(cert: Certificate): boolean | undefined {
  if (cert.selfSigned !== undefined) return cert.selfSigned;
  if (cert.issuer === undefined || cert.subject === undefined) return undefined;
  if (cert.truncated.includes("issuer") || cert.truncated.includes("subject")) return undefined;
  return sameDn(cert.issuer, cert.subject);
}

export function isSmtpEnabled(cert: Certificate): boolean | undefined {
  return cert.services === undefined ? undefined : cert.services.includes("SMTP");
}

export function statusValid(cert: Certificate): boolean | undefined {
  return cert.status === undefined ? undefined : cert.status.trim().toLowerCase() === "valid";
}

/** Exchange 2007 and 2010 filter on the SMTP service; 2013 and later do not (domain D2). */
export function filtersOnSmtp(version: ExchangeVersion | undefined): boolean {
  return version === "2007" || version === "2010";
}

export function hasTlsCertificateName(version: ExchangeVersion | undefined): boolean {
  return !filtersOnSmtp(version);
}

export function versionText(version: ExchangeVersion | undefined): string {
  return version === undefined ? "unknown" : version === "SE" ? "Exchange SE" : `Exchange ${version}`;
}

/**
 * `A1B2… (CN=mail.contoso.com)`: the key first, then what the admin recognises. Candidates of a selection context
 * carry it already (a server's candidates are named in several steps of each of its selections).
 */
export function label(candidate: Candidate): string {
  return candidate.label ?? labelText(candidate.key, candidate.cert);
}

export function listText(items: readonly string[], max = 4): string {
  if (items.length === 0) return "none";
  const shown = items.slice(0, max);
  const more = items.length > max ? ` and ${items.length - max} more` : "";
  if (shown.length === 1) return `${shown[0]}${more}`;
  return more === "" ? `${shown.slice(0, -1).join(", ")} and ${shown[shown.length - 1]}` : `${shown.join(", ")}${more}`;
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}
