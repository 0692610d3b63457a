import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { splitLines } from "../lines";
import { claimSmtpLog } from "./smtp-log";

const fixture = (name: string) => splitLines(readFileSync(new URL(`../__fixtures__/${name}`, import.meta.url), "utf8"));
const block = (...rows: string[]) => splitLines(rows.join("\n"));

describe("claimSmtpLog on real pastes", () => {
  it("reads the one-row Sending certificate, the TLS result and the EHLO offered (fixture 06)", () => {
    const lines = fixture("06-smtpreceive-protocollog-selfsigned-sent.txt");
    const claim = claimSmtpLog(lines, 0);
    expect(claim?.format).toBe("smtp-log");
    expect(claim?.endIndex).toBe(21);
    expect(claim?.unread).toEqual([]);
    const [local, remote] = claim?.evidence ?? [];
    expect(claim?.evidence).toHaveLength(2);
    expect(local?.code).toBe("SP_PROT_TLS1_2_SERVER");
    expect(local?.facts).toEqual({
      server: "SERVER-HOSTNAME",
      connector: "Default Frontend SERVER-HOSTNAME",
      port: 25,
      presentedSubject: "CN=SERVER-HOSTNAME",
      presentedIssuer: "CN=SERVER-HOSTNAME",
      presentedDomains: ["SERVER-HOSTNAME", "SERVER-HOSTNAME.DOMAIN.TEST"],
      presentedThumbprint: "12DEABC6565646512346ABDC1345689413589876",
      starttlsOffered: true,
      anonymousTlsOffered: true,
    });
    expect(local?.source).toEqual({ block: -1, startLine: 8, endLine: 16 });
    expect(remote?.code).toBe("remote-certificate");
    expect(remote?.facts).toEqual({
      server: "SERVER-HOSTNAME",
      connector: "Default Frontend SERVER-HOSTNAME",
      port: 25,
      chainStatus: ["EmptyCertificate", "NoRemoteCertificate"],
    });
  });

  it("reads the per-field rows of KB 4051498 with masked values as missing (fixture 16)", () => {
    const lines = fixture("16-queue-and-smtpsend-log-unknowncredentials.txt");
    expect(claimSmtpLog(lines, 0)).toBeNull();
    const claim = claimSmtpLog(lines, 4);
    expect(claim?.endIndex).toBe(10);
    expect(claim?.unread).toEqual([]);
    expect(claim?.evidence).toHaveLength(1);
    const ev = claim?.evidence[0];
    expect(ev?.type).toBe("smtp-log");
    expect(ev?.code).toBe("UnknownCredentials");
    expect(ev?.facts).toEqual({
      connector: "Outbound to Office 365",
      tlsError: "UnknownCredentials",
      presentedSubject: "CN=*.domain.com, OU=Enterprise SSL Wildcard, OU=Contoso IT, O=Contoso Corporation",
      presentedIssuer:
        "CN=Trusted Secure Certificate Authority 5, O=Corporation Service Company, L=Wilmington, S=DE, C=US",
      presentedDomains: ["*.domai.com", "conotso.com"],
      missing: ["thumbprint (masked)", "serial number (masked)"],
    });
    expect(ev?.source).toEqual({ block: -1, startLine: 5, endLine: 10 });
  });
});

describe("claimSmtpLog on other log shapes", () => {
  const row = (seq: number, event: string, data: string, context = "") =>
    `2024-05-02T10:00:00.000Z,Outbound to Office 365,08DC1,${seq},10.0.0.1:1234,104.47.1.1:25,${event},${data},${context}`;

  it("reads a send log with a Sending certificate marker, EHLO lines and the remote certificate", () => {
    const lines = block(
      "#Software: Microsoft Exchange Server",
      "#Log-type: SMTP Send Protocol Log",
      "#Fields: date-time,connector-id,session-id,sequence-number,local-endpoint,remote-endpoint,event,data,context",
      row(1, "<", "220 BL02EPF.mail.protection.outlook.com Microsoft ESMTP MAIL Service ready"),
      row(2, ">", "EHLO mail.contoso.com"),
      row(3, "<", "250-BL02EPF.mail.protection.outlook.com Hello [203.0.113.5]"),
      row(4, "<", "250-STARTTLS"),
      row(5, "<", "250 SMTPUTF8"),
      row(6, ">", "STARTTLS"),
      row(7, "<", "220 2.0.0 SMTP server ready"),
      row(8, "*", "", "Sending certificate"),
      row(9, "*", '"CN=mail.contoso.com, O=Contoso, C=US"', "Certificate subject"),
      row(10, "*", "0A1B2C3D4E5F60718293A4B5C6D7E8F901234567", "Certificate thumbprint"),
      row(11, "*", "", "Received certificate"),
      row(12, "*", "9F8E7D6C5B4A39281706F5E4D3C2B1A098765432", "Certificate thumbprint"),
      row(13, ">", "EHLO mail.contoso.com"),
      row(14, "<", "250-BL02EPF.mail.protection.outlook.com Hello [203.0.113.5]"),
      row(15, "<", "250 SMTPUTF8"),
    );
    const claim = claimSmtpLog(lines, 0);
    expect(claim?.endIndex).toBe(18);
    expect(claim?.evidence.map((e) => [e.code, e.facts])).toEqual([
      [
        undefined,
        {
          connector: "Outbound to Office 365",
          port: 25,
          presentedSubject: "CN=mail.contoso.com, O=Contoso, C=US",
          presentedThumbprint: "0A1B2C3D4E5F60718293A4B5C6D7E8F901234567",
          starttlsOffered: true,
          anonymousTlsOffered: false,
        },
      ],
      [
        "remote-certificate",
        {
          connector: "Outbound to Office 365",
          port: 25,
          presentedThumbprint: "9F8E7D6C5B4A39281706F5E4D3C2B1A098765432",
        },
      ],
    ]);
  });

  it("reports a broken row as unread and stops at text that is not a log row", () => {
    const lines = block(
      row(1, "*", "", "TLS negotiation failed with error NoCredentials"),
      `${row(2, "*", '"open', "x")}`,
      "",
      "hello",
    );
    const claim = claimSmtpLog(lines, 0);
    expect(claim?.endIndex).toBe(2);
    expect(claim?.unread.map((l) => l.no)).toEqual([2]);
    expect(claim?.evidence[0]?.facts.tlsError).toBe("NoCredentials");
  });

  it("declines other logs and other text", () => {
    expect(
      claimSmtpLog(block("#Software: Microsoft Exchange Server", "#Fields: date-time,client-ip,event-id"), 0),
    ).toBeNull();
    expect(claimSmtpLog(block("2024-05-02T10:00:00.000Z is a date"), 0)).toBeNull();
  });
});
