import type { WhatIfEdit } from "../../engine/whatif/edits";

/** One line saying what an edit changes, for the list of pending edits. */
export function describeEdit(edit: WhatIfEdit): string {
  switch (edit.kind) {
    case "enable-smtp":
      return `Enable ${edit.thumbprint} for SMTP on ${edit.server}`;
    case "remove-certificate":
      return `Remove ${edit.thumbprint} from ${edit.server}`;
    case "add-certificate":
      return `Add ${edit.subject} on ${edit.server}`;
    case "set-hybrid-tlsname":
      return `Set the hybrid configuration's TlsCertificateName to ${edit.value}`;
    case "set-fqdn":
      return `Set the FQDN of ${edit.connector} on ${edit.server} to ${edit.value}`;
    case "set-tlsname": {
      const where = edit.server && !edit.connector.includes("\\") ? ` on ${edit.server}` : "";
      return edit.value === null
        ? `Clear the TlsCertificateName of ${edit.connector}${where}`
        : `Set the TlsCertificateName of ${edit.connector}${where} to ${edit.value}`;
    }
  }
}
