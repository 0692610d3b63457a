import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Evidence } from "../../model/evidence";
import { parse } from "../../parse";
import { explainEvidence } from "./explain";

const FIXTURES = new URL("../../parse/__fixtures__/", import.meta.url);
const STORIES = new URL("../../__stories__/", import.meta.url);

const textFiles = (dir: URL) =>
  readdirSync(dir)
    .filter((n) => n.endsWith(".txt"))
    .sort();

async function evidenceOf(text: string): Promise<readonly Evidence[]> {
  return (await parse(text)).inventory.evidence;
}

async function explained(name: string): Promise<{ e: Evidence; meaning: string; next: string | undefined }[]> {
  const evidence = await evidenceOf(readFileSync(new URL(name, FIXTURES), "utf8"));
  return evidence.map((e) => ({ e, ...explainEvidence(e) }));
}

describe("every pasted evidence gets a plain-words meaning", () => {
  const files = [
    ...textFiles(FIXTURES).map((n) => new URL(n, FIXTURES)),
    ...textFiles(STORIES).map((n) => new URL(n, STORIES)),
  ];
  it("covers the fixtures that hold evidence", async () => {
    let count = 0;
    for (const file of files) count += (await evidenceOf(readFileSync(file, "utf8"))).length;
    expect(count).toBeGreaterThan(25);
  });

  for (const file of files) {
    const name = file.pathname.split("/").at(-1) ?? "";
    it(name, async () => {
      for (const e of await evidenceOf(readFileSync(file, "utf8"))) {
        const { meaning, next } = explainEvidence(e);
        expect(meaning.length, `${e.type} ${e.code}`).toBeGreaterThan(40);
        expect(meaning).not.toMatch(/undefined|null|\[object/);
        if (next !== undefined) {
          expect(next.trim()).not.toBe("");
          expect(next).not.toMatch(/undefined|null|\[object/);
        }
      }
    });
  }
});

describe("what the real pastes mean", () => {
  it("04: 12014 on an Edge server names the looked-for name, the connector and its FQDN", async () => {
    const [x] = await explained("04-event-12014-edge-fqdn-mismatch.txt");
    expect(x?.meaning).toMatch(
      /mail1\.expta\.com.*'Default internal receive connector MAILGATE' \(FQDN parameter mail\.expta\.com\) does not advertise STARTTLS/,
    );
    expect(x?.next).toBe(
      "Get-ReceiveConnector -Server mailgate | fl and Get-ExchangeCertificate -Server mailgate | fl",
    );
  });

  it("09: 12014 with an <I>…<S>… value is a TlsCertificateName naming a removed certificate", async () => {
    const [x] = await explained("09-event-12014-fet-tlscertname-old-cert-removed.txt");
    expect(x?.meaning).toMatch(/TlsCertificateName/);
    expect(x?.meaning).toMatch(/does not fall back to the connector's FQDN/);
    expect(x?.meaning).toMatch(/placeholders/);
    expect(x?.meaning).not.toMatch(/Cert Issuer Details/);
    expect(x?.next).toMatch(/Get-ReceiveConnector \| fl and Get-ExchangeCertificate \| fl/);
  });

  it("10: SubjectMismatch names the expected and presented subjects and the cut thumbprint", async () => {
    const [x] = await explained("10-exo-msgtrace-450-4.4.317-subjectmismatch.txt");
    expect(x?.meaning).toMatch(/presented CN=ExchangeServer01 while its outbound connector expected \*\.contoso\.com/);
    expect(x?.meaning).toMatch(/cut to 32 of 40 hex digits/);
    expect(x?.next).toMatch(/Get-OutboundConnector \| fl from Exchange Online/);
  });

  it("16: the queue's timeout hides UnknownCredentials, which means not enabled for SMTP", async () => {
    const [queue, line, session] = await explained("16-queue-and-smtpsend-log-unknowncredentials.txt");
    expect(queue?.meaning).toMatch(/hides the real cause/);
    expect(line?.meaning).toMatch(/not enabled for SMTP.*KB 4051498/);
    expect(session?.meaning).toMatch(/on 'Outbound to Office 365'.*CN=\*\.domain\.com/);
    expect(session?.next).toMatch(/source servers of 'Outbound to Office 365'/);
  });

  it("26: 451 5.7.3 names both causes, including the peer's DigiCert Global Root G2", async () => {
    const all = await explained("26-exo-msgtrace-and-protocollog-starttls-required-root-g2.txt");
    expect(all).toHaveLength(2);
    for (const x of all) {
      expect(x.meaning).toMatch(/did not offer STARTTLS/);
      expect(x.meaning).toMatch(/DigiCert Global Root G2 \(thumbprint DF3C24F9BFD666761B268073FE06D1CC8D4F82A4\)/);
      expect(x.next).toMatch(/event 12014/);
    }
  });

  it("29: 12014 whose values were stripped says they are lost and invents none", async () => {
    const [x] = await explained("29-event-12014-flattened-one-line-placeholders-stripped.txt");
    expect(x?.meaning).toMatch(/empty in this paste/);
    expect(x?.meaning).toMatch(/does not guess/);
    expect(x?.next).toMatch(/original event text/);
  });

  it("36: Schannel alert 10 is not a certificate statement and points at POP3/IMAP4", async () => {
    const [first, second] = await explained("36-schannel-36871-36888-machine-translated-linebreak.txt");
    expect(first?.meaning).toMatch(/36871.*10013/);
    expect(second?.meaning).toMatch(/Alert 10 \(unexpected_message\) means .*not a statement about a certificate/);
    expect(second?.meaning).toMatch(/POP3 or IMAP4.*X509CertificateName/);
    expect(second?.meaning).toMatch(/no evidence about an SMTP connector/);
    expect(second?.next).toMatch(/Get-PopSettings/);
  });

  it("19: the chain certificate says the machine that ran openssl does not trust the internal root", async () => {
    const [leaf, chain] = await explained("19-openssl-starttls-exchange-internal-ca-verify20.txt");
    expect(leaf?.meaning).toMatch(/verify error 20/);
    expect(chain?.meaning).toMatch(
      /the machine that ran it trusts.*does not trust the root.*not an Exchange certificate-selection fault/,
    );
  });

  it("21: an empty TlsCertificateName alone is not a fault when Fqdn is set (PR #2234)", async () => {
    const [x] = await explained("21-healthchecker-exoconnector-tlscertname-not-set.txt");
    expect(x?.meaning).toMatch(/not a fault when the connector's Fqdn is set.*PR #2234/);
  });

  it("25: the EHLO after TLS rightly lacks STARTTLS", async () => {
    const all = await explained("25-telnet-and-openssl-ehlo-before-after-tls-tabbed.txt");
    expect(all.map((x) => x.e.code)).toEqual(["EHLO", "EHLO-after-TLS"]);
    expect(all[1]?.meaning).toMatch(/rightly no longer lists STARTTLS/);
    expect(all[1]?.next).toBeUndefined();
  });
});

const event = (id: string, source: string, description: string) => `Log Name:      Application
Source:        ${source}
Date:          3/2/2026 10:00:00 AM
Event ID:      ${id}
Task Category: TransportService
Level:         Error
Computer:      EX09.contoso.local
Description:
${description}
`;

const T = "0A1B2C3D4E5F60718293A4B5C6D7E8F901234567";

/** Texts the fixtures do not hold, as they are pasted, with what their explanation must say. */
const CASES: readonly { name: string; paste: string; code: string; meaning: RegExp; next?: RegExp }[] = [
  {
    name: "12016 expired STARTTLS certificate",
    paste: event(
      "12016",
      "MSExchangeTransport",
      "There is no valid SMTP Transport Layer Security (TLS) certificate for the FQDN of mail.contoso.com. The existing certificate for that FQDN has expired.",
    ),
    code: "12016",
    meaning: /for mail\.contoso\.com has expired.*still advertises STARTTLS/,
    next: /Get-ExchangeCertificate -Server EX09\.contoso\.local \| fl/,
  },
  {
    name: "12018 expiring soon",
    paste: event(
      "12018",
      "MSExchangeTransport",
      `The STARTTLS certificate will expire soon: subject: CN=mail.contoso.com, thumbprint: ${T}, hours remaining: 100. Run the New-ExchangeCertificate cmdlet to create a new certificate.`,
    ),
    code: "12018",
    meaning: new RegExp(`CN=mail\\.contoso\\.com ${T} will expire soon`),
  },
  {
    name: "12023 has no known text",
    paste: event("12023", "MSExchangeTransport", "Some text certflow has no verified wording for."),
    code: "12023",
    meaning: /knows no published text for this event id and does not guess/,
  },
  {
    name: "12015 expired internal certificate",
    paste: event("12015", "MSExchangeTransport", `An internal transport certificate expired. Thumbprint:${T}`),
    code: "12015",
    meaning: /still advertises X-ANONYMOUSTLS/,
    next: /Get-TransportService EX09\.contoso\.local \| fl Name,InternalTransportCertificateThumbprint/,
  },
  {
    name: "12013 cannot load from the store",
    paste: event(
      "12013",
      "MSExchangeTransport",
      `Microsoft Exchange could not load the certificate with thumbprint of ${T} from the personal store on the local computer.`,
    ),
    code: "12013",
    meaning: new RegExp(`internal transport certificate ${T} from the personal store`),
  },
  {
    name: "2004 UntrustedRoot",
    paste: event(
      "2004",
      "MSExchangeTransport",
      "Send connector Outbound to Office 365: Message delivery was not successful. The message with message ID <MessageID> was acknowledged with SMTP response 454 4.7.0 Failed to establish appropriate TLS channel: UntrustedRoot: Access Denied.",
    ),
    code: "2004",
    meaning: /KB 2888788.*internal one/,
  },
  {
    name: "1035 EdgeSync needs a CAPI certificate",
    paste: event(
      "1035",
      "MSExchange EdgeSync",
      `EdgeSync failed to synchronize because it only supports Cryptographic API certificates. The local Hub Transport server's default certificate with thumbprint ${T} isn't a CAPI certificate.`,
    ),
    code: "1035",
    meaning: /CNG certificate was made the default SMTP certificate/,
  },
  {
    name: "36887 alert 46 received",
    paste: event(
      "36887",
      "Schannel",
      "A fatal alert was received from the remote endpoint. The TLS protocol defined fatal alert code is 46.",
    ),
    code: "36887",
    meaning: /remote side sent this server a fatal TLS alert 46.*certificate_unknown.*trust, name or key-usage/,
  },
  {
    name: "454 4.7.5 from the queue",
    paste: "454 4.7.5 certificate validation failure",
    code: "454 4.7.5",
    meaning: /Edge servers with a wildcard/,
  },
  {
    name: "530 5.7.1 is not a certificate problem",
    paste: "Remote Server returned '530 5.7.1 Client was not authenticated'",
    code: "530 5.7.1",
    meaning: /not a certificate problem/,
  },
  {
    name: "550 5.7.51 attribution",
    paste:
      "Remote Server returned '550 5.7.51 TenantInboundAttribution; There is a partner connector configured that matched the message's recipient domain.'",
    code: "550 5.7.51",
    meaning: /TlsSenderCertificateName.*accepted domain/,
    next: /Get-InboundConnector \| fl from Exchange Online/,
  },
  {
    name: "450 4.4.317 UntrustedRoot",
    paste:
      "Reason: [{LED=450 4.4.317 Cannot connect to remote server [Message=UntrustedRoot] [LastAttemptedServerName=mail.contoso.com] [LastAttemptedIP=203.0.113.10:25]}]",
    code: "450 4.4.317",
    meaning: /without the intermediate CA certificates.*does not fetch them/,
  },
  {
    name: "451 4.7.0 PRX5 in Exchange Online's trace",
    paste:
      "Reason: [{LED=451 4.7.0 Temporary server error. Please try again later. PRX5 [LastAttemptedServerName=mail.contoso.com]}]",
    code: "451 4.7.0",
    meaning: /PRX5.*KB 3156771/,
  },
  {
    name: "a telnet session refused without STARTTLS",
    paste:
      "telnet mail.contoso.com 25\n220 EX01.contoso.local Microsoft ESMTP MAIL Service ready\nEHLO test\n250-EX01.contoso.local Hello [10.0.0.5]\n250-STARTTLS\n250 CHUNKING\nMAIL FROM:<a@fabrikam.com>\n530 5.7.0 Must issue a STARTTLS command first",
    code: "530 5.7.0",
    meaning: /requires TLS and the client sent mail commands without starting TLS/,
  },
  {
    name: "HCW: RequiredTls",
    paste: "RequiredTls flag should be set to true if TlsCertificateName is specified.",
    code: "RequiredTls",
    meaning: /not on the certificate any more/,
  },
  {
    name: "HCW: no valid certificate",
    paste: "No valid certificate exists for the Hub Transport server(s).",
    code: "no-valid-certificate",
    meaning: /Service Host.*ThirdParty/,
  },
  {
    name: "Remove-ExchangeCertificate refused by a send connector",
    paste:
      "A special Rpc error occurs on server EX01: These certificates are tagged with following Send Connectors : Outbound to Office 365. Removing and replacing certificates from Send Connector would break the mail flow. If you still want to proceed then replace or remove these certificates from Send Connector and then try this command.",
    code: "tagged-send-connector",
    meaning: /named by send connector\(s\) Outbound to Office 365/,
  },
  {
    name: "NoCredentials in the send log",
    paste: "TLS negotiation failed with error NoCredentials",
    code: "NoCredentials",
    meaning: /no private key.*KB 4495258/,
  },
];

describe("what other pasted texts mean", () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const found = (await evidenceOf(c.paste)).find((e) => e.code === c.code);
      expect(found, `no evidence with code ${c.code}`).toBeDefined();
      if (!found) return;
      const { meaning, next } = explainEvidence(found);
      expect(meaning).toMatch(c.meaning);
      expect(meaning).not.toMatch(/undefined/);
      if (c.next) expect(next).toMatch(c.next);
    });
  }
});
