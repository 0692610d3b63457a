import { describe, expect, it } from "vitest";
import { story } from "../../__stories__/stories";
import { parse } from "../../parse";
import { fixture } from "../../parse/test-fixtures";
import { runEngine } from "../engine";
import rule from "./self-signed-presented";
import { testRule } from "./tester";

const SELF_SIGNED = "3C2B1A0F9E8D7C6B5A4F3E2D1C0B9A8F7E6D5C4B";

/** A server with only the certificate Setup created. */
const selfSignedOnly = (
  server: string,
  connectors: string,
) => `[PS] C:\\>Get-ExchangeCertificate -Server ${server} | fl Thumbprint,Subject,Issuer,CertificateDomains,Services,IsSelfSigned,HasPrivateKey,Status

Thumbprint         : ${SELF_SIGNED}
Subject            : CN=${server}
Issuer             : CN=${server}
CertificateDomains : {${server}, ${server}.tailspin.local}
Services           : IMAP, POP, IIS, SMTP
IsSelfSigned       : True
HasPrivateKey      : True
Status             : Valid

${connectors}`;

const receive = (
  server: string,
  name: string,
  bindings: string,
  role: string,
  groups: string,
  extra = "",
) => `Identity           : ${server}\\${name}
Server             : ${server}
Bindings           : {${bindings}}
AuthMechanism      : Tls, Integrated, BasicAuth, BasicAuthRequireTLS, ExchangeServer
Fqdn               : ${server}.tailspin.local
TlsCertificateName :
PermissionGroups   : ${groups}
TransportRole      : ${role}
${extra}`;

const internalOnly = selfSignedOnly(
  "EX08",
  `[PS] C:\\>Get-ReceiveConnector -Server EX08 | fl Identity,Server,Bindings,AuthMechanism,Fqdn,TlsCertificateName,PermissionGroups,TransportRole

${receive("EX08", "Default EX08", "[::]:2525, 0.0.0.0:2525", "HubTransport", "ExchangeUsers, ExchangeServers, ExchangeLegacyServers")}
${receive("EX08", "Client Proxy EX08", "[::]:465, 0.0.0.0:465", "HubTransport", "ExchangeServers, ExchangeUsers")}
${receive("EX08", "Internal relay EX08", "10.0.0.8:25", "FrontendTransport", "ExchangeServers")}
${receive("EX08", "Scanner relay EX08", "[::]:25, 0.0.0.0:25", "FrontendTransport", "AnonymousUsers", "RemoteIPRanges     : {10.0.0.20, 10.0.0.21}\n")}`,
);

testRule(rule, {
  valid: [
    { name: "healthy hybrid server", paste: story("healthy-hybrid") },
    {
      name: "internal paths: Default <server> on 2525, Client Proxy on 465 (HubTransport), port-25 connectors closed to anonymous senders or open to a few hosts only",
      paste: internalOnly,
    },
    {
      name: "a send connector to a partner domain is not internet-wide",
      paste: selfSignedOnly(
        "EX08",
        `[PS] C:\\>Get-SendConnector | fl Identity,SourceTransportServers,AddressSpaces,Fqdn,TlsCertificateName

Identity               : To Fabrikam
SourceTransportServers : {EX08}
AddressSpaces          : {SMTP:fabrikam.com;1}
Fqdn                   : EX08.tailspin.local
TlsCertificateName     :
`,
      ),
    },
    {
      name: "a receive log on port 2525 (Exchange-to-Exchange) is not judged",
      paste: fixture("06-smtpreceive-protocollog-selfsigned-sent.txt").replaceAll(
        "10.10.10.10:25,",
        "10.10.10.10:2525,",
      ),
    },
  ],
  invalid: [
    {
      name: "port-587 story: Client Frontend presents the self-signed certificate; the fix names the Let's Encrypt wildcard",
      paste: story("client-frontend-587-self-signed"),
      expect: [
        {
          messageId: "clients",
          severity: "warning",
          server: "EX02",
          connector: "Client Frontend EX02",
          thumbprint: SELF_SIGNED,
          message:
            /port 587 but presents the self-signed certificate CN=EX02[\s\S]*or set its Fqdn to a name that certificate covers \(\*\.northwind\.com and northwind\.com\)/,
          fix: /Set-ReceiveConnector 'EX02\\Client Frontend EX02' -TlsCertificateName '<I>CN=R11, O=Let''s Encrypt, C=US<S>CN=\*\.northwind\.com'[\s\S]*Get-Service -ComputerName 'EX02' -Name 'MSExchangeFrontEndTransport' \| Restart-Service/,
        },
      ],
    },
    {
      name: "sample 06: the receive log shows Default Frontend sending the self-signed certificate, no configuration pasted",
      paste: fixture("06-smtpreceive-protocollog-selfsigned-sent.txt"),
      expect: [
        {
          messageId: "log",
          basis: "evidence",
          server: "SERVER-HOSTNAME",
          connector: "Default Frontend SERVER-HOSTNAME",
          thumbprint: "12DEABC6565646512346ABDC1345689413589876",
          message: /port 25\) sending the self-signed certificate CN=SERVER-HOSTNAME/,
          fix: /Get-ReceiveConnector 'SERVER-HOSTNAME\\Default Frontend SERVER-HOSTNAME' \| Format-List[\s\S]*Get-ExchangeCertificate -Server 'SERVER-HOSTNAME'/,
        },
      ],
    },
    {
      name: "only the self-signed certificate: port 25 Front End, hybrid receive and the Office 365 send connector",
      paste: selfSignedOnly(
        "EX09",
        `[PS] C:\\>Get-ReceiveConnector -Server EX09 | fl Identity,Server,Bindings,AuthMechanism,Fqdn,TlsCertificateName,PermissionGroups,TransportRole,TlsDomainCapabilities

${receive("EX09", "Default Frontend EX09", "[::]:25, 0.0.0.0:25", "FrontendTransport", "AnonymousUsers, ExchangeServers, ExchangeLegacyServers")}
${receive("EX09", "Inbound from Office 365", "0.0.0.0:25", "FrontendTransport", "AnonymousUsers, ExchangeServers", "TlsDomainCapabilities : {mail.protection.outlook.com:AcceptCloudServicesMail}\n")}
[PS] C:\\>Get-SendConnector | fl Identity,SourceTransportServers,AddressSpaces,Fqdn,TlsCertificateName,CloudServicesMailEnabled

Identity                 : Outbound to Office 365 - 9c1d
SourceTransportServers   : {EX09}
AddressSpaces            : {smtp:tailspin.mail.onmicrosoft.com;1}
Fqdn                     :
TlsCertificateName       :
CloudServicesMailEnabled : True
`,
      ),
      expect: [
        {
          messageId: "internet",
          server: "EX09",
          connector: "Default Frontend EX09",
          message:
            /from the internet on port 25[\s\S]*No usable certificate from a CA for a public name is installed on EX09/,
          fix: /Get-ExchangeCertificate -Server 'EX09' \| Format-List/,
        },
        {
          messageId: "hybrid",
          server: "EX09",
          connector: "Inbound from Office 365",
          message: /mail\.protection\.outlook\.com:AcceptCloudServicesMail[\s\S]*450 4\.4\.317/,
        },
        {
          messageId: "send",
          server: "EX09",
          connector: "Outbound to Office 365 - 9c1d",
          message: /sends to Exchange Online from EX09/,
        },
      ],
    },
  ],
});

describe("SELF_SIGNED_PRESENTED with a pasted receive log", () => {
  const frontend = (server: string, name: string, extra = "") =>
    selfSignedOnly(
      server.toUpperCase(),
      `[PS] C:\\>Get-ReceiveConnector -Server ${server} | fl Identity,Server,Bindings,AuthMechanism,Fqdn,TlsCertificateName,PermissionGroups,TransportRole${extra ? ",Enabled" : ""}

${receive(server, name, "[::]:25, 0.0.0.0:25", "FrontendTransport", "AnonymousUsers, ExchangeServers, ExchangeLegacyServers", extra)}`,
    );
  const findings = async (paste: string) => {
    const parsed = await parse(paste, {});
    return runEngine(parsed, new Date("2024-01-15T00:00:00Z")).findings.filter((f) => f.rule === rule.id);
  };

  it("the connector the log names, in any case, explains its entries: no finding of its own for the log", async () => {
    const found = await findings(
      [
        frontend("server-hostname", "DEFAULT FRONTEND SERVER-HOSTNAME"),
        fixture("06-smtpreceive-protocollog-selfsigned-sent.txt"),
      ].join("\n"),
    );
    expect(found.map((f) => [f.server, f.connector])).toEqual([
      ["SERVER-HOSTNAME", "DEFAULT FRONTEND SERVER-HOSTNAME"],
    ]);
    expect(found[0]?.explains.length).toBeGreaterThan(0);
    expect(found[0]?.explains.every((e) => e.type === "smtp-log")).toBe(true);
  });

  it("a connector of that name on another server explains nothing: the log keeps its own finding", async () => {
    const found = await findings(
      [
        frontend("EX02", "Default Frontend SERVER-HOSTNAME"),
        fixture("06-smtpreceive-protocollog-selfsigned-sent.txt"),
      ].join("\n"),
    );
    expect(found.map((f) => [f.server, f.basis, f.explains.length > 0])).toEqual([
      ["EX02", "configuration", false],
      ["SERVER-HOSTNAME", "evidence", true],
    ]);
  });

  it("a log naming a pasted connector that is disabled gets no finding: the configuration answers for it", async () => {
    const found = await findings(
      [
        frontend("SERVER-HOSTNAME", "Default Frontend SERVER-HOSTNAME", "Enabled            : False\n"),
        fixture("06-smtpreceive-protocollog-selfsigned-sent.txt"),
      ].join("\n"),
    );
    expect(found).toEqual([]);
  });

  it("Exchange Online's SubjectMismatch naming the certificate's subject, in any case, is explained too", async () => {
    const found = await findings(
      [
        frontend("ExchangeServer01", "Default Frontend ExchangeServer01"),
        fixture("10-exo-msgtrace-450-4.4.317-subjectmismatch.txt"),
      ].join("\n\n"),
    );
    expect(found.map((f) => f.explains.map((e) => [e.facts.tlsError, e.facts.presentedSubject]))).toEqual([
      [["SubjectMismatch", "CN=ExchangeServer01"]],
    ]);
  });
});
