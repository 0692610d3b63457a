import type { SourceSpan } from "./source";
import type { DateValue, ExchangeService } from "./values";

/**
 * One certificate as certflow knows it, from `Get-ExchangeCertificate` output
 * (any format) or a pasted PEM/base64 certificate. Properties the paste did not
 * hold are `undefined` — unknown is a value, never a default.
 */
export interface Certificate {
  readonly kind: "certificate";
  /** Server the certificate is installed on; undefined = the unnamed server. */
  readonly server: string | undefined;
  /** Upper-case hex without spaces; may be shorter than 40 when masked/cut (see `truncated`). */
  readonly thumbprint: string | undefined;
  readonly subject: string | undefined;
  readonly issuer: string | undefined;
  /** CertificateDomains (SAN DNS names, usually including the subject CN). */
  readonly domains: readonly string[] | undefined;
  /** Services the certificate is enabled for; [] means "None". */
  readonly services: readonly ExchangeService[] | undefined;
  readonly notBefore: DateValue | undefined;
  readonly notAfter: DateValue | undefined;
  readonly selfSigned: boolean | undefined;
  readonly hasPrivateKey: boolean | undefined;
  /** Valid, Invalid, RevocationCheckFailure, Revoked, DateInvalid, Untrusted, PendingRequest, Unknown … */
  readonly status: string | undefined;
  /** None, ThirdParty, Enterprise, Registry, GroupPolicy, Unknown. */
  readonly rootCAType: string | undefined;
  /** Bits (the cmdlet doc says bytes; real output is bits). */
  readonly publicKeySize: number | undefined;
  readonly signatureAlgorithm: string | undefined;
  readonly version: number | undefined;
  readonly enhancedKeyUsage: readonly string[] | undefined;
  readonly friendlyName: string | undefined;
  readonly serialNumber: string | undefined;
  /**
   * Names of the properties above whose pasted value was cut (console width,
   * `...`, masked thumbprint). A truncated value must never be treated as whole.
   */
  readonly truncated: readonly string[];
  /** Where it came from: cmdlet output or a decoded certificate. */
  readonly origin: "cmdlet" | "pem";
  readonly source: SourceSpan;
}
