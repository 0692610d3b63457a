import type { ExchangeService } from "../../model/values";

/**
 * A what-if edit: one change an admin could make with one cmdlet. Edits are
 * plain data so they can travel in share links and be validated on the way in.
 */
export type WhatIfEdit = EnableSmtpEdit | SetTlsNameEdit | SetFqdnEdit | RemoveCertificateEdit | AddCertificateEdit;

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

export interface AddCertificateEdit {
  readonly kind: "add-certificate";
  readonly server: string;
  /** Known when the certificate was pasted as PEM; a described one has none. */
  readonly thumbprint?: string;
  readonly subject: string;
  readonly issuer: string;
  readonly domains: readonly string[];
  /** ISO 8601 date or date-time. */
  readonly notBefore: string;
  readonly notAfter: string;
  readonly selfSigned: boolean;
  readonly services: readonly ExchangeService[];
}

/** An edit whose target is not in the inventory: it changed nothing. */
export interface UnmatchedEdit {
  readonly index: number;
  readonly edit: WhatIfEdit;
  readonly reason: string;
}
