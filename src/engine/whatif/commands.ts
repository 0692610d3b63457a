import { isThumbprint } from "../../model/thumbprint";
import { type FixArgument, type FixCommand, NULL, names, str, thumb } from "../fix/command";
import { renderComment as comment, renderPowerShell } from "../fix/powershell";
import type { SetTlsNameEdit, WhatIfEdit } from "./edits";

/**
 * The PowerShell that would make the edits real, one line per edit, rendered
 * by the one renderer. An import cannot be written without the .pfx file, so
 * it is described in a comment; so is an edit whose thumbprint is not whole.
 */
export function editCommands(edits: readonly WhatIfEdit[]): string[] {
  return edits.map(editCommand);
}

function editCommand(edit: WhatIfEdit): string {
  switch (edit.kind) {
    case "enable-smtp":
      return withThumbprint(edit.thumbprint, (t) => ({
        cmdlet: "Enable-ExchangeCertificate",
        parameters: [
          ["Server", str(edit.server)],
          ["Thumbprint", t],
          ["Services", names("SMTP")],
        ],
      }));
    case "remove-certificate":
      return withThumbprint(edit.thumbprint, (t) => ({
        cmdlet: "Remove-ExchangeCertificate",
        parameters: [
          ["Server", str(edit.server)],
          ["Thumbprint", t],
        ],
      }));
    case "set-tlsname":
      return renderPowerShell({
        cmdlet: edit.connectorKind === "send" ? "Set-SendConnector" : "Set-ReceiveConnector",
        identity: identity(edit),
        parameters: [["TlsCertificateName", edit.value === null ? NULL : str(edit.value)]],
      });
    case "set-hybrid-tlsname":
      return renderPowerShell({
        cmdlet: "Set-HybridConfiguration",
        parameters: [["TlsCertificateName", str(edit.value)]],
      });
    case "set-fqdn":
      return renderPowerShell({
        cmdlet: "Set-ReceiveConnector",
        identity: identity({ connectorKind: "receive", server: edit.server, connector: edit.connector }),
        parameters: [["Fqdn", str(edit.value)]],
      });
    case "add-certificate":
      return comment(
        `Import-ExchangeCertificate -Server ${edit.server} with the .pfx of ${edit.subject} (issued by ${edit.issuer})` +
          (edit.services.length > 0 ? `, then Enable-ExchangeCertificate for ${edit.services.join(",")}` : "") +
          ": the file is not in the paste.",
      );
  }
}

function identity(edit: Pick<SetTlsNameEdit, "connectorKind" | "server" | "connector">): string {
  if (edit.connectorKind === "send" || edit.connector.includes("\\") || !edit.server) return edit.connector;
  return `${edit.server}\\${edit.connector}`;
}

function withThumbprint(text: string, build: (t: FixArgument) => FixCommand): string {
  const compact = text.replace(/\s/g, "").toUpperCase();
  if (!isThumbprint(compact)) return comment(`${text} is not a whole thumbprint (40 hex digits): no command.`);
  return renderPowerShell(build(thumb(compact)));
}
