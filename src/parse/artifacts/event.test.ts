import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { splitLines } from "../lines";
import { claimEvent } from "./event";

const fixture = (name: string) => splitLines(readFileSync(new URL(`../__fixtures__/${name}`, import.meta.url), "utf8"));

describe("claimEvent on real pastes", () => {
  it("reads 12014 with the looked-for name, connector and FQDN (fixture 04)", () => {
    const lines = fixture("04-event-12014-edge-fqdn-mismatch.txt");
    const claim = claimEvent(lines, 0);
    expect(claim?.format).toBe("event");
    expect(claim?.endIndex).toBe(11);
    expect(claim?.unread).toEqual([]);
    const ev = claim?.evidence[0];
    expect(ev?.code).toBe("12014");
    expect(ev?.source).toEqual({ block: -1, startLine: 1, endLine: 11 });
    expect(ev?.facts).toEqual({
      lookedFor: "mail1.expta.com",
      connector: "Default internal receive connector MAILGATE",
      fqdn: "mail.expta.com",
      eventSource: "MSExchangeTransport",
      server: "mailgate",
    });
  });

  it("keeps the <I>…<S>… form, records placeholders as missing (fixture 09)", () => {
    const claim = claimEvent(fixture("09-event-12014-fet-tlscertname-old-cert-removed.txt"), 0);
    const facts = claim?.evidence[0]?.facts;
    expect(facts?.lookedFor).toBe("<I><Cert Issuer Details><S><Cert Subject Details>");
    expect(facts?.fqdn).toBe("<I><Cert Issuer Details><S><Cert Subject Details>");
    expect(facts?.connector).toBeUndefined();
    expect(facts?.server).toBeUndefined();
    expect(facts?.eventSource).toBe("MSExchangeFrontEndTransport");
    expect(facts?.missing).toEqual([
      "domain name part (placeholder <Cert Issuer Details>)",
      "domain name part (placeholder <Cert Subject Details>)",
      "connector (placeholder <Receive Connector Name>)",
      "FQDN part (placeholder <Cert Issuer Details>)",
      "FQDN part (placeholder <Cert Subject Details>)",
      "server (placeholder <Exchange Server FQDN>)",
    ]);
  });

  it("reads the flattened one-line form and never invents stripped values (fixture 29)", () => {
    const lines = fixture("29-event-12014-flattened-one-line-placeholders-stripped.txt");
    const claim = claimEvent(lines, 0);
    expect(claim?.endIndex).toBe(2);
    const ev = claim?.evidence[0];
    expect(ev?.code).toBe("12014");
    expect(ev?.facts).toEqual({
      eventSource: "MSExchangeFrontEndTransport",
      missing: [
        "domain name (empty in the paste)",
        "connector (empty in the paste)",
        "FQDN (empty in the paste)",
        "server (empty in the paste)",
      ],
    });
  });

  it("reads both Schannel events with loose alert wording and a broken line (fixture 36)", () => {
    const lines = fixture("36-schannel-36871-36888-machine-translated-linebreak.txt");
    const first = claimEvent(lines, 0);
    expect(first?.endIndex).toBe(4);
    expect(first?.evidence[0]?.code).toBe("36871");
    expect(first?.evidence[0]?.facts).toEqual({ eventSource: "Schannel", tlsError: "error status 10013" });
    expect(claimEvent(lines, 4)).toBeNull();
    const second = claimEvent(lines, 5);
    expect(second?.endIndex).toBe(10);
    expect(second?.evidence[0]?.code).toBe("36888");
    expect(second?.evidence[0]?.facts).toEqual({
      eventSource: "Schannel",
      tlsError: "fatal alert 10 (unexpected_message) sent, error status 1203",
    });
    expect(second?.evidence[0]?.source).toEqual({ block: -1, startLine: 6, endLine: 10 });
  });
});

const block = (...rows: string[]) => splitLines(rows.join("\n"));

describe("claimEvent on the texts of domain section 7.1", () => {
  const cases: Array<{ name: string; source: string; id: string; description: string; facts: object }> = [
    {
      name: "12016 expired STARTTLS certificate",
      source: "MSExchangeTransport",
      id: "12016",
      description:
        "There is no valid SMTP Transport Layer Security (TLS) certificate for the FQDN of mail.contoso.com. The existing certificate for that FQDN has expired.",
      facts: { fqdn: "mail.contoso.com" },
    },
    {
      name: "12018 expires soon",
      source: "MSExchangeTransport",
      id: "12018",
      description:
        "The STARTTLS certificate will expire soon: subject: mail.contoso.com, thumbprint: 5e4387c9ff08e0a3ea4c1f0a9e9c0a7bd9f2d083, hours remaining: 71. Run the New-ExchangeCertificate cmdlet to create a new certificate.",
      facts: { presentedSubject: "mail.contoso.com", presentedThumbprint: "5E4387C9FF08E0A3EA4C1F0A9E9C0A7BD9F2D083" },
    },
    {
      name: "12015 internal certificate expired",
      source: "MSExchangeTransport",
      id: "12015",
      description: "An internal transport certificate expired. Thumbprint:0A1B2C3D4E5F60718293A4B5C6D7E8F901234567",
      facts: { presentedThumbprint: "0A1B2C3D4E5F60718293A4B5C6D7E8F901234567" },
    },
    {
      name: "12019 remote internal certificate expired",
      source: "MSExchangeTransport",
      id: "12019",
      description: "The remote internal transport certificate expired. Certificate subject: CN=EX02.",
      facts: { presentedSubject: "CN=EX02" },
    },
    {
      name: "12013 cannot load from the store",
      source: "MSExchangeTransport",
      id: "12013",
      description:
        "Microsoft Exchange could not load the certificate with thumbprint of 0A1B2C3D4E5F60718293A4B5C6D7E8F901234567 from the personal store on the local computer.",
      facts: { presentedThumbprint: "0A1B2C3D4E5F60718293A4B5C6D7E8F901234567" },
    },
    {
      name: "12023 keeps only its id",
      source: "MSExchangeTransport",
      id: "12023",
      description: "Some text certflow has no verified wording for.",
      facts: {},
    },
    {
      name: "2004 UntrustedRoot from the Send connector",
      source: "MSExchangeTransport",
      id: "2004",
      description:
        "Send connector Outbound to Office 365: Message delivery was not successful. The message with message ID <MessageID> was acknowledged with SMTP response 454 4.7.0 Failed to establish appropriate TLS channel: UntrustedRoot: Access Denied.",
      facts: { connector: "Outbound to Office 365", tlsError: "UntrustedRoot" },
    },
    {
      name: "1035 EdgeSync CAPI certificate",
      source: "MSExchange EdgeSync",
      id: "1035",
      description:
        "EdgeSync failed to synchronize because it only supports Cryptographic API certificates. The local Hub Transport server's default certificate with thumbprint 0A1B2C3D4E5F60718293A4B5C6D7E8F901234567 isn't a CAPI certificate.",
      facts: { presentedThumbprint: "0A1B2C3D4E5F60718293A4B5C6D7E8F901234567" },
    },
    {
      name: "12024 ephemeral fallback",
      source: "MSExchangeTransport",
      id: "12024",
      description:
        "Microsoft Exchange could not load the internal transport certificate. Meanwhile, an ephemeral, self-signed certificate with thumbprint 0A1B2C3D4E5F60718293A4B5C6D7E8F901234567 is being used.",
      facts: { presentedThumbprint: "0A1B2C3D4E5F60718293A4B5C6D7E8F901234567" },
    },
    {
      name: "12012 internal certificate missing in AD",
      source: "MSExchangeTransport",
      id: "12012",
      description:
        "The internal transport certificate that is used for SMTP authentication by Microsoft Exchange could not be read from Active Directory. The certificate may be missing.",
      facts: {},
    },
    {
      name: "36888 in the real English wording",
      source: "Schannel",
      id: "36888",
      description:
        "A fatal alert was generated and sent to the remote endpoint. This may result in termination of the connection. The TLS protocol defined fatal error code is 40. The Windows SChannel error state is 1205.",
      facts: { tlsError: "fatal alert 40 (handshake_failure) sent, error status 1205" },
    },
    {
      name: "36887 alert 46 received",
      source: "Schannel",
      id: "36887",
      description:
        "A fatal alert was received from the remote endpoint. The TLS protocol defined fatal alert code is 46.",
      facts: { tlsError: "fatal alert 46 (certificate_unknown) received" },
    },
    {
      name: "36874 no shared cipher suite",
      source: "Schannel",
      id: "36874",
      description:
        "An TLS 1.2 connection request was received from a remote client application, but none of the cipher suites supported by the client application are supported by the server. The SSL connection request has failed.",
      facts: { tlsError: "no shared cipher suite (TLS 1.2)" },
    },
  ];
  it.each(cases)("$name", ({ source, id, description, facts }) => {
    const lines = block(
      `Source:        ${source}`,
      `Event ID:      ${id}`,
      "Level:         Error",
      "Description:",
      description,
    );
    const claim = claimEvent(lines, 0);
    expect(claim?.endIndex).toBe(5);
    expect(claim?.evidence[0]?.code).toBe(id);
    expect(claim?.evidence[0]?.facts).toEqual({ eventSource: source, ...facts });
  });

  it("matches typographic apostrophes like straight ones", () => {
    const text =
      "Microsoft Exchange could not find a certificate that contains the domain name smtp.contoso.com in the personal store on the local computer. Therefore, it is unable to support the STARTTLS SMTP verb for the connector Default Frontend EX01 with a FQDN parameter of smtp.contoso.com. If the connector’s FQDN is not specified, the computer’s FQDN is used.";
    const claim = claimEvent(block("Event ID: 12014", "Description:", text), 0);
    expect(claim?.evidence[0]?.facts).toEqual({
      lookedFor: "smtp.contoso.com",
      connector: "Default Frontend EX01",
      fqdn: "smtp.contoso.com",
    });
  });

  it("claims the Event Xml section and stops before a prompt", () => {
    const lines = block(
      "Event ID: 12023",
      "Description:",
      "text",
      "Event Xml:",
      '<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event">',
      "  <System>",
      "</Event>",
      "[PS] C:\\>Get-ExchangeCertificate",
    );
    expect(claimEvent(lines, 0)?.endIndex).toBe(7);
  });

  it("declines lines that are not an event header", () => {
    for (const text of [
      "Source        : MSExchangeTransport",
      "Log Name: Application",
      "Description: nothing",
      "hello",
    ]) {
      expect(claimEvent(block(text), 0)).toBeNull();
    }
  });
});
