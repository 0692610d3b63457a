import { EXCHANGE_SERVICES, type ExchangeService } from "../../model/values";
import type { CertificateDescription, WhatIfEdit } from "./edits";

/** More edits than anyone plans by hand; a longer list is not a what-if. */
export const MAX_EDITS = 200;
/** Longer than any subject, TlsCertificateName or DNS name Exchange prints. */
const MAX_TEXT = 4096;

/**
 * Reads what-if edits from outside (a share link or file): the edits, or one
 * sentence saying what is wrong. Never throws.
 */
export function readEdits(value: unknown): readonly WhatIfEdit[] | string {
  if (!Array.isArray(value)) return "its what-if edits are not a list";
  if (value.length > MAX_EDITS) return `it holds more than ${MAX_EDITS} what-if edits`;
  const edits: WhatIfEdit[] = [];
  for (const [i, item] of value.entries()) {
    const edit = readEdit(item);
    if (edit === undefined) return `what-if edit ${i + 1} is not one certflow knows`;
    edits.push(edit);
  }
  return edits;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function text(value: unknown): value is string {
  return typeof value === "string" && value.length > 0 && value.length <= MAX_TEXT;
}

function texts(value: unknown): value is string[] {
  return Array.isArray(value) && value.length <= MAX_EDITS && value.every(text);
}

function services(value: unknown): value is ExchangeService[] {
  return Array.isArray(value) && value.every((v) => EXCHANGE_SERVICES.some((s) => s === v));
}

function readEdit(item: unknown): WhatIfEdit | undefined {
  if (!isRecord(item)) return undefined;
  const { kind, server, thumbprint, connector, value } = item;
  switch (kind) {
    case "enable-smtp":
    case "remove-certificate":
      return text(server) && text(thumbprint) ? { kind, server, thumbprint } : undefined;
    case "set-fqdn":
      return text(server) && text(connector) && text(value) ? { kind, server, connector, value } : undefined;
    case "set-hybrid-tlsname":
      return text(value) ? { kind, value } : undefined;
    case "set-tlsname": {
      const { connectorKind } = item;
      if (connectorKind !== "receive" && connectorKind !== "send") return undefined;
      if (!text(connector) || (value !== null && !text(value))) return undefined;
      if (server !== undefined && !text(server)) return undefined;
      return { kind, connectorKind, connector, value, ...(server === undefined ? {} : { server }) };
    }
    case "add-certificate": {
      const description = readCertificateDescription(item);
      if (description === undefined || !text(server) || !services(item.services)) return undefined;
      return { kind, server, services: item.services, ...description };
    }
    default:
      return undefined;
  }
}

/** A pasted or described certificate from outside; undefined when a field is missing or of the wrong kind. */
export function readCertificateDescription(value: unknown): CertificateDescription | undefined {
  if (!isRecord(value)) return undefined;
  const { subject, issuer, domains, notBefore, notAfter, selfSigned, thumbprint } = value;
  if (!text(subject) || !text(issuer) || !texts(domains)) return undefined;
  if (!text(notBefore) || !text(notAfter) || typeof selfSigned !== "boolean") return undefined;
  if (thumbprint !== undefined && !text(thumbprint)) return undefined;
  return {
    subject,
    issuer,
    domains,
    notBefore,
    notAfter,
    selfSigned,
    ...(thumbprint === undefined ? {} : { thumbprint }),
  };
}
