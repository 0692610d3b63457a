import { describe, expect, it } from "vitest";
import { type Destination, newCertificateSteps } from "./issued-certificate";
import { renderPowerShell } from "./powershell";

const text = (steps: ReturnType<typeof newCertificateSteps>) =>
  steps.map((s) => [`${s.phase}: ${s.why}`, ...s.commands.map(renderPowerShell)].join("\n")).join("\n");

const smtp = (server: string, edge = false): Destination => ({ server, services: ["SMTP"], edge });

describe("newCertificateSteps", () => {
  it("requests on the only server, imports the issued file there and enables it, with no copy", () => {
    const steps = newCertificateSteps("Get one", "CN=mail.contoso.com", ["mail.contoso.com"], [smtp("EX01")]);
    expect(steps.map((s) => s.phase)).toEqual(["install", "enable"]);
    expect(text(steps)).toBe(
      [
        "install: Get one: make a certificate request for CN=mail.contoso.com (names mail.contoso.com) on EX01 and send the .req file to a public CA.",
        "$CertificateRequestmailcontosocom = Read-Host -Prompt 'Path for the request (.req) of the certificate for CN=mail.contoso.com, local to EX01 or UNC'",
        "New-ExchangeCertificate -Server 'EX01' -GenerateRequest -SubjectName 'CN=mail.contoso.com' -DomainName 'mail.contoso.com' -RequestFile $CertificateRequestmailcontosocom",
        "enable: When the CA has issued the certificate for CN=mail.contoso.com, import it on EX01 (this completes the pending request) and enable it for SMTP.",
        "$IssuedFilemailcontosocom = Read-Host -Prompt 'Path of the file the CA issued for the certificate for CN=mail.contoso.com, as this shell sees it'",
        "$Issuedmailcontosocom = Import-ExchangeCertificate -Server 'EX01' -FileData ([System.IO.File]::ReadAllBytes($IssuedFilemailcontosocom))",
        "Enable-ExchangeCertificate -Server 'EX01' -Thumbprint $Issuedmailcontosocom.Thumbprint -Services SMTP",
      ].join("\n"),
    );
  });

  it("makes the request on a Mailbox server, copies to the other with commands and tells how to reach the Edge", () => {
    const steps = newCertificateSteps(
      "Get one",
      "CN=mail.contoso.com",
      ["mail.contoso.com", "smtp.contoso.com"],
      [smtp("EDGE01", true), smtp("EX01"), { server: "EX02", services: ["SMTP", "IIS"], edge: false }],
    );
    expect(steps.map((s) => s.phase)).toEqual(["install", "enable", "enable", "enable"]);
    const all = text(steps);
    expect(all).toContain(
      "New-ExchangeCertificate -Server 'EX01' -GenerateRequest -SubjectName 'CN=mail.contoso.com' -DomainName 'mail.contoso.com','smtp.contoso.com' -PrivateKeyExportable:$true -RequestFile $CertificateRequestmailcontosocom",
    );
    expect(all).toContain(
      [
        "$IssuedPfxmailcontosocom = Export-ExchangeCertificate -Server 'EX01' -Thumbprint $Issuedmailcontosocom.Thumbprint -BinaryEncoded -Password $IssuedPasswordmailcontosocom",
        "Import-ExchangeCertificate -Server 'EX02' -FileData $IssuedPfxmailcontosocom.FileData -Password $IssuedPasswordmailcontosocom",
        "Enable-ExchangeCertificate -Server 'EX02' -Thumbprint $Issuedmailcontosocom.Thumbprint -Services SMTP,IIS",
      ].join("\n"),
    );
    const edge = steps[3];
    expect(edge?.commands).toEqual([]);
    expect(edge?.why).toMatch(/^EDGE01 is an Edge Transport server, which this shell does not reach: export/);
    expect(all).not.toContain("-Server 'EDGE01'");
  });

  it("keeps two requests' variables apart by their names", () => {
    const a = text(newCertificateSteps("A", "CN=mail.contoso.com", [], [smtp("EX01")]));
    const b = text(newCertificateSteps("B", "CN=smtp.contoso.com, O=Contoso", [], [smtp("EX01")]));
    expect(a).toContain("$Issuedmailcontosocom = Import-ExchangeCertificate");
    expect(b).toContain("$Issuedsmtpcontosocom = Import-ExchangeCertificate");
  });
});
