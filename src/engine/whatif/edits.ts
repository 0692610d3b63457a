import type { ExchangeService } from "../../model/values";

/**
 * A what-if edit: one change an admin could make with one cmdlet. Edits are
 * plain data so they can travel in share links and be validated on the way in.
 */
export type WhatIfEdit =
  | EnableSmtpEdit
  | SetTlsNameEdit
  | SetHybridTlsNameEdit
  | SetFqdnEdit
  | RemoveCertificateEdit
  | AddCertificateEdit;

export interface EnableSmtpEdit {
  readonly kind: "enable-smtp";
  readonly server: string;
  readonly thumbprint: string;
}

export interface SetTlsNameEdit {
  readonly kind: "set-tlsname";
  readonly connectorKind: "receive" | "send";
  /** Receive connectors live on a server; send connectors are organisation objects. */
  readonly server?: string;
  /** Connector name or identity (`EX01\Default Frontend EX01`). */
  readonly connector: string;
  /** `<I>issuer<S>subject`, or null to clear it. */
  readonly value: string | null;
}

/** The hybrid configuration's TlsCertificateName (Set-HybridConfiguration, domain F4.8); there is one per organisation. */
export interface SetHybridTlsNameEdit {
  readonly kind: "set-hybrid-tlsname";
  /** `<I>issuer<S>subject`. */
  readonly value: string;
}

export interface SetFqdnEdit {
  readonly kind: "set-fqdn";
  readonly server: string;
  /** Receive connector name or identity. */
  readonly connector: string;
  readonly value: string;
}

export interface RemoveCertificateEdit {
  readonly kind: "remove-certificate";
  readonly server: string;
  readonly thumbprint: string;
}

/** A certificate that is not in the paste: decoded from pasted PEM, or described in a form. */
export interface CertificateDescription {
  /** Known when the certificate was pasted as PEM; a described one may have none. */
  readonly thumbprint?: string;
  readonly subject: string;
  readonly issuer: string;
  readonly domains: readonly string[];
  /** ISO 8601 date or date-time. */
  readonly notBefore: string;
  readonly notAfter: string;
  readonly selfSigned: boolean;
}

export interface AddCertificateEdit extends CertificateDescription {
  readonly kind: "add-certificate";
  readonly server: string;
  readonly services: readonly ExchangeService[];
}

/** An edit whose target is not in the inventory: it changed nothing. */
export interface UnmatchedEdit {
  readonly index: number;
  readonly edit: WhatIfEdit;
  readonly reason: string;
}
