import { commonName } from "../../model/distinguished-name";
import type { ExchangeService } from "../../model/values";
import { listText } from "../rules/lib/labels";
import type { FixStep } from "../rules/types";
import { sameServer } from "../select/context";
import { bool, type FixArgument, type FixCommand, fileBytes, names, SWITCH, str, strs, variable } from "./command";
import { OVERWRITE_WARNING, pfxCopyCommands, serverParams } from "./steps";

/** A server that gets the issued certificate, with the services to enable it for there. */
export interface Destination {
  readonly server: string | undefined;
  readonly services: readonly ExchangeService[];
  /** An Edge Transport server: its certificates are managed in its own shell, out of this one's reach. */
  readonly edge: boolean;
}

/** A certificate to get from a CA: made on one server, then copied with its key to the others that need it. */
export interface CertificateRequest {
  /** Letters and digits that keep this request's variables apart from another request's in the same plan. */
  readonly tag: string;
  /** What the CA issues, for the steps' text: "the renewal of 3E7A…", "the certificate for CN=mail.contoso.com". */
  readonly what: string;
  /** The first step's why, with the server the request is made on ("EDGE1, in its own shell," for an Edge server). */
  readonly why: (server: string) => string;
  /** The New-ExchangeCertificate line that writes the request to `requestFile` on `server`. */
  readonly command: (server: string | undefined, requestFile: FixArgument, exportable: boolean) => FixCommand;
  readonly destinations: readonly Destination[];
}

/**
 * The request, made on the first destination this shell reaches (the pending request keeps the private key
 * there, so the issued file must be imported there), the import (its output names the new thumbprint) and the
 * services, then a copy with its key to `target`, the server the finding is about, or to every other destination
 * when the finding names none. A finding's fix stays the size of one server's share, and the plan, which shows a
 * step that several findings give once, still gets the request once and one copy per server.
 */
export function requestSteps(request: CertificateRequest, target?: string): FixStep[] {
  const home = request.destinations.find((d) => !d.edge) ?? request.destinations[0];
  const others = request.destinations.filter((d) => d !== home);
  const where = home?.server ?? "the server";
  const v = variablesOf(request.tag);
  const steps: FixStep[] = [
    {
      phase: "install",
      why: request.why(home?.edge === true ? `${where}, in its own Exchange Management Shell,` : where),
      commands: [
        {
          cmdlet: "Read-Host",
          parameters: [["Prompt", str(`Path for the request (.req) of ${request.what}, local to ${where} or UNC`)]],
          assignTo: v.requestFile,
        },
        request.command(home?.server, variable(v.requestFile), others.length > 0),
      ],
    },
    {
      phase: "enable",
      why: `When the CA has issued ${request.what}, import it on ${where} (this completes the pending request) and enable it for ${listText(home?.services ?? ["SMTP"])}.`,
      commands: [
        {
          cmdlet: "Read-Host",
          parameters: [["Prompt", str(`Path of the file the CA issued for ${request.what}, as this shell sees it`)]],
          assignTo: v.issuedFile,
        },
        {
          cmdlet: "Import-ExchangeCertificate",
          parameters: [...serverParams(home?.server), ["FileData", fileBytes(v.issuedFile)]],
          assignTo: v.issued,
        },
        enableIssued(home, v.issued),
      ],
      warning: OVERWRITE_WARNING,
    },
  ];
  const copies =
    target === undefined ? others : others.filter((d) => d.server !== undefined && sameServer(d.server, target));
  // The home is an Edge server only when every destination is one.
  for (const to of copies)
    steps.push(
      to.server === undefined || to.edge
        ? copyByFile(request.what, where, to)
        : copyStep(request.what, home?.server, to, v),
    );
  return steps;
}

/**
 * A new certificate from a public CA for `subject` (a DN) and `domains`, requested on the first destination this
 * shell reaches and copied to `target` (see `requestSteps`). `purpose` opens the first step: what it is for.
 */
export function newCertificateSteps(
  purpose: string,
  subject: string,
  domains: readonly string[],
  destinations: readonly Destination[],
  target?: string,
): FixStep[] {
  return requestSteps(
    {
      tag: tagOf(commonName(subject) ?? subject),
      what: `the certificate for ${subject}`,
      why: (server) =>
        `${purpose}: make a certificate request for ${subject}${
          domains.length === 0 ? "" : ` (names ${listText(domains)})`
        } on ${server} and send the .req file to a public CA.`,
      command: (server, requestFile, exportable) => ({
        cmdlet: "New-ExchangeCertificate",
        parameters: [
          ...serverParams(server),
          ["GenerateRequest", SWITCH],
          ["SubjectName", str(subject)],
          ...(domains.length === 0 ? [] : ([["DomainName", strs(domains)]] as const)),
          ...(exportable ? ([["PrivateKeyExportable", bool(true)]] as const) : []),
          ["RequestFile", requestFile],
        ],
      }),
      destinations,
    },
    target,
  );
}

/** Letters and digits of `text`, for variable names: `mail.contoso.com` gives `mailcontosocom`. */
function tagOf(text: string): string {
  return text.replace(/[^A-Za-z0-9]/g, "").slice(0, 24) || "Certificate";
}

interface Variables {
  readonly requestFile: string;
  readonly issuedFile: string;
  readonly issued: string;
  readonly password: string;
  readonly pfx: string;
}

function variablesOf(tag: string): Variables {
  return {
    requestFile: `CertificateRequest${tag}`,
    issuedFile: `IssuedFile${tag}`,
    issued: `Issued${tag}`,
    password: `IssuedPassword${tag}`,
    pfx: `IssuedPfx${tag}`,
  };
}

function copyStep(what: string, from: string | undefined, to: Destination, v: Variables): FixStep {
  return {
    phase: "enable",
    why: `Copy ${what} with its private key from ${from ?? "the server"} to ${to.server} and enable it there for ${listText(to.services)}. The request asked for an exportable private key so that it can be copied; the password protects the exported .pfx until it is imported.`,
    commands: [
      ...pfxCopyCommands({
        from,
        to: to.server,
        thumbprint: variable(v.issued, "Thumbprint"),
        prompt: `A password for the exported .pfx of ${what}`,
        password: v.password,
        pfx: v.pfx,
      }),
      enableIssued(to, v.issued),
    ],
    warning: OVERWRITE_WARNING,
  };
}

/** An Edge Transport server is managed in its own shell: the copy goes there as a file. */
function copyByFile(what: string, where: string, to: Destination): FixStep {
  return {
    phase: "enable",
    why: `${to.server ?? "The unnamed server"} is an Edge Transport server, which this shell does not reach: export ${what} from ${where} with its private key to a .pfx file (Export-ExchangeCertificate -BinaryEncoded -Password … -FileName …), copy the file there, and in its own Exchange Management Shell import it (Import-ExchangeCertificate -FileData ([System.IO.File]::ReadAllBytes(…)) -Password …) and enable it for ${listText(to.services)}.`,
    commands: [],
    warning: OVERWRITE_WARNING,
  };
}

function enableIssued(to: Destination | undefined, issued: string): FixCommand {
  return {
    cmdlet: "Enable-ExchangeCertificate",
    parameters: [
      ...serverParams(to?.server),
      ["Thumbprint", variable(issued, "Thumbprint")],
      ["Services", names(...(to?.services ?? ["SMTP"]))],
    ],
  };
}
