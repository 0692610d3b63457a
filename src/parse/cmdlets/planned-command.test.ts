import { describe, expect, it } from "vitest";
import { readPlannedCommand } from "./planned-command";

const span = { block: 0, startLine: 1, endLine: 1 };

describe("readPlannedCommand", () => {
  const cases: {
    name: string;
    cmdlet: Parameters<typeof readPlannedCommand>[0];
    text: string;
    identity?: string;
    server?: string;
    params: Record<string, unknown>;
  }[] = [
    {
      name: "positional identity in double quotes and a TlsCertificateName",
      cmdlet: "Set-ReceiveConnector",
      text: 'Set-ReceiveConnector "EX01\\Client Frontend EX01" -TlsCertificateName "<I>CN=R11, O=Let\'s Encrypt, C=US<S>CN=mail.contoso.com"',
      identity: "EX01\\Client Frontend EX01",
      server: "EX01",
      params: {
        TlsCertificateName: {
          type: "string",
          value: "<I>CN=R11, O=Let's Encrypt, C=US<S>CN=mail.contoso.com",
          quote: '"',
        },
      },
    },
    {
      name: "-Identity with single quotes (doubled quote inside) and $null",
      cmdlet: "Set-SendConnector",
      text: "Set-SendConnector -Identity 'Outbound to Office 365 - O''Brien' -TlsCertificateName $null",
      identity: "Outbound to Office 365 - O'Brien",
      params: {
        Identity: { type: "string", value: "Outbound to Office 365 - O'Brien", quote: "'" },
        TlsCertificateName: { type: "null" },
      },
    },
    {
      name: "services as a bare list, -Server and a switch",
      cmdlet: "Enable-ExchangeCertificate",
      text: "Enable-ExchangeCertificate -Thumbprint 6A1F8D33B0C2E1F4A5968776C3D2E1F0A9B8C7D6 -Services IIS,SMTP -Server EX01 -Force",
      server: "EX01",
      params: {
        Thumbprint: { type: "string", value: "6A1F8D33B0C2E1F4A5968776C3D2E1F0A9B8C7D6", quote: "none" },
        Services: { type: "list", values: ["IIS", "SMTP"] },
        Server: { type: "string", value: "EX01", quote: "none" },
        Force: { type: "switch" },
      },
    },
    {
      name: "typographic quotes are kept as a fact",
      cmdlet: "Set-HybridConfiguration",
      text: "Set-HybridConfiguration -TlsCertificateName ‘<I>CN=Go Daddy Secure Certificate Authority - G2<S>CN=mail.contoso.com’",
      params: {
        TlsCertificateName: {
          type: "string",
          value: "<I>CN=Go Daddy Secure Certificate Authority - G2<S>CN=mail.contoso.com",
          quote: "typographic",
        },
      },
    },
    {
      name: "colon-bound boolean and a run-time expression",
      cmdlet: "Set-SendConnector",
      text: 'Set-SendConnector "Outbound to Office 365" -RequireTLS:$true -TlsCertificateName "<I>$($c.Issuer)<S>$($c.Subject)"',
      identity: "Outbound to Office 365",
      params: {
        RequireTLS: { type: "boolean", value: true },
        TlsCertificateName: { type: "expression", text: '"<I>$($c.Issuer)<S>$($c.Subject)"' },
      },
    },
    {
      name: "backtick line continuation",
      cmdlet: "Set-ReceiveConnector",
      text: 'Set-ReceiveConnector "EX02\\Default Frontend EX02" `\n  -Fqdn mail.contoso.com',
      identity: "EX02\\Default Frontend EX02",
      server: "EX02",
      params: { Fqdn: { type: "string", value: "mail.contoso.com", quote: "none" } },
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const { command } = readPlannedCommand(c.cmdlet, c.text, span);
      expect(command.cmdlet).toBe(c.cmdlet);
      expect(command.identity).toBe(c.identity);
      expect(command.server).toBe(c.server);
      expect(command.parameters).toEqual(c.params);
    });
  }

  it("reports what follows a pipe instead of reading it", () => {
    const { leftover } = readPlannedCommand(
      "Enable-ExchangeCertificate",
      "Enable-ExchangeCertificate -Thumbprint AB -Services SMTP | Out-Null",
      span,
    );
    expect(leftover).toBe("| Out-Null");
  });

  it("marks a value cut with ... as truncated", () => {
    const { command } = readPlannedCommand(
      "Set-ReceiveConnector",
      'Set-ReceiveConnector "EX01\\Default Frontend EX01" -TlsCertificateName "<I>CN=Go Daddy...<S>CN=mail.contoso.com..."',
      span,
    );
    expect(command.truncated).toEqual(["TlsCertificateName"]);
  });
});
