import type { Certificate } from "../../model/certificate";
import type { ReceiveConnector, SendConnector } from "../../model/connector";
import { memoiseByObject, memoiseByString } from "../../model/memo";
import { isThumbprint } from "../../model/thumbprint";
import { formatTlsCertificateName } from "../../model/tls-certificate-name";
import type { FixStep } from "../rules/types";
import { type FixArgument, type FixCommand, NULL, names, SWITCH, str, thumb, variable } from "./command";

/**
 * The fix steps rules share, with the exact wording of Microsoft's guidance.
 * Each takes real objects from the paste; the renderer does the quoting.
 */
export const OVERWRITE_WARNING =
  "When PowerShell asks 'Overwrite the existing default SMTP certificate?', answer N (No): replacing the default (internal transport) certificate breaks EdgeSync and the Edge subscription (KB 2989382).";

/** Made once per certificate: messages and fix steps of several rules name the same certificates. */
export const certificateLabel: (cert: Certificate) => string = memoiseByObject(
  (cert: Certificate) => `${cert.subject ?? "a certificate"}${cert.thumbprint ? ` (${cert.thumbprint})` : ""}`,
);

export function connectorIdentity(c: ReceiveConnector | SendConnector): string | undefined {
  if (c.kind === "send-connector") return c.identity ?? c.name;
  if (c.identity) return c.identity;
  if (c.server && c.name) return `${c.server}\\${c.name}`;
  return c.name;
}

export function tlsNameOf(cert: Certificate): string | undefined {
  if (!cert.issuer || !cert.subject || cert.truncated.includes("issuer") || cert.truncated.includes("subject"))
    return undefined;
  return formatTlsCertificateName(cert.issuer, cert.subject);
}

export function serverParams(server: string | undefined): [string, ReturnType<typeof str>][] {
  return server ? [["Server", str(server)]] : [];
}

/** `server`: where to enable it, when that is not where it was pasted (a certificate copied to another server). */
export function enableSmtp(cert: Certificate, server = cert.server): FixStep | undefined {
  if (!cert.thumbprint || !isThumbprint(cert.thumbprint)) return undefined;
  return {
    phase: "enable",
    why: `Enable ${certificateLabel(cert)} for SMTP${server ? ` on ${server}` : ""} (service assignments only add; IIS and the others stay).`,
    commands: [
      {
        cmdlet: "Enable-ExchangeCertificate",
        parameters: [...serverParams(server), ["Thumbprint", thumb(cert.thumbprint)], ["Services", names("SMTP")]],
      },
    ],
    warning: OVERWRITE_WARNING,
  };
}

/** A certificate carried with its private key from one server to another through the shell's memory. */
export interface PfxCopy {
  readonly from: string | undefined;
  readonly to: string | undefined;
  readonly thumbprint: FixArgument;
  /** What the password prompt asks. */
  readonly prompt: string;
  /** Variable names for the password and the exported .pfx. */
  readonly password: string;
  readonly pfx: string;
}

/** A password for the .pfx, the export with the key into the shell's memory, and the import on the other server. */
export function pfxCopyCommands(copy: PfxCopy): FixCommand[] {
  return [
    {
      cmdlet: "Read-Host",
      parameters: [
        ["AsSecureString", SWITCH],
        ["Prompt", str(copy.prompt)],
      ],
      assignTo: copy.password,
    },
    {
      cmdlet: "Export-ExchangeCertificate",
      parameters: [
        ...serverParams(copy.from),
        ["Thumbprint", copy.thumbprint],
        ["BinaryEncoded", SWITCH],
        ["Password", variable(copy.password)],
      ],
      assignTo: copy.pfx,
    },
    {
      cmdlet: "Import-ExchangeCertificate",
      parameters: [
        ...serverParams(copy.to),
        ["FileData", variable(copy.pfx, "FileData")],
        ["Password", variable(copy.password)],
      ],
    },
  ];
}

export function setConnectorTlsName(
  connector: ReceiveConnector | SendConnector,
  cert: Certificate,
): FixStep | undefined {
  const identity = connectorIdentity(connector);
  const value = tlsNameOf(cert);
  if (!identity || !value) return undefined;
  const cmdlet = connector.kind === "send-connector" ? "Set-SendConnector" : "Set-ReceiveConnector";
  const step: FixStep = {
    phase: "connector",
    why: `Point ${connector.kind === "send-connector" ? "send" : "receive"} connector '${identity}' at ${certificateLabel(cert)} by its issuer and subject.`,
    commands: [{ cmdlet, identity, parameters: [["TlsCertificateName", str(value)]] }],
  };
  return isLetsEncrypt(cert) ? { ...step, warning: ROTATING_ISSUER } : step;
}

const LETS_ENCRYPT = /(?:^|,)\s*O\s*=\s*Let['’]s Encrypt\s*(?:,|$)/i;

/** Issued by Let's Encrypt, which renews through an ACME client and from intermediates in turn. */
export function isLetsEncrypt(cert: Certificate): boolean {
  return cert.issuer !== undefined && LETS_ENCRYPT.test(cert.issuer);
}

/**
 * Since 2024 Let's Encrypt issues from several intermediates in turn (R10–R14, E5–E9; letsencrypt.org, 19 March
 * 2024), and a TlsCertificateName names the issuer exactly (domain F1.2.1).
 */
export const ROTATING_ISSUER =
  "Let's Encrypt issues renewals from several intermediates in turn, so the issuer in this value can differ after the next renewal and the connector would lose STARTTLS: check it after every renewal (some ACME clients can update it).";

export function clearConnectorTlsName(connector: ReceiveConnector | SendConnector): FixStep | undefined {
  const identity = connectorIdentity(connector);
  if (!identity) return undefined;
  const cmdlet = connector.kind === "send-connector" ? "Set-SendConnector" : "Set-ReceiveConnector";
  return {
    phase: "connector",
    why: `Clear TlsCertificateName on '${identity}' so Exchange chooses by the connector's FQDN again.`,
    commands: [{ cmdlet, identity, parameters: [["TlsCertificateName", NULL]] }],
  };
}

export function setHybridTlsName(cert: Certificate): FixStep | undefined {
  const value = tlsNameOf(cert);
  if (!value) return undefined;
  return {
    phase: "hybrid",
    why: `Name ${certificateLabel(cert)} in the hybrid configuration (the wizard writes it to the hybrid connectors).`,
    commands: [{ cmdlet: "Set-HybridConfiguration", parameters: [["TlsCertificateName", str(value)]] }],
  };
}

export function restartTransport(server: string | undefined, frontend: boolean): FixStep {
  const service = frontend ? "MSExchangeFrontEndTransport" : "MSExchangeTransport";
  return {
    phase: "restart",
    why: `On ${server ?? "the server"}, restart ${service} so the connector loads the certificate now rather than at the next restart.`,
    commands: server === undefined ? localRestart(service) : (frontend ? frontendRestart : transportRestart)(server),
  };
}

/**
 * A named server's restart names it (`Get-Service -ComputerName … | Restart-Service`): the plan shows a command
 * several findings give once, and a command without the server would leave every server but the first unrestarted.
 * Made once per server, so an organisation's connectors share them.
 */
const restartOn = (service: string) =>
  memoiseByString((server: string): readonly FixCommand[] => [
    {
      cmdlet: "Get-Service",
      parameters: [
        ["ComputerName", str(server)],
        ["Name", str(service)],
      ],
      pipeTo: { cmdlet: "Restart-Service", parameters: [] },
    },
  ]);
const frontendRestart = restartOn("MSExchangeFrontEndTransport");
const transportRestart = restartOn("MSExchangeTransport");

/** The server is not known: the command for the shell on it. */
function localRestart(service: string): readonly FixCommand[] {
  return [{ cmdlet: "Restart-Service", identity: service, parameters: [] }];
}

export const RERUN_HCW: FixStep = {
  phase: "hcw",
  why: "Re-run the Hybrid Configuration Wizard (or its 'Update Secure Mail Certificate for Connectors' option) and choose the new certificate, so the on-premises and Exchange Online connectors agree.",
  commands: [],
};

export function inspectCertificates(server: string | undefined): FixStep {
  const command: FixCommand = {
    cmdlet: "Get-ExchangeCertificate",
    parameters: server ? [["Server", str(server)]] : [],
    pipeTo: "Format-List",
  };
  return {
    phase: "inspect",
    why: `Paste the full certificate list${server ? ` of ${server}` : ""} so certflow can check it.`,
    commands: [command],
  };
}

/** `identity` names one connector; without it, every receive connector (of `server`, when known). */
export function inspectReceiveConnectors(server: string | undefined, identity?: string): FixStep {
  const command: FixCommand = identity
    ? { cmdlet: "Get-ReceiveConnector", identity, parameters: [], pipeTo: "Format-List" }
    : { cmdlet: "Get-ReceiveConnector", parameters: serverParams(server), pipeTo: "Format-List" };
  return {
    phase: "inspect",
    why: `Paste the full settings of ${identity ? `receive connector '${identity}'` : `the receive connectors${server ? ` of ${server}` : ""}`} (Format-List wraps long values instead of cutting them) so certflow can check them.`,
    commands: [command],
  };
}

export function inspectSendConnectors(identity?: string): FixStep {
  return {
    phase: "inspect",
    why: `Paste the full settings of ${identity ? `send connector '${identity}'` : "the send connectors"} (Format-List wraps long values instead of cutting them) so certflow can check them.`,
    commands: [
      { cmdlet: "Get-SendConnector", ...(identity ? { identity } : {}), parameters: [], pipeTo: "Format-List" },
    ],
  };
}

export const INSPECT_HYBRID: FixStep = {
  phase: "inspect",
  why: "Paste the hybrid configuration in full (Format-List wraps long values instead of cutting them) so certflow can check it.",
  commands: [{ cmdlet: "Get-HybridConfiguration", parameters: [], pipeTo: "Format-List" }],
};
