import type { CertificateDescription } from "../engine/whatif/edits";

/** The certificate the two-server-hybrid-renewal story replaces: Let's Encrypt R10's, on EX01 and EX02. */
export const RENEWAL_OLD = "3E7A1C9B5D2F4E6A8C0B1D3F5A7C9E2B4D6F8A0C";

/** Its successor from R11, described as an admin would in the form: same subject and names, a new issuer. */
export const RENEWAL_SUCCESSOR: CertificateDescription = {
  subject: "CN=mail.contoso.com",
  issuer: "CN=R11, O=Let's Encrypt, C=US",
  domains: ["mail.contoso.com", "autodiscover.contoso.com"],
  notBefore: "2026-10-30",
  notAfter: "2027-01-28",
  selfSigned: false,
};
