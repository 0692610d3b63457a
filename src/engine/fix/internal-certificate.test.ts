import { describe, expect, it } from "vitest";
import { makeSelfSigned, thumb } from "../../model/test-builders";
import {
  inspectInternalCertificate,
  RECREATE_EDGE_SUBSCRIPTION,
  restoreInternalCertificate,
} from "./internal-certificate";
import { renderPowerShell } from "./powershell";

const render = (step: { commands: readonly Parameters<typeof renderPowerShell>[0][] }) =>
  step.commands.map(renderPowerShell);

describe("internal transport certificate fixes", () => {
  it("enables the server's own certificate with -Force (Yes is intended here)", () => {
    const step = restoreInternalCertificate(
      "MBX01",
      makeSelfSigned("MBX01", "mbx01.adatum.local", { thumbprint: thumb("1D") }),
    );
    expect(step.phase).toBe("enable");
    expect(render(step)).toEqual([
      `Enable-ExchangeCertificate -Server 'MBX01' -Thumbprint ${thumb("1D")} -Services SMTP -Force`,
    ]);
    expect(step.warning).toMatch(/intended/);
  });

  it("creates a new one with HealthChecker's recipe when none is installed", () => {
    const step = restoreInternalCertificate("MBX01", undefined);
    expect(step.phase).toBe("install");
    expect(render(step)).toEqual([
      "New-ExchangeCertificate -Server 'MBX01' -PrivateKeyExportable:$true -FriendlyName 'MBX01' -DomainName 'MBX01' -IncludeServerFQDN -Services SMTP -Force",
    ]);
  });

  it("without a server name, says the recipe instead of guessing a name", () => {
    const step = restoreInternalCertificate(undefined, undefined);
    expect(step.commands).toEqual([]);
    expect(step.why).toMatch(/New-ExchangeCertificate -Server <server>/);
  });

  it("quotes a hostile server name safely", () => {
    const [command] = render(restoreInternalCertificate("EX'; Remove-Item C:\\ #", undefined));
    expect(command).toContain("-Server 'EX''; Remove-Item C:\\ #'");
  });

  it("asks for the transport service and the certificates, and explains the Edge resubscription", () => {
    expect(render(inspectInternalCertificate("EX01"))).toEqual([
      "Get-TransportService 'EX01' | Format-List",
      "Get-ExchangeCertificate -Server 'EX01' | Format-List",
    ]);
  });

  it("recreates the Edge Subscription with copyable commands: export on the Edge, import and sync on a Mailbox server", () => {
    const [edge, mailbox] = RECREATE_EDGE_SUBSCRIPTION.map(render);
    expect(edge).toEqual([
      "$EdgeSubscriptionFile = Read-Host -Prompt 'Path for the new Edge Subscription file, for example C:\\EdgeSubscription.xml'",
      "New-EdgeSubscription -FileName $EdgeSubscriptionFile",
    ]);
    expect(mailbox).toEqual([
      "$EdgeSubscriptionCopy = Read-Host -Prompt 'Path of the Edge Subscription file copied from the Edge server'",
      "$EdgeSubscriptionSite = Read-Host -Prompt 'Active Directory site of the Mailbox servers that send through the Edge'",
      "New-EdgeSubscription -FileData ([System.IO.File]::ReadAllBytes($EdgeSubscriptionCopy)) -Site $EdgeSubscriptionSite",
      "Start-EdgeSynchronization",
    ]);
  });
});
