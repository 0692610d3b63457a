import type { Certificate } from "../../../model/certificate";
import { memoiseByObject } from "../../../model/memo";
import { isThumbprint } from "../../../model/thumbprint";
import type { ExchangeService } from "../../../model/values";
import {
  bool,
  type FixArgument,
  type FixCommand,
  fileBytes,
  integer,
  names,
  SWITCH,
  str,
  thumb,
  variable,
} from "../../fix/command";
import { certificateLabel, OVERWRITE_WARNING } from "../../fix/steps";
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
  return renewalSteps(holders, thumbprint, renew, keySize);
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

/**
 * The renewal request made from the certificate on the first server that holds it, the import of what the CA issued
 * there, and a copy with its private key to every other holder (one certificate, as the old one was). Every holder's
 * finding gets the same steps, so the plan shows them once. Variables are named after the old thumbprint so that two
 * renewals in one plan keep their own files and results.
 */
function renewalSteps(
  holders: readonly Certificate[],
  thumbprint: string,
  renew: string,
  keySize: number | undefined,
): FixStep[] {
  const [first, ...others] = holders;
  const home = first?.server;
  const where = home ?? "the server";
  const tag = thumbprint.slice(0, 8);
  const requestFile = `RenewalRequest${tag}`;
  const issuedFile = `IssuedCertificate${tag}`;
  const renewed = `Renewed${tag}`;
  const password = `RenewedPassword${tag}`;
  const pfx = `RenewedPfx${tag}`;
  const copies = others.flatMap((h) => (h.server === undefined ? [] : [{ server: h.server, cert: h }]));
  const steps: FixStep[] = [
    {
      phase: "install",
      why: `${renew}: make a renewal request from it on ${where} (same subject and names${
        keySize === undefined ? "" : `, a ${keySize}-bit key`
      }) and send the .req file to the CA. The request's private key stays on ${where}, so the issued certificate must be imported there; keeping the same issuer and subject lets every TlsCertificateName that names it keep working.`,
      commands: [
        {
          cmdlet: "Read-Host",
          parameters: [
            ["Prompt", str(`Path for the renewal request (.req) of ${thumbprint}, local to ${where} or UNC`)],
          ],
          assignTo: requestFile,
        },
        {
          cmdlet: "Get-ExchangeCertificate",
          parameters: [...serverArgument(home), ["Thumbprint", thumb(thumbprint)]],
          pipeTo: {
            cmdlet: "New-ExchangeCertificate",
            parameters: [
              ...serverArgument(home),
              ["GenerateRequest", SWITCH],
              ["RequestFile", variable(requestFile)],
              ...(copies.length === 0 ? [] : ([["PrivateKeyExportable", bool(true)]] as const)),
              ...(keySize === undefined ? [] : ([["KeySize", integer(keySize)]] as const)),
            ],
          },
        },
      ],
    },
    {
      phase: "enable",
      why: `When the CA has issued the renewal of ${thumbprint}, import it on ${where} (this completes the pending request) and enable it for ${servicesText(first)}.`,
      commands: [
        {
          cmdlet: "Read-Host",
          parameters: [
            ["Prompt", str(`Path of the certificate the CA issued for ${thumbprint}, as this shell sees it`)],
          ],
          assignTo: issuedFile,
        },
        {
          cmdlet: "Import-ExchangeCertificate",
          parameters: [...serverArgument(home), ["FileData", fileBytes(issuedFile)]],
          assignTo: renewed,
        },
        enableRenewed(home, renewed, first),
      ],
      warning: OVERWRITE_WARNING,
    },
  ];
  if (copies.length === 0) return steps;
  return [
    ...steps,
    {
      phase: "enable",
      why: `Copy the renewal of ${thumbprint} with its private key from ${where} to ${listText(copies.map((c) => c.server))}, which ${copies.length === 1 ? "holds" : "hold"} the old certificate too, and enable it there as the old one was. The renewal request asked for an exportable private key so that it can be copied; the password protects the exported .pfx until it is imported.`,
      commands: [
        {
          cmdlet: "Read-Host",
          parameters: [
            ["AsSecureString", SWITCH],
            ["Prompt", str(`A password for the exported renewal of ${thumbprint}`)],
          ],
          assignTo: password,
        },
        {
          cmdlet: "Export-ExchangeCertificate",
          parameters: [
            ...serverArgument(home),
            ["Thumbprint", variable(renewed, "Thumbprint")],
            ["BinaryEncoded", SWITCH],
            ["Password", variable(password)],
          ],
          assignTo: pfx,
        },
        ...copies.flatMap(({ server, cert }): FixCommand[] => [
          {
            cmdlet: "Import-ExchangeCertificate",
            parameters: [
              ["Server", str(server)],
              ["FileData", variable(pfx, "FileData")],
              ["Password", variable(password)],
            ],
          },
          enableRenewed(server, renewed, cert),
        ]),
      ],
      warning: OVERWRITE_WARNING,
    },
  ];
}

function serverArgument(server: string | undefined): readonly (readonly [string, FixArgument])[] {
  return server === undefined ? [] : [["Server", str(server)]];
}

/** SMTP, and IIS where the old certificate served IIS; other services are left to the admin's renewal procedure. */
function servicesOf(cert: Certificate | undefined): ExchangeService[] {
  return cert?.services?.includes("IIS") ? ["SMTP", "IIS"] : ["SMTP"];
}

function servicesText(cert: Certificate | undefined): string {
  const others = (cert?.services ?? []).filter((s) => s !== "SMTP" && s !== "IIS");
  return `${servicesOf(cert).join(" and ")}${
    others.length === 0
      ? ""
      : `; the old certificate also served ${others.join(", ")}, which this plan leaves to your renewal procedure`
  }`;
}

function enableRenewed(server: string | undefined, renewed: string, old: Certificate | undefined): FixCommand {
  return {
    cmdlet: "Enable-ExchangeCertificate",
    parameters: [
      ...serverArgument(server),
      ["Thumbprint", variable(renewed, "Thumbprint")],
      ["Services", names(...servicesOf(old))],
    ],
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
