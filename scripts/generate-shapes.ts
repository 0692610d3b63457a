import sample04 from "../src/parse/__fixtures__/04-event-12014-edge-fqdn-mismatch.txt?raw";
import sample05 from "../src/parse/__fixtures__/05-ehlo-587-vs-25-starttls-missing.txt?raw";
import sample06 from "../src/parse/__fixtures__/06-smtpreceive-protocollog-selfsigned-sent.txt?raw";
import sample09 from "../src/parse/__fixtures__/09-event-12014-fet-tlscertname-old-cert-removed.txt?raw";
import sample10 from "../src/parse/__fixtures__/10-exo-msgtrace-450-4.4.317-subjectmismatch.txt?raw";
import sample12 from "../src/parse/__fixtures__/12-test-certificate-chain-revoked-untrusted.txt?raw";
import sample14 from "../src/parse/__fixtures__/14-queue-454-4.7.5-tlscertname-sendconnector-not-found.txt?raw";
import sample16 from "../src/parse/__fixtures__/16-queue-and-smtpsend-log-unknowncredentials.txt?raw";
import sample17 from "../src/parse/__fixtures__/17-hcw-error-new-sendconnector-msexchsmtptlscertificate-len.txt?raw";
import sample19 from "../src/parse/__fixtures__/19-openssl-starttls-exchange-internal-ca-verify20.txt?raw";
import sample25 from "../src/parse/__fixtures__/25-telnet-and-openssl-ehlo-before-after-tls-tabbed.txt?raw";
import sample26 from "../src/parse/__fixtures__/26-exo-msgtrace-and-protocollog-starttls-required-root-g2.txt?raw";
import sample29 from "../src/parse/__fixtures__/29-event-12014-flattened-one-line-placeholders-stripped.txt?raw";
import sample34 from "../src/parse/__fixtures__/34-enable-exchangecertificate-privatekeymissing-wrapped-error.txt?raw";
import sample36 from "../src/parse/__fixtures__/36-schannel-36871-36888-machine-translated-linebreak.txt?raw";
import sample38 from "../src/parse/__fixtures__/38-wacs-enable-exchangecertificate-error-spanish-mojibake-quoted.txt?raw";
import { generateOrg } from "./generate-org";

/**
 * Pastes that grow along one dimension, for `npm run bench -- --shapes`. The generated organisation grows every
 * dimension together and evenly, so it cannot show work that grows with two of them at once: findings times
 * pasted log entries, or a server's certificates times each other. Each shape here grows a realistic paste along
 * such a pair (or one dimension that pairs with itself); analysing it at two sizes gives the exponent.
 */
export interface Shape {
  readonly name: string;
  /** What grows, for the bench's output. */
  readonly grows: string;
  readonly sizes: readonly [number, number];
  readonly text: (size: number) => string;
}

const ISSUERS = [
  "CN=Sectigo RSA Domain Validation Secure Server CA, O=Sectigo Limited, L=Salford, S=Greater Manchester, C=GB",
  "CN=R11, O=Let's Encrypt, C=US",
  "CN=GeoTrust TLS RSA CA G1, OU=www.digicert.com, O=DigiCert Inc, C=US",
];

const hex = (n: number, length: number) => n.toString(16).toUpperCase().padStart(length, "0");

/**
 * One send session of an Exchange send protocol log that fails with UnknownCredentials after presenting a
 * certificate, as in sample 16 (a certificate not enabled for SMTP).
 */
function sendSession(i: number): string {
  const at = `2026-01-14T04:${String(Math.floor(i / 60) % 60).padStart(2, "0")}:${String(i % 60).padStart(2, "0")}.804Z`;
  const row = (seq: number, data: string, context: string) =>
    `${at},Outbound to Office 365,08D5${hex(i, 12)},${seq},,,*,${data},${context}`;
  return [
    row(16, '"CN=*.contoso.com, OU=IT, O=Contoso Ltd"', "Certificate subject"),
    row(17, `"${ISSUERS[i % ISSUERS.length]}"`, "Certificate issuer name"),
    row(19, hex(i, 40), "Certificate thumbprint"),
    row(20, "*.contoso.com;contoso.com", "Certificate alternate names"),
    row(21, "", "TLS negotiation failed with error UnknownCredentials"),
  ].join("\n");
}

/** Event 12014 (a TlsCertificateName that matches no installed certificate), as the event viewer copies it. */
function event12014(i: number): string {
  const name = `<I>${ISSUERS[i % ISSUERS.length]}<S>CN=mail${i % 40}.contoso.com`;
  return `Log Name:      Application
Source:        MSExchangeFrontEndTransport
Date:          1/14/2026 4:${String(i % 60).padStart(2, "0")}:20 AM
Event ID:      12014
Task Category: TransportService
Level:         Error
Keywords:      Classic
User:          N/A
Computer:      EX${String((i % 50) + 1).padStart(2, "0")}.contoso.local
Description:
Microsoft Exchange could not find a certificate that contains the domain name ${name} in the personal store on the local computer. Therefore, it is unable to support the STARTTLS SMTP verb for the connector Default Frontend EX${String((i % 50) + 1).padStart(2, "0")} with a FQDN parameter of ${name}. If the connector's FQDN is not specified, the computer's FQDN is used.`;
}

/** `Get-ExchangeCertificate | fl` of a server that kept every renewal: `count` certificates for the same names. */
function crowdedServer(count: number): string {
  const certificate = (i: number) => {
    const year = 2018 + (i % 9);
    const month = (i % 12) + 1;
    return `Thumbprint         : ${hex(i * 7919 + 1, 40)}
Subject            : CN=mail.contoso.com, O=Contoso Ltd, C=US
Issuer             : ${ISSUERS[i % ISSUERS.length]}
CertificateDomains : {mail.contoso.com, autodiscover.contoso.com, smtp${i % 50}.contoso.com}
Services           : ${i % 4 === 0 ? "IIS" : "IIS, SMTP"}
IsSelfSigned       : False
NotBefore          : ${month}/1/${year} 12:00:00 AM
NotAfter           : ${month}/1/${year + 1} 11:59:59 PM
HasPrivateKey      : True
Status             : Valid
`;
  };
  const connector = (i: number) => `Identity           : EX01\\Relay ${i}
Server             : EX01
Bindings           : {0.0.0.0:${i % 3 === 0 ? 25 : 2525 + i}}
AuthMechanism      : Tls, Integrated, BasicAuth, BasicAuthRequireTLS, ExchangeServer
Fqdn               : ${i % 2 === 0 ? "mail.contoso.com" : `smtp${i}.contoso.com`}
TlsCertificateName : ${i % 5 === 0 ? `<I>${ISSUERS[i % ISSUERS.length]}<S>CN=mail.contoso.com, O=Contoso Ltd, C=US` : ""}
TransportRole      : FrontendTransport
Enabled            : True
`;
  return `[PS] C:\\>Get-ExchangeCertificate -Server EX01 | fl Thumbprint,Subject,Issuer,CertificateDomains,Services,IsSelfSigned,NotBefore,NotAfter,HasPrivateKey,Status

${Array.from({ length: count }, (_, i) => certificate(i)).join("\n")}
[PS] C:\\>Get-ReceiveConnector -Server EX01 | fl Identity,Server,Bindings,AuthMechanism,Fqdn,TlsCertificateName,TransportRole,Enabled

${Array.from({ length: 10 }, (_, i) => connector(i)).join("\n")}`;
}

/**
 * Every evidence sample of the repo's fixtures (events, transcripts, logs, NDRs, errors; not the configuration ones):
 * each rule that matches evidence to connectors or certificates meets entries it explains and entries it does not.
 */
const EVIDENCE_SAMPLES = [
  sample04,
  sample05,
  sample06,
  sample09,
  sample10,
  sample12,
  sample14,
  sample16,
  sample17,
  sample19,
  sample25,
  sample26,
  sample29,
  sample34,
  sample36,
  sample38,
].join("\n\n");

export const SHAPES: readonly Shape[] = [
  {
    name: "logs",
    grows: "an organisation (a server per 40 sessions) with its send log and events 12014",
    sizes: [2000, 8000],
    text: (size) => {
      if (size === 0) return "";
      const org = generateOrg({ servers: size / 40 }).text;
      const sessions = Array.from({ length: size }, (_, i) => sendSession(i)).join("\n");
      const events = Array.from({ length: size / 10 }, (_, i) => event12014(i)).join("\n\n");
      return `${org}\n\n${sessions}\n\n${events}\n`;
    },
  },
  {
    name: "crowded_server",
    grows: "certificates on one server with ten receive connectors",
    sizes: [1000, 4000],
    text: crowdedServer,
  },
  {
    name: "evidence",
    grows: "an organisation (a server per 4 copies) with every evidence sample pasted that many times",
    sizes: [200, 800],
    text: (size) => {
      if (size === 0) return "";
      const org = generateOrg({ servers: size / 4 }).text;
      return `${org}\n\n${Array.from({ length: size }, () => EVIDENCE_SAMPLES).join("\n\n")}\n`;
    },
  },
];
