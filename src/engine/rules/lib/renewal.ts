import type { Certificate } from "../../../model/certificate";
import { isThumbprint } from "../../../model/thumbprint";
import { str, thumb } from "../../fix/command";
import { certificateLabel, OVERWRITE_WARNING } from "../../fix/steps";
import { isSelfSigned } from "../../select/facts";
import type { FixStep } from "../types";

/**
 * Fix steps for a certificate that has to be replaced (expired, expiring,
 * weak): the new one cannot be named before it exists, so the steps say what
 * to do; removal of the old one comes last and only once nothing uses it.
 */
export function replaceStep(cert: Certificate, reason: string): FixStep {
  const server = cert.server ? ` on ${cert.server}` : "";
  if (isSelfSigned(cert) === true) {
    return {
      phase: "install",
      why: `Replace ${certificateLabel(cert)}${server} (${reason}): a connector that faces the internet or clients needs a certificate from a public CA; for Exchange-internal use a new self-signed certificate (New-ExchangeCertificate) is enough.`,
      commands: [],
      warning: OVERWRITE_WARNING,
    };
  }
  return {
    phase: "install",
    why: `Renew ${certificateLabel(cert)} with its certificate authority (${reason}) and import the renewed certificate with its private key${server}; keeping the same issuer and subject lets every TlsCertificateName that names it keep working. Then enable the renewed certificate for SMTP (and IIS where it served IIS).`,
    commands: [],
    warning: OVERWRITE_WARNING,
  };
}

export function removeStep(cert: Certificate, condition: string): FixStep | undefined {
  if (!cert.thumbprint || !isThumbprint(cert.thumbprint) || cert.truncated.includes("thumbprint")) return undefined;
  return {
    phase: "cleanup",
    why: `Remove ${certificateLabel(cert)}${cert.server ? ` from ${cert.server}` : ""} ${condition}.`,
    commands: [
      {
        cmdlet: "Remove-ExchangeCertificate",
        parameters: [
          ...(cert.server ? ([["Server", str(cert.server)]] as const) : []),
          ["Thumbprint", thumb(cert.thumbprint)],
        ],
      },
    ],
    warning:
      "Removal cannot be undone without the PFX: make sure no IIS binding, POP/IMAP setting or connector on another server still uses it.",
  };
}
