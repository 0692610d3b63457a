import { describe, expect, it } from "vitest";
import { redactInput } from "./redact";

const redact = (text: string) => redactInput({ text }).text;

describe("redactInput", () => {
  it.each([
    { name: "a domain and its hosts", text: "Fqdn : mail.contoso.com", out: "Fqdn : mail.example1.test" },
    {
      name: "a wildcard",
      text: "CertificateDomains : {*.contoso.com, contoso.com}",
      out: "CertificateDomains : {*.example1.test, example1.test}",
    },
    { name: "an upper-case name", text: "250 SMTP.CONTOSO.COM Hello", out: "250 SMTP.EXAMPLE1.TEST Hello" },
    { name: "a country domain", text: "mx.contoso.co.uk", out: "mx.example1.test" },
    { name: "a trailing dot", text: "Expected Subject: *.contoso.com.", out: "Expected Subject: *.example1.test." },
    { name: "a host label that is not generic", text: "legal-mx.contoso.com", out: "host1.example1.test" },
    {
      name: "an SMTP reply glued to its host",
      text: "250-mx01.contoso.com Hello",
      out: "250-mx01.example1.test Hello",
    },
    { name: "an e-mail address", text: "User Name: jane.doe@contoso.com", out: "User Name: user1@example1.test" },
    {
      name: "the tenant in the Exchange Online names",
      text: "{smtp:contoso.mail.onmicrosoft.com;1} contoso-com.mail.protection.outlook.com contoso.onmicrosoft.com",
      out: "{smtp:tenant1.mail.onmicrosoft.com;1} tenant2.mail.protection.outlook.com tenant1.onmicrosoft.com",
    },
    { name: "an IPv4 address", text: "10.1.2.3:25,95.10.20.33:56026", out: "10.0.0.2:25,192.0.2.1:56026" },
    { name: "an IPv6 address", text: "Bindings : {[2001:4860:4860::8888]:25}", out: "Bindings : {[2001:db8::1]:25}" },
    { name: "a full IPv6 address", text: "fe80:0000:0000:0000:0202:b3ff:fe1e:8329 x", out: "2001:db8::1 x" },
    {
      name: "organisation and place names in a subject",
      text: 'Subject : CN=mail.contoso.com, OU=Sales, O="Contoso, Ltd", L=Redmond, S=Washington, C=US',
      out: "Subject : CN=mail.example1.test, OU=Unit 1, O=Organisation 1, L=Locality 1, S=State 1, C=US",
    },
    {
      name: "a domain written as a distinguished name, both ways round",
      text: "DC=corp,DC=contoso,DC=com /DC=com/DC=contoso/DC=corp host.corp.contoso.com",
      out: "DC=corp,DC=example1,DC=test /DC=test/DC=example1/DC=corp host1.corp.example1.test",
    },
    {
      name: "the organisation's name as a word",
      text: "Issuer : CN=Contoso Issuing CA\nCertificateDomains : {mail.contoso.com}",
      out: "Issuer : CN=Example1 Issuing CA\nCertificateDomains : {mail.example1.test}",
    },
    {
      name: "a serial number",
      text: "SerialNumber : 1a2b3c4d5e6f70811a2b3c4d5e6f7081",
      out: "SerialNumber : 0123456789abcdef0123456789abcdef",
    },
    {
      name: "a colon-separated fingerprint",
      text: "SHA1 Fingerprint=3D:AF:40:EC:85:C6:2D:D3:9D:98:69:6A:B5:41:3E:3E:B8:3D:64:15",
      out: "SHA1 Fingerprint=01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67",
    },
    { name: "a shell prompt", text: "jdoe@LAB-MX01:~$ telnet mx", out: "user1@SERVER1:~$ telnet mx" },
  ])("replaces $name", ({ text, out }) => {
    expect(redact(text)).toBe(out);
  });

  it.each([
    {
      name: "Exchange's own names",
      text: "TlsDomain : mail.protection.outlook.com\nTlsDomainCapabilities : {mail.protection.outlook.com:AcceptCloudServicesMail}",
    },
    {
      name: "the Auth certificate and connector names",
      text: "Subject : CN=Microsoft Exchange Server Auth Certificate\nIdentity : Outbound to Office 365 - 3f1c5d2e-7a8b-4c9d-8e0f-1a2b3c4d5e6f",
    },
    {
      name: "tags, keywords, cmdlets and property names",
      text: "TlsCertificateName : <I>CN=R11, O=Let's Encrypt, C=US<S>CN=",
    },
    {
      name: "public CAs",
      text: "Issuer : CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1, OU=www.digicert.com, O=DigiCert Inc, C=US",
    },
    { name: "services flags", text: "3DAF  IP.WS..    CN=x\n3DAF  IP.WS.     CN=x\n3DAF  ....SF     CN=x" },
    {
      name: "version numbers",
      text: "#Version: 15.0.0.0\nAdminDisplayVersion : Version 15.2 (Build 1544.4)\nExchangeVersion : 0.1 (8.0.535.0)",
    },
    {
      name: "the any-address bindings",
      text: "Bindings : {[::]:25, 0.0.0.0:25}\nRemoteIPRanges : {::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff, 0.0.0.0-255.255.255.255}",
    },
    {
      name: ".NET names and file names",
      text: "at Microsoft.Exchange.Management.Hybrid.RemotePowershellSession.RunCommand(\nC:\\Logging\\HybridConfiguration_4_13.log ImportExchange.ps1",
    },
    { name: "documentation names", text: "mail.example.com server.example.test" },
    { name: "times, dates and short hex", text: "2023-01-11T15:59:51.433Z 02.02.2028 4:22:23 0x80092010 FE3EAF97" },
  ])("keeps $name", ({ text }) => {
    expect(redact(text)).toBe(text);
  });

  it("finds server names where Exchange prints them and replaces every whole-word use", () => {
    const text = [
      "[PS] C:\\>Get-ReceiveConnector -Server EX01",
      "Identity : EX01\\Default Frontend EX01",
      "Fqdn     : ex01.contoso.local",
      "CertificateDomains : {EX01, EX01.contoso.local}",
      "Subject  : CN=WMSvc-EX01",
      "ReceivingTransportServers : {EX01, EX02}",
      "EX01-backup and TEX01 are other words",
    ].join("\n");
    expect(redact(text)).toBe(
      [
        "[PS] C:\\>Get-ReceiveConnector -Server SERVER1",
        "Identity : SERVER1\\Default Frontend SERVER1",
        "Fqdn     : server1.example1.test",
        "CertificateDomains : {SERVER1, SERVER1.example1.test}",
        "Subject  : CN=WMSvc-SERVER1",
        "ReceivingTransportServers : {SERVER1, SERVER2}",
        "EX01-backup and TEX01 are other words",
      ].join("\n"),
    );
  });

  it("gives a thumbprint cut short the prefix of its whole placeholder, and distinct thumbprints distinct ones", () => {
    const whole = "3DAF40EC85C62DD39D98696AB5413E3EB83D6415";
    const other = "3DAF40EC85C62DD39D98696AB5413E3EB83D6416";
    const [a, b, cut] = redact(`${whole}\n${other}\n${whole.slice(0, 32)}...`).split("\n");
    expect(a).toMatch(/^[0-9A-F]{40}$/);
    expect(b).toMatch(/^[0-9A-F]{40}$/);
    expect(a).not.toBe(b);
    expect(cut).toBe(`${a?.slice(0, 32)}...`);
  });

  it("never picks a placeholder the paste already uses", () => {
    expect(redact("example1.test SERVER1\nFqdn : contoso.com\nServer : EX01")).toBe(
      "example1.test SERVER1\nFqdn : example2.test\nServer : SERVER2",
    );
  });

  it("redacts the server option with the same table", () => {
    expect(redactInput({ text: "Identity : EX01\\Relay", server: "ex01" })).toMatchObject({
      text: "Identity : SERVER1\\Relay",
      server: "server1",
    });
    expect(redactInput({ text: "Fqdn : ex01.contoso.com", server: "EX01.contoso.com" }).server).toBe(
      "SERVER1.example1.test",
    );
  });

  it("leaves certificates pasted as PEM or base64 as they are, and counts them", () => {
    const pem = "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUcontoso.com\n-----END CERTIFICATE-----";
    const bare = `MII${"A".repeat(70)}\n${"B".repeat(64)}==`;
    const result = redactInput({ text: `Fqdn : mail.contoso.com\n${pem}\n${bare}\nServer : EX01` });
    expect(result.text).toBe(`Fqdn : mail.example1.test\n${pem}\n${bare}\nServer : SERVER1`);
    expect(result.certificatesKept).toBe(2);
  });

  it("is deterministic", () => {
    const text = "Server : EX01\nFqdn : mail.contoso.com\n3DAF40EC85C62DD39D98696AB5413E3EB83D6415 10.1.1.1";
    expect(redactInput({ text })).toEqual(redactInput({ text }));
  });

  it("counts what it replaced", () => {
    expect(
      redactInput({
        text: "Server : EX01\nFqdn : mail.contoso.com\n10.0.0.1 3DAF40EC85C62DD39D98696AB5413E3EB83D6415 O=Contoso",
      }).replaced,
    ).toEqual({
      names: 1,
      servers: 1,
      hex: 1,
      addresses: 1,
      subjects: 1,
    });
  });
});
