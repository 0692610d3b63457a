import type { Certificate } from "../../model/certificate";
import type { ReceiveConnector, SendConnector } from "../../model/connector";
import type { Inventory } from "../../model/inventory";
import type { DateValue } from "../../model/values";
import type { AddCertificateEdit, UnmatchedEdit, WhatIfEdit } from "./edits";

export interface AppliedEdits {
  readonly inventory: Inventory;
  /** Edits whose certificate or connector is not in the paste, in edit order. */
  readonly unmatched: readonly UnmatchedEdit[];
}

/**
 * The inventory as it would be after the edits, applied in order. Pure: the
 * input is not touched. An edit naming something the paste does not hold is
 * reported in `unmatched`, never thrown, so a stale share link still opens.
 */
export function applyEdits(inventory: Inventory, edits: readonly WhatIfEdit[]): AppliedEdits {
  let inv = inventory;
  const unmatched: UnmatchedEdit[] = [];
  edits.forEach((edit, index) => {
    const next = applyOne(inv, edit);
    if (typeof next === "string") unmatched.push({ index, edit, reason: next });
    else inv = next;
  });
  return { inventory: inv, unmatched };
}

function applyOne(inv: Inventory, edit: WhatIfEdit): Inventory | string {
  switch (edit.kind) {
    case "enable-smtp": {
      const found = inv.certificates.some((c) => isCert(c, edit.server, edit.thumbprint));
      if (!found) return `no certificate ${edit.thumbprint} on ${edit.server} in the paste`;
      const certificates = inv.certificates.map((c) =>
        isCert(c, edit.server, edit.thumbprint) ? { ...c, services: withSmtp(c.services) } : c,
      );
      return { ...inv, certificates };
    }
    case "remove-certificate": {
      const certificates = inv.certificates.filter((c) => !isCert(c, edit.server, edit.thumbprint));
      if (certificates.length === inv.certificates.length)
        return `no certificate ${edit.thumbprint} on ${edit.server} in the paste`;
      return { ...inv, certificates };
    }
    case "add-certificate":
      return { ...inv, certificates: [...inv.certificates, addedCertificate(edit)] };
    case "set-fqdn": {
      const match = (c: ReceiveConnector) => isReceive(c, edit.server, edit.connector);
      if (!inv.receiveConnectors.some(match)) return `no receive connector ${edit.connector} on ${edit.server}`;
      const receiveConnectors = inv.receiveConnectors.map((c) =>
        match(c) ? { ...c, fqdn: edit.value, truncated: c.truncated.filter((t) => t !== "fqdn") } : c,
      );
      return { ...inv, receiveConnectors };
    }
    case "set-hybrid-tlsname": {
      if (inv.hybridConfigurations.length === 0) return "no hybrid configuration in the paste";
      const hybridConfigurations = inv.hybridConfigurations.map((h) => ({
        ...h,
        tlsCertificateName: edit.value,
        truncated: h.truncated.filter((t) => t !== "tlsCertificateName"),
      }));
      return { ...inv, hybridConfigurations };
    }
    case "set-tlsname": {
      const value = edit.value ?? "";
      const clean = <T extends { truncated: readonly string[] }>(c: T): T => ({
        ...c,
        tlsCertificateName: value,
        truncated: c.truncated.filter((t) => t !== "tlsCertificateName"),
      });
      if (edit.connectorKind === "send") {
        const match = (c: SendConnector) => isSend(c, edit.connector);
        if (!inv.sendConnectors.some(match)) return `no send connector ${edit.connector}`;
        return { ...inv, sendConnectors: inv.sendConnectors.map((c) => (match(c) ? clean(c) : c)) };
      }
      const match = (c: ReceiveConnector) => isReceive(c, edit.server, edit.connector);
      if (!inv.receiveConnectors.some(match))
        return `no receive connector ${edit.connector}${edit.server ? ` on ${edit.server}` : ""}`;
      return { ...inv, receiveConnectors: inv.receiveConnectors.map((c) => (match(c) ? clean(c) : c)) };
    }
  }
}

function same(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase();
}

function isCert(c: Certificate, server: string, thumbprint: string): boolean {
  return same(c.server, server) && same(c.thumbprint, thumbprint.replace(/\s/g, ""));
}

/** Matches `Name` on the server, or the full `SERVER\Name` identity. */
function isReceive(c: ReceiveConnector, server: string | undefined, connector: string): boolean {
  const slash = connector.indexOf("\\");
  const onServer = slash >= 0 ? connector.slice(0, slash) : server;
  const name = slash >= 0 ? connector.slice(slash + 1) : connector;
  if (same(c.identity, connector)) return true;
  if (!same(c.name, name)) return false;
  return onServer === undefined || c.server === undefined || same(c.server, onServer);
}

function isSend(c: SendConnector, connector: string): boolean {
  return same(c.name, connector) || same(c.identity, connector);
}

function withSmtp(services: Certificate["services"]): Certificate["services"] {
  if (services === undefined) return ["SMTP"];
  return services.includes("SMTP") ? services : [...services, "SMTP"];
}

function dateValue(text: string): DateValue {
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) return { raw: text, iso: null, readings: [] };
  const iso = new Date(ms).toISOString();
  return { raw: text, iso, readings: [iso] };
}

/** A described certificate: what the form says, and unknown for the rest. */
function addedCertificate(edit: AddCertificateEdit): Certificate {
  return {
    kind: "certificate",
    server: edit.server,
    thumbprint: edit.thumbprint?.replace(/\s/g, "").toUpperCase(),
    subject: edit.subject,
    issuer: edit.issuer,
    domains: edit.domains,
    services: edit.services,
    notBefore: dateValue(edit.notBefore),
    notAfter: dateValue(edit.notAfter),
    selfSigned: edit.selfSigned,
    hasPrivateKey: true,
    status: "Valid",
    rootCAType: undefined,
    publicKeySize: undefined,
    signatureAlgorithm: undefined,
    version: undefined,
    enhancedKeyUsage: undefined,
    friendlyName: undefined,
    serialNumber: undefined,
    truncated: [],
    origin: "cmdlet",
    // Not from the paste: line 0 marks it as added by the what-if.
    source: { block: -1, startLine: 0, endLine: 0 },
  };
}
