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

  it("makes the request on a Mailbox server, one copy step per server, and the Edge's copy in words", () => {
    const destinations = [
      smtp("EDGE01", true),
      smtp("EX01"),
      { server: "EX02", services: ["SMTP", "IIS"], edge: false } as const,
    ];
    const steps = newCertificateSteps(
      "Get one",
      "CN=mail.contoso.com",
      ["mail.contoso.com", "smtp.contoso.com"],
      destinations,
    );
    expect(steps.map((s) => s.phase)).toEqual(["install", "enable", "enable", "enable"]);
    const all = text(steps);
    expect(all).toContain(
      "New-ExchangeCertificate -Server 'EX01' -GenerateRequest -SubjectName 'CN=mail.contoso.com' -DomainName 'mail.contoso.com','smtp.contoso.com' -PrivateKeyExportable:$true -RequestFile $CertificateRequestmailcontosocom",
    );
    const edge = steps[2];
    expect(edge?.commands).toEqual([]);
    expect(edge?.why).toMatch(/^EDGE01 is an Edge Transport server, which this shell does not reach: export/);
    expect(text(steps.slice(3))).toBe(
      [
        "enable: Copy the certificate for CN=mail.contoso.com with its private key from EX01 to EX02 and enable it there for SMTP and IIS. The request asked for an exportable private key so that it can be copied; the password protects the exported .pfx until it is imported.",
        "$IssuedPasswordmailcontosocom = Read-Host -AsSecureString -Prompt 'A password for the exported .pfx of the certificate for CN=mail.contoso.com'",
        "$IssuedPfxmailcontosocom = Export-ExchangeCertificate -Server 'EX01' -Thumbprint $Issuedmailcontosocom.Thumbprint -BinaryEncoded -Password $IssuedPasswordmailcontosocom",
        "Import-ExchangeCertificate -Server 'EX02' -FileData $IssuedPfxmailcontosocom.FileData -Password $IssuedPasswordmailcontosocom",
        "Enable-ExchangeCertificate -Server 'EX02' -Thumbprint $Issuedmailcontosocom.Thumbprint -Services SMTP,IIS",
      ].join("\n"),
    );
    expect(all).not.toContain("-Server 'EDGE01'");
  });

  it("gives a finding about one server the request and only that server's copy", () => {
    const destinations = [smtp("EX01"), smtp("EX02"), smtp("EX03")];
    const forEx03 = newCertificateSteps("Get one", "CN=mail.contoso.com", [], destinations, "ex03");
    expect(forEx03.map((s) => s.why.slice(0, 40))).toEqual([
      "Get one: make a certificate request for ",
      "When the CA has issued the certificate f",
      "Copy the certificate for CN=mail.contoso",
    ]);
    expect(text(forEx03)).toContain("Import-ExchangeCertificate -Server 'EX03'");
    expect(text(forEx03)).not.toContain("-Server 'EX02'");
    expect(newCertificateSteps("Get one", "CN=mail.contoso.com", [], destinations, "EX01")).toHaveLength(2);
  });

  it("keeps two requests' variables apart by their names", () => {
    const a = text(newCertificateSteps("A", "CN=mail.contoso.com", [], [smtp("EX01")]));
    const b = text(newCertificateSteps("B", "CN=smtp.contoso.com, O=Contoso", [], [smtp("EX01")]));
    expect(a).toContain("$Issuedmailcontosocom = Import-ExchangeCertificate");
    expect(b).toContain("$Issuedsmtpcontosocom = Import-ExchangeCertificate");
  });
});
