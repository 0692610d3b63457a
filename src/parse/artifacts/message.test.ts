import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { splitLines } from "../lines";
import { claimMessage } from "./message";

const fixture = (name: string) => splitLines(readFileSync(new URL(`../__fixtures__/${name}`, import.meta.url), "utf8"));
const block = (...rows: string[]) => splitLines(rows.join("\n"));

describe("claimMessage on real pastes", () => {
  it("claims the five fragments of the SubjectMismatch record together (fixture 10)", () => {
    const claim = claimMessage(fixture("10-exo-msgtrace-450-4.4.317-subjectmismatch.txt"), 0);
    expect(claim?.format).toBe("message");
    expect(claim?.endIndex).toBe(9);
    const ev = claim?.evidence[0];
    expect(ev?.type).toBe("ndr");
    expect(ev?.code).toBe("450 4.4.317");
    expect(ev?.facts).toEqual({
      server: "mail.contoso.com",
      port: 25,
      tlsError: "SubjectMismatch",
      expectedSubject: "*.contoso.com",
      presentedSubject: "CN=ExchangeServer01",
      missing: ["thumbprint (cut to 32 of 40 hex digits)"],
    });
    expect(ev?.source).toEqual({ block: -1, startLine: 1, endLine: 9 });
  });

  it("reads the revoked chain test with its thumbprint and flags (fixture 12)", () => {
    const claim = claimMessage(fixture("12-test-certificate-chain-revoked-untrusted.txt"), 0);
    expect(claim?.endIndex).toBe(7);
    const ev = claim?.evidence[0];
    expect(ev?.type).toBe("chain-test");
    expect(ev?.code).toBe("CRYPT_E_REVOKED");
    expect(ev?.facts).toEqual({
      presentedThumbprint: "886843E0A76558D7209FD3945B62A951FD08ECD8",
      chainStatus: [
        "CERT_TRUST_IS_REVOKED",
        "CERT_TRUST_IS_UNTRUSTED_ROOT",
        "CERT_TRUST_REVOCATION_STATUS_UNKNOWN",
        "CERT_TRUST_IS_OFFLINE_REVOCATION",
      ],
    });
  });

  it("reads the send connector TlsCertificateName queue error (fixture 14)", () => {
    const claim = claimMessage(fixture("14-queue-454-4.7.5-tlscertname-sendconnector-not-found.txt"), 0);
    expect(claim?.endIndex).toBe(1);
    expect([claim?.evidence[0]?.type, claim?.evidence[0]?.code]).toEqual(["queue", "454 4.7.5"]);
  });

  it("reads the queue error and the log message as two units, leaving the log rows (fixture 16)", () => {
    const lines = fixture("16-queue-and-smtpsend-log-unknowncredentials.txt");
    const queue = claimMessage(lines, 0);
    expect(queue?.endIndex).toBe(1);
    expect([queue?.evidence[0]?.type, queue?.evidence[0]?.code]).toEqual(["queue", "451 4.4.0"]);
    const log = claimMessage(lines, 2);
    expect(log?.endIndex).toBe(3);
    expect(log?.evidence[0]).toMatchObject({
      type: "smtp-log",
      code: "UnknownCredentials",
      facts: { tlsError: "UnknownCredentials" },
    });
    expect(claimMessage(lines, 4)).toBeNull();
  });

  it("reads the HCW constraint error: attribute, length and server (fixture 17)", () => {
    const claim = claimMessage(fixture("17-hcw-error-new-sendconnector-msexchsmtptlscertificate-len.txt"), 0);
    expect(claim?.endIndex).toBe(1);
    expect(claim?.evidence[0]).toMatchObject({
      type: "hcw-error",
      code: "CONSTRAINT_ATT_TYPE",
      facts: { attribute: "msExchSmtpTLSCertificate", length: 552, server: "365HYP01" },
    });
  });

  it("reads the HealthChecker connector section with its placeholder name (fixture 21)", () => {
    const claim = claimMessage(fixture("21-healthchecker-exoconnector-tlscertname-not-set.txt"), 0);
    expect(claim?.endIndex).toBe(5);
    expect(claim?.evidence).toHaveLength(1);
    expect(claim?.evidence[0]).toMatchObject({
      type: "healthchecker",
      code: "TlsCertificateNameNotSet",
      facts: { missing: ["connector (placeholder <connectorname>)"] },
      source: { startLine: 2, endLine: 5 },
    });
  });

  it("reads both STARTTLS-required forms (fixture 26)", () => {
    const lines = fixture("26-exo-msgtrace-and-protocollog-starttls-required-root-g2.txt");
    const trace = claimMessage(lines, 0);
    expect(trace?.endIndex).toBe(1);
    expect([trace?.evidence[0]?.type, trace?.evidence[0]?.code]).toEqual(["ndr", "451 5.7.3"]);
    const log = claimMessage(lines, 2);
    expect(log?.endIndex).toBe(3);
    expect([log?.evidence[0]?.type, log?.evidence[0]?.code]).toEqual(["queue", "451 5.7.3"]);
  });

  it("rejoins the wrapped Enable-ExchangeCertificate error, leaving the prompt line (fixture 34)", () => {
    const lines = fixture("34-enable-exchangecertificate-privatekeymissing-wrapped-error.txt");
    expect(claimMessage(lines, 0)).toBeNull();
    const claim = claimMessage(lines, 1);
    expect(claim?.endIndex).toBe(8);
    const ev = claim?.evidence[0];
    expect(ev?.type).toBe("cmdlet-error");
    expect(ev?.code).toBe("PrivateKeyMissing");
    expect(ev?.facts).toEqual({ server: "S2", missing: ["thumbprint (masked)"] });
    expect(ev?.text).toContain("TimeStamp=4/21/2017 12:56:05 PM]");
    expect(ev?.text).toContain("Microsoft.Exchange.Management.SystemConfigurationTasks.EnableExchangeCertificate");
    expect(ev?.text).toContain("[Enable-ExchangeCertificate]");
  });

  it("reads the quoted win-acme log through its mojibake (fixture 38)", () => {
    const lines = fixture("38-wacs-enable-exchangecertificate-error-spanish-mojibake-quoted.txt");
    const claim = claimMessage(lines, 0);
    expect(claim?.endIndex).toBe(16);
    expect(claim?.evidence[0]).toMatchObject({
      type: "cmdlet-error",
      code: "Enable-ExchangeCertificate",
      facts: { presentedThumbprint: "EB24A860E0CA8462B06A7F3A6832914BF4C889AF" },
      source: { startLine: 8, endLine: 16 },
    });
  });
});

describe("claimMessage on the texts of domain section 7.2", () => {
  const cases: Array<{ text: string; type: string; code: string; facts: object }> = [
    {
      text: "450 4.4.101 Proxy session setup failed on Frontend with '451 4.4.0 Primary target IP address responded with \"451 5.7.3 STARTTLS is required to send mail.\" Attempted failover to alternate host, but that did not succeed.'",
      type: "ndr",
      code: "451 5.7.3",
      facts: {},
    },
    {
      text: "LED=450 4.4.317 Cannot connect to remote server [Message=451 5.7.3 STARTTLS is required to send mail]",
      type: "ndr",
      code: "451 5.7.3",
      facts: {},
    },
    {
      text: "Reason: [{LED=450 4.7.320 Certificate validation failed [Message=SubjectMismatch] [LastAttemptedServerName=mail.contoso.com] [LastAttemptedIP=] [XXXEUR01FTXXX.eop-EUR01.prod.protection.outlook.com]};{MSG=SubjectMismatch};{FQDN=mail.contoso.com};{IP=};{LRT=11/1/2017 12:12:45 PM}]",
      type: "ndr",
      code: "450 4.7.320",
      facts: { server: "mail.contoso.com", tlsError: "SubjectMismatch" },
    },
    {
      text: "450 4.4.317 Cannot connect to remote server [Message=UntrustedRoot]",
      type: "ndr",
      code: "450 4.4.317",
      facts: { tlsError: "UntrustedRoot" },
    },
    {
      text: "454 4.7.5 the certificate specified in the tlscertificatename of the send connector could not be found.",
      type: "queue",
      code: "454 4.7.5",
      facts: {},
    },
    {
      text: "454 4.7.5 certificate validation failure",
      type: "queue",
      code: "454 4.7.5",
      facts: { tlsError: "certificate validation failure" },
    },
    {
      text: "454 4.7.0 Failed to establish appropriate TLS channel: UntrustedRoot: Access Denied",
      type: "queue",
      code: "454 4.7.0",
      facts: { tlsError: "UntrustedRoot" },
    },
    { text: "#5.7.1 smtp;530 5.7.1 Client was not authenticated", type: "ndr", code: "530 5.7.1", facts: {} },
    {
      text: "550 5.7.51 TenantInboundAttribution; There is a partner connector configured that matched the message's recipient domain.",
      type: "queue",
      code: "550 5.7.51",
      facts: { tlsError: "TenantInboundAttribution" },
    },
    {
      text: "451 4.7.0 Temporary server error. Please try again later. PRX5",
      type: "ndr",
      code: "451 4.7.0",
      facts: { tlsError: "PRX5" },
    },
    {
      text: "550 5.7.321 starttls-not-supported: Destination mail server must support TLS to receive mail.",
      type: "ndr",
      code: "550 5.7.321",
      facts: { tlsError: "starttls-not-supported" },
    },
    {
      text: "450 4.7.322 certificate-expired: Destination mail server's certificate is expired.",
      type: "ndr",
      code: "450 4.7.322",
      facts: { tlsError: "certificate-expired" },
    },
    {
      text: "550 5.7.325 certificate-host-mismatch: Remote certificate MUST have a common name or subject alternative name that matches the hostname (DANE)",
      type: "ndr",
      code: "550 5.7.325",
      facts: { tlsError: "certificate-host-mismatch" },
    },
    {
      text: "450 4.7.5 Remote certificate failed MTA-STS validation. Reason: CertificateExpired",
      type: "ndr",
      code: "450 4.7.5",
      facts: { tlsError: "MTA-STS CertificateExpired" },
    },
    {
      text: "Execution of the Set-HybridMailflow cmdlet had thrown an exception. This may indicate invalid parameters in your Hybrid Configuration settings.",
      type: "hcw-error",
      code: "Set-HybridMailflow",
      facts: {},
    },
    {
      text: "The Secure Mail Certificate on server EX01 is not bound to the SMTP Service",
      type: "hcw-error",
      code: "secure-mail-certificate-not-smtp",
      facts: { server: "EX01" },
    },
    {
      text: "RequiredTls flag should be set to true if TlsCertificateName is specified.",
      type: "hcw-error",
      code: "RequiredTls",
      facts: {},
    },
    {
      text: "No valid certificate exists for the Hub Transport server(s).",
      type: "hcw-error",
      code: "no-valid-certificate",
      facts: {},
    },
    {
      text: "A special Rpc error occurs on server EX01: These certificates are tagged with following Send Connectors : Outbound to Office 365. Removing and replacing certificates from Send Connector would break the mail flow.",
      type: "cmdlet-error",
      code: "tagged-send-connector",
      facts: { server: "EX01", connector: "Outbound to Office 365" },
    },
  ];
  it.each(cases)("$code: $text", ({ text, type, code, facts }) => {
    const claim = claimMessage(block(text), 0);
    expect(claim?.endIndex).toBe(1);
    expect(claim?.evidence[0]?.type).toBe(type);
    expect(claim?.evidence[0]?.code).toBe(code);
    expect(claim?.evidence[0]?.facts).toEqual(facts);
  });

  it("reads a passing Test-Certificate run and stops before the next prompt", () => {
    const lines = block(
      "Get-ChildItem Cert:\\LocalMachine\\My\\0A1B2C3D4E5F60718293A4B5C6D7E8F901234567 | Test-Certificate",
      "True",
      "PS C:\\> Get-Date",
    );
    const claim = claimMessage(lines, 0);
    expect(claim?.endIndex).toBe(2);
    expect(claim?.evidence[0]).toMatchObject({
      type: "chain-test",
      code: "valid",
      facts: { presentedThumbprint: "0A1B2C3D4E5F60718293A4B5C6D7E8F901234567" },
    });
  });

  it("joins a message a narrow window wrapped onto two lines", () => {
    const claim = claimMessage(
      block(
        "454 4.7.5 The certificate specified in TlsCertificateName of the",
        "SendConnector could not be found.",
        "next",
      ),
      0,
    );
    expect(claim?.endIndex).toBe(2);
    expect(claim?.evidence[0]?.code).toBe("454 4.7.5");
  });

  it("declines unknown text, unknown SMTP errors and cmdlet output", () => {
    for (const text of ["hello world", "550 5.1.1 User unknown", "Thumbprint : 0A1B", "PS C:\\> Get-Date", "   "]) {
      expect(claimMessage(block(text), 0)).toBeNull();
    }
  });

  it("always claims the HealthChecker line it starts on, however damaged", () => {
    const claim = claimMessage(block("\t\t\tTLSCertificateName set:'\r,’\t- False", "Log Name:      Application"), 0);
    expect(claim?.endIndex).toBe(1);
  });

  it("does not glue a prose line onto an error record", () => {
    const lines = block(
      "I ran this and got:",
      "Enable-ExchangeCertificate : The certificate with thumbprint 0A1B was not found.",
      "    + CategoryInfo          : NotSpecified: (:) [Enable-ExchangeCertificate], ManagementObjectNotFoundException",
    );
    expect(claimMessage(lines, 0)).toBeNull();
    expect(claimMessage(lines, 1)?.evidence[0]?.code).toBe("Enable-ExchangeCertificate");
  });
});
