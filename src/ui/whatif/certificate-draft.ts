import type { CertificateDescription } from "../../engine/whatif/edits";
import { isThumbprint } from "../../model/thumbprint";

/** What the certificate form holds while the admin types: PEM text, or the fields of a described certificate. */
export interface CertificateDraft {
  readonly mode: "pem" | "form";
  readonly pem: string;
  readonly subject: string;
  readonly issuer: string;
  /** SAN DNS names separated by commas, spaces or new lines. */
  readonly domains: string;
  /** YYYY-MM-DD, as a date input holds it. */
  readonly notBefore: string;
  readonly notAfter: string;
  readonly selfSigned: boolean;
  readonly thumbprint: string;
}

export type DraftReading =
  | { readonly ok: true; readonly description: CertificateDescription; readonly note?: string }
  | { readonly ok: false; readonly message: string };

export function emptyDraft(from?: Partial<CertificateDescription>): CertificateDraft {
  return {
    mode: "form",
    pem: "",
    subject: from?.subject ?? "",
    issuer: from?.issuer ?? "",
    domains: (from?.domains ?? []).join(", "),
    notBefore: from?.notBefore?.slice(0, 10) ?? "",
    notAfter: from?.notAfter?.slice(0, 10) ?? "",
    selfSigned: from?.selfSigned ?? false,
    thumbprint: from?.thumbprint ?? "",
  };
}

/** The described certificate, or what to correct; PEM is read by `readPem` (it loads the decoder). */
export function readForm(draft: CertificateDraft): DraftReading {
  const subject = draft.subject.trim();
  const issuer = draft.issuer.trim();
  if (subject === "") return { ok: false, message: "Fill in the subject, e.g. CN=mail.contoso.com." };
  if (draft.selfSigned && issuer !== "" && issuer !== subject)
    return { ok: false, message: "A self-signed certificate has the same issuer as subject." };
  const from = Date.parse(draft.notBefore);
  const to = Date.parse(draft.notAfter);
  if (Number.isNaN(from)) return { ok: false, message: "Fill in the date it is valid from." };
  if (Number.isNaN(to)) return { ok: false, message: "Fill in the date it expires." };
  if (to <= from) return { ok: false, message: "It must expire after the date it is valid from." };
  const thumbprint = draft.thumbprint.replace(/\s/g, "").toUpperCase();
  if (thumbprint !== "" && !isThumbprint(thumbprint))
    return { ok: false, message: "A thumbprint is 40 hex digits; leave it empty if you do not know it yet." };
  const resolvedIssuer = draft.selfSigned ? subject : issuer;
  if (resolvedIssuer === "") return { ok: false, message: "Fill in the issuer, or tick Self-signed." };
  return {
    ok: true,
    description: {
      subject,
      issuer: resolvedIssuer,
      domains: draft.domains.split(/[\s,;]+/).filter((d) => d !== ""),
      notBefore: draft.notBefore,
      notAfter: draft.notAfter,
      selfSigned: draft.selfSigned,
      ...(thumbprint === "" ? {} : { thumbprint }),
    },
  };
}

/** Reads the draft either way; the x509 decoder loads only when PEM is read. */
export async function readDraft(draft: CertificateDraft): Promise<DraftReading> {
  if (draft.mode === "form") return readForm(draft);
  const { describePem } = await import("../../x509/describe");
  const read = await describePem(draft.pem);
  if (!read.ok) return read;
  return read.others === 0
    ? { ok: true, description: read.description }
    : {
        ok: true,
        description: read.description,
        note: `The text holds ${read.others + 1} certificates; certflow took the first, ${read.description.subject}.`,
      };
}
