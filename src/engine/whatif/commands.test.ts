import { describe, expect, it } from "vitest";
import { thumb } from "../../model/test-builders";
import { editCommands } from "./commands";
import type { WhatIfEdit } from "./edits";

describe("editCommands", () => {
  it.each([
    [
      { kind: "enable-smtp", server: "EX01", thumbprint: thumb("a1").toLowerCase() },
      `Enable-ExchangeCertificate -Server 'EX01' -Thumbprint ${thumb("A1")} -Services SMTP`,
    ],
    [
      { kind: "remove-certificate", server: "EX01", thumbprint: thumb("B2") },
      `Remove-ExchangeCertificate -Server 'EX01' -Thumbprint ${thumb("B2")}`,
    ],
    [
      {
        kind: "set-tlsname",
        connectorKind: "receive",
        server: "EX01",
        connector: "Default Frontend EX01",
        value: "<I>CN=CA<S>CN=O'Brien",
      },
      "Set-ReceiveConnector 'EX01\\Default Frontend EX01' -TlsCertificateName '<I>CN=CA<S>CN=O''Brien'",
    ],
    [
      { kind: "set-tlsname", connectorKind: "send", connector: "Outbound to Office 365", value: null },
      "Set-SendConnector 'Outbound to Office 365' -TlsCertificateName $null",
    ],
    [
      { kind: "set-hybrid-tlsname", value: "<I>CN=R11, O=Let's Encrypt, C=US<S>CN=mail.contoso.com" },
      "Set-HybridConfiguration -TlsCertificateName '<I>CN=R11, O=Let''s Encrypt, C=US<S>CN=mail.contoso.com'",
    ],
    [
      { kind: "set-fqdn", server: "EX01", connector: "EX01\\Client Frontend EX01", value: "smtp.contoso.com" },
      "Set-ReceiveConnector 'EX01\\Client Frontend EX01' -Fqdn 'smtp.contoso.com'",
    ],
    [
      { kind: "enable-smtp", server: "EX01", thumbprint: "6A1F…" },
      "# 6A1F… is not a whole thumbprint (40 hex digits): no command.",
    ],
    [
      {
        kind: "add-certificate",
        server: "EX01",
        subject: "CN=evil\nRemove-Item C:\\",
        issuer: "CN=CA",
        domains: [],
        notBefore: "2026-01-01",
        notAfter: "2027-01-01",
        selfSigned: false,
        services: ["IIS", "SMTP"],
      },
      "# Import-ExchangeCertificate -Server EX01 with the .pfx of CN=evil Remove-Item C:\\ (issued by CN=CA), then Enable-ExchangeCertificate for IIS,SMTP: the file is not in the paste.",
    ],
  ] satisfies [WhatIfEdit, string][])("renders %j", (edit, expected) => {
    expect(editCommands([edit])).toEqual([expected]);
  });
});
