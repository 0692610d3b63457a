import type { Certificate } from "../../../model/certificate";
import { memoiseByObject } from "../../../model/memo";
import { isThumbprint } from "../../../model/thumbprint";
import { bool, integer, SWITCH, str, thumb } from "../../fix/command";
import { requestSteps } from "../../fix/issued-certificate";
import { certificateLabel, isLetsEncrypt, OVERWRITE_WARNING, serverParams } from "../../fix/steps";
import { sameServer } from "../../select/context";
import { isSelfSigned } from "../../select/facts";
import type { FixStep, RuleContext } from "../types";
import { listText } from "./labels";

/**
 * Fix steps for a certificate that has to be replaced (expired, expiring,
 * weak): the new one does not exist yet, so a CA-issued one is renewed from
 * itself (same subject and names) and the issued certificate is picked up by
 * the import's output; removal of the old one comes last and only once nothing
 * uses it. `keySize` asks the renewal for a larger key than the old one had.
 */
export function replaceSteps(ctx: RuleContext, cert: Certificate, reason: string, keySize?: number): FixStep[] {
  const server = cert.server ? ` on ${cert.server}` : "";
  if (isSelfSigned(cert) === true) {
    return [
      {
        phase: "install",
        why: `Replace ${certificateLabel(cert)}${server} (${reason}): a connector that faces the internet or clients needs a certificate from a public CA; for Exchange-internal use a new self-signed certificate (New-ExchangeCertificate) is enough.`,
        commands: [],
        warning: OVERWRITE_WARNING,
      },
    ];
  }
  if (isLetsEncrypt(cert)) return [acmeRenewal(cert, reason)];
  const renew = `Renew ${certificateLabel(cert)} with its certificate authority (${reason})`;
  const thumbprint = cert.thumbprint?.toUpperCase();
  if (
    cert.origin !== "cmdlet" ||
    thumbprint === undefined ||
    !isThumbprint(thumbprint) ||
    cert.truncated.includes("thumbprint")
  ) {
    return [
      {
        phase: "install",
        why: `${renew} and import the renewed certificate with its private key${server}; keeping the same issuer and subject lets every TlsCertificateName that names it keep working. Then enable the renewed certificate for SMTP (and IIS where it served IIS).`,
        commands: [],
        warning: OVERWRITE_WARNING,
      },
    ];
  }
  const holders =
    cert.server === undefined ? [cert] : (holdersOf(ctx.installedCertificates()).get(thumbprint) ?? [cert]);
  const others = (cert.services ?? []).filter((s) => s !== "SMTP" && s !== "IIS");
  return requestSteps(
    {
      tag: thumbprint.slice(0, 8),
      what: `the renewal of ${thumbprint}`,
      why: (server) =>
        `${renew}: make a renewal request from it on ${server} (same subject and names${
          keySize === undefined ? "" : `, a ${keySize}-bit key`
        }) and send the .req file to the CA. Keeping the same issuer and subject lets every TlsCertificateName that names it keep working.${
          others.length === 0
            ? ""
            : ` The old certificate also served ${listText(others)}; this plan enables the renewal for SMTP and IIS only and leaves those to your renewal procedure.`
        }`,
      command: (server, requestFile, exportable) => ({
        cmdlet: "Get-ExchangeCertificate",
        parameters: [...serverParams(server), ["Thumbprint", thumb(thumbprint)]],
        pipeTo: {
          cmdlet: "New-ExchangeCertificate",
          parameters: [
            ...serverParams(server),
            ["GenerateRequest", SWITCH],
            ["RequestFile", requestFile],
            ...(exportable ? ([["PrivateKeyExportable", bool(true)]] as const) : []),
            ...(keySize === undefined ? [] : ([["KeySize", integer(keySize)]] as const)),
          ],
        },
      }),
      destinations: holders.map((h) => ({
        server: h.server,
        services: h.services?.includes("IIS") ? ["SMTP", "IIS"] : ["SMTP"],
        edge: ctx.isEdge(h.server) === true,
      })),
    },
    cert.server,
  );
}

/** Let's Encrypt certificates are renewed by an ACME client, not from a request file, and may change issuer. */
function acmeRenewal(cert: Certificate, reason: string): FixStep {
  const on = cert.server ? ` on ${cert.server}` : "";
  return {
    phase: "install",
    why: `Renew ${certificateLabel(cert)}${on} (${reason}) with your ACME client (win-acme, Certify The Web or the like): Let's Encrypt renews through ACME, not from a request file. Check that the client enables the renewal for SMTP (and IIS where the old one served IIS). Let's Encrypt issues from several intermediates in turn, so the renewal's issuer may not be ${cert.issuer}: every TlsCertificateName that names this certificate must then be pointed at the renewal, or those connectors lose STARTTLS.`,
    commands: [],
    warning: OVERWRITE_WARNING,
  };
}

/** Installed certificates by thumbprint (upper case), each server once, in paste order; made once per analysis. */
const holdersOf = memoiseByObject((installed: readonly Certificate[]): ReadonlyMap<string, readonly Certificate[]> => {
  const out = new Map<string, Certificate[]>();
  for (const c of installed) {
    const thumbprint = c.thumbprint?.toUpperCase();
    if (thumbprint === undefined || c.server === undefined) continue;
    const list = out.get(thumbprint);
    if (list === undefined) out.set(thumbprint, [c]);
    else if (!list.some((h) => sameServer(h.server, c.server))) list.push(c);
  }
  return out;
});

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
