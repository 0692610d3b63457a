import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { splitLines } from "../lines";
import { claimTranscript } from "./transcript";

const fixture = (name: string) => splitLines(readFileSync(new URL(`../__fixtures__/${name}`, import.meta.url), "utf8"));
const block = (...rows: string[]) => splitLines(rows.join("\n"));

describe("claimTranscript on real pastes", () => {
  it("reads both labelled EHLO lists, with the idle timeouts inside the transcript (fixture 05)", () => {
    const lines = fixture("05-ehlo-587-vs-25-starttls-missing.txt");
    const claim = claimTranscript(lines, 0);
    expect(claim?.format).toBe("transcript");
    expect(claim?.endIndex).toBe(25);
    expect(claim?.unread).toEqual([]);
    expect(claim?.evidence.map((e) => [e.code, e.facts, e.source.startLine, e.source.endLine])).toEqual([
      ["EHLO", { port: 587, starttlsOffered: true, anonymousTlsOffered: false }, 3, 11],
      ["EHLO", { port: 25, starttlsOffered: false, anonymousTlsOffered: false }, 18, 24],
    ]);
  });

  it("marks the EHLO after openssl's handshake so it is not read as STARTTLS missing (fixture 25)", () => {
    const lines = fixture("25-telnet-and-openssl-ehlo-before-after-tls-tabbed.txt");
    const claim = claimTranscript(lines, 0);
    expect(claim?.endIndex).toBe(37);
    expect(claim?.unread).toEqual([]);
    expect(claim?.evidence.map((e) => [e.code, e.facts, e.source.startLine, e.source.endLine])).toEqual([
      ["EHLO", { port: 25, server: "wedge010.net.lu.se", starttlsOffered: true, anonymousTlsOffered: true }, 7, 19],
      ["EHLO-after-TLS", { port: 25, server: "wedge010.net.lu.se" }, 27, 37],
    ]);
  });

  it("reads the certificates openssl showed and the verify error; the snipped PEM stays in the transcript (fixture 19)", () => {
    const lines = fixture("19-openssl-starttls-exchange-internal-ca-verify20.txt");
    const claim = claimTranscript(lines, 0);
    expect(claim?.endIndex).toBe(18);
    expect(claim?.unread).toEqual([]);
    const [leaf, intermediate] = claim?.evidence ?? [];
    expect(claim?.evidence).toHaveLength(2);
    expect(leaf?.code).toBe("server-certificate");
    expect(leaf?.facts).toEqual({
      port: 25,
      server: "exchange01.int.contoso.com",
      presentedSubject: "CN=exchange01.int.contoso.com",
      presentedIssuer: "CN=Contoso Subordinate CA, DC=int, DC=contoso, DC=com",
      chainStatus: ["20 (unable to get local issuer certificate)"],
      verifyError: "20 (unable to get local issuer certificate)",
    });
    expect(leaf?.source).toEqual({ block: -1, startLine: 7, endLine: 8 });
    expect(intermediate?.code).toBe("chain-certificate");
    expect(intermediate?.facts).toEqual({
      port: 25,
      server: "exchange01.int.contoso.com",
      presentedSubject: "CN=Contoso Subordinate CA, DC=int, DC=contoso, DC=com",
      presentedIssuer: "CN=Contoso Offline Root CA",
      verifyError: "20 (unable to get local issuer certificate)",
    });
  });
});

describe("claimTranscript on other transcript shapes", () => {
  it("reads the flattened EHLO line of the 2025 blog (STARTTLS missing, X-ANONYMOUSTLS offered)", () => {
    const lines = block(
      "250 E19.Contoso.lab Hello [104.47.58.43] SIZE 37748736 PIPELINING DSN ENHANCEDSTATUSCODES X-ANONYMOUSTLS AUTH NTLM X-EXPS GSSAPI NTLM 8BITMIME BINARYMIME CHUNKING SMTPUTF8 XRDST",
    );
    expect(claimTranscript(lines, 0)?.evidence[0]?.facts).toEqual({
      server: "E19.Contoso.lab",
      starttlsOffered: false,
      anonymousTlsOffered: true,
    });
  });

  it("reports an error reply to STARTTLS and marks the EHLO after a telnet STARTTLS", () => {
    const lines = block(
      "C:\\>telnet mail.contoso.com 25",
      "220 EX01.contoso.com Microsoft ESMTP MAIL Service ready",
      "EHLO test",
      "250-EX01.contoso.com Hello [10.0.0.5]",
      "250-STARTTLS",
      "250 CHUNKING",
      "STARTTLS",
      "454 4.7.0 TLS not available due to local problem",
    );
    const claim = claimTranscript(lines, 0);
    expect(claim?.endIndex).toBe(8);
    expect(claim?.evidence.map((e) => [e.code, e.facts])).toEqual([
      ["EHLO", { port: 25, server: "EX01.contoso.com", starttlsOffered: true, anonymousTlsOffered: false }],
      ["454 4.7.0", { port: 25, server: "EX01.contoso.com", tlsError: "4.7.0 TLS not available due to local problem" }],
    ]);
  });

  it("keeps openssl's SSL-Session lines and stops before cmdlet output", () => {
    const lines = block(
      "CONNECTED(00000003)",
      "---",
      "SSL-Session:",
      "    Protocol  : TLSv1.2",
      "    Cipher    : ECDHE-RSA-AES256-GCM-SHA384",
      "    Verify return code: 0 (ok)",
      "---",
      "Thumbprint                                Services   Subject",
      "----------                                --------   -------",
    );
    const claim = claimTranscript(lines, 0);
    expect(claim?.endIndex).toBe(7);
    expect(claim?.unread).toEqual([]);
  });

  it("stops before a Format-List line and a PowerShell prompt", () => {
    const lines = block("250-STARTTLS", "250 CHUNKING", "Thumbprint : ABC", "PS C:\\> Get-ReceiveConnector");
    expect(claimTranscript(lines, 0)?.endIndex).toBe(2);
    expect(claimTranscript(lines, 3)).toBeNull();
  });

  it("declines lines that do not begin a transcript", () => {
    for (const t of ["451 5.7.3 STARTTLS is required to send mail", "250 2.1.0 Sender OK", "---", "PORT 25", "hello"]) {
      expect(claimTranscript(block(t), 0)).toBeNull();
    }
  });
});
