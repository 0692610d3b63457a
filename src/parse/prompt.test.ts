import { describe, expect, it } from "vitest";
import { readCommandEcho, readPrompt } from "./prompt";

describe("readPrompt", () => {
  it.each([
    ["[PS] C:\\Windows\\system32>Get-ExchangeCertificate | fl", "Get-ExchangeCertificate | fl"],
    ["PS C:\\> Get-ReceiveConnector", "Get-ReceiveConnector"],
    ["[PS] C:\\>", ""],
    ["C:\\OpenSSL-Win32\\bin>openssl s_client -connect a:25", "openssl s_client -connect a:25"],
  ])("%s", (line, command) => {
    expect(readPrompt(line)?.command).toBe(command);
  });

  it.each(["Thumbprint : ABC", "250-STARTTLS", "Subject            : CN=a>b"])("%s is not a prompt", (line) => {
    expect(readPrompt(line)).toBeUndefined();
  });
});

describe("readCommandEcho", () => {
  it.each([
    ["Get-ExchangeCertificate -Server EX01 | fl", "Get-ExchangeCertificate", "EX01"],
    ["get-exchangecertificate -server ex01.contoso.local", "Get-ExchangeCertificate", "ex01"],
    ["Get-TransportService EX02 | fl *Cert*", "Get-TransportService", "EX02"],
    ['Get-ReceiveConnector "EX03\\Default Frontend EX03" | fl', "Get-ReceiveConnector", "EX03"],
    ["Get-TransportServer | fl", "Get-TransportService", undefined],
    ["Get-SendConnector | fl", "Get-SendConnector", undefined],
  ])("%s", (text, cmdlet, server) => {
    const echo = readCommandEcho(text);
    expect(echo?.cmdlet).toBe(cmdlet);
    expect(echo?.server).toBe(server);
  });

  it("knows a Verb-Noun it does not read", () => {
    expect(readCommandEcho("Get-Mailbox | fl")).toMatchObject({ cmdlet: undefined, verbNoun: "Get-Mailbox" });
  });
});
