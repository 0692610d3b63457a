import { describe, expect, it } from "vitest";
import { story } from "../../__stories__/stories";
import { parse } from "../../parse";
import { fixture } from "../../parse/test-fixtures";
import { runEngine } from "../engine";
import { testRule } from "./tester";
import rule from "./tlsname-not-found";

const certs = (
  server: string,
  issuer: string,
  subject: string,
) => `[PS] C:\\>Get-ExchangeCertificate -Server ${server} | fl Thumbprint,Subject,Issuer,CertificateDomains,Services,NotBefore,NotAfter,IsSelfSigned,HasPrivateKey,Status

Thumbprint         : 6A1F8D33B0C2E1F4A5968776C3D2E1F0A9B8C7D6
Subject            : ${subject}
Issuer             : ${issuer}
CertificateDomains : {mail.contoso.com}
Services           : IIS, SMTP
NotBefore          : 3/1/2026 12:00:00 AM
NotAfter           : 3/1/2027 11:59:59 PM
IsSelfSigned       : False
HasPrivateKey      : True
Status             : Valid
`;

const sendConnector = (name: string) => `
[PS] C:\\>Get-SendConnector | fl Identity,SourceTransportServers,AddressSpaces,TlsCertificateName,CloudServicesMailEnabled

Identity                 : Outbound to Office 365 - 1b2c
SourceTransportServers   : {EX01}
AddressSpaces            : {smtp:contoso.mail.onmicrosoft.com;1}
TlsCertificateName       : ${name}
CloudServicesMailEnabled : True

454 4.7.5 The certificate specified in TlsCertificateName of the SendConnector could not be found.
`;

testRule(rule, {
  valid: [
    { name: "healthy hybrid server", paste: story("healthy-hybrid") },
    { name: "the 587 story has no TlsCertificateName", paste: story("client-frontend-587-self-signed") },
    {
      name: "tags in lower case still match (Exchange compares case-insensitively)",
      paste:
        certs("EX01", "CN=R11, O=Let's Encrypt, C=US", "CN=mail.contoso.com") +
        sendConnector("<i>cn=r11, o=let's encrypt, c=us<s>CN=MAIL.contoso.com"),
    },
    {
      name: "event 12014 for a host name is not about TlsCertificateName",
      paste: fixture("04-event-12014-edge-fqdn-mismatch.txt"),
    },
    {
      name: "a connector whose server's certificates are not pasted is not judged",
      paste: sendConnector("<I>CN=R11, O=Let's Encrypt, C=US<S>CN=mail.contoso.com"),
    },
  ],
  invalid: [
    {
      name: "KB 2989382: renewed from another CA, old certificate removed",
      paste: story("stale-tlsname-after-renewal"),
      expect: [
        {
          messageId: "renewed",
          severity: "error",
          server: "EX01",
          connector: "Default Frontend EX01",
          thumbprint: "6A1F8D33B0C2E1F4A5968776C3D2E1F0A9B8C7D6",
          fix: /Enable-ExchangeCertificate -Server 'EX01' -Thumbprint 6A1F8D33B0C2E1F4A5968776C3D2E1F0A9B8C7D6 -Services SMTP[\s\S]*Set-ReceiveConnector 'EX01\\Default Frontend EX01' -TlsCertificateName '<I>CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1, O=DigiCert Inc, C=US<S>CN=mail\.contoso\.com, O=Contoso Ltd, L=Seattle, S=Washington, C=US'[\s\S]*Hybrid Configuration Wizard/,
        },
      ],
    },
    {
      name: "send connector naming a certificate the source server lacks (454 4.7.5)",
      paste:
        certs("EX01", "CN=R11, O=Let's Encrypt, C=US", "CN=mail.contoso.com") +
        sendConnector("<I>CN=R10, O=Let's Encrypt, C=US<S>CN=smtp.contoso.com"),
      expect: [{ messageId: "send", server: "EX01", connector: "Outbound to Office 365 - 1b2c" }],
    },
    {
      name: "a near miss differing only in spacing is named",
      paste:
        certs("EX01", "CN=R11, O=Let's Encrypt, C=US", "CN=mail.contoso.com") +
        sendConnector("<I>CN=R11,O=Let's Encrypt,C=US<S>CN=mail.contoso.com"),
      expect: [
        { messageId: "near", thumbprint: "6A1F8D33B0C2E1F4A5968776C3D2E1F0A9B8C7D6", message: /differs only in/ },
      ],
    },
  ],
});

describe("TLSNAME_NOT_FOUND explains", () => {
  const NAMED =
    "<I>CN=GeoTrust TLS RSA CA G1, OU=www.digicert.com, O=DigiCert Inc, C=US<S>CN=mail.contoso.com, O=Contoso Ltd, L=Seattle, S=Washington, C=US";
  const event12014 = (name: string) =>
    fixture("09-event-12014-fet-tlscertname-old-cert-removed.txt").replaceAll(
      "<I><Cert Issuer Details><S><Cert Subject Details>",
      name,
    );

  it("the events 12014 that name the connector's TlsCertificateName, in any case, and no other", async () => {
    const paste = [
      story("stale-tlsname-after-renewal"),
      event12014("<I>CN=Other CA<S>CN=other.contoso.com"),
      event12014(NAMED.toUpperCase()),
    ].join("\n\n");
    const parsed = await parse(paste, {});
    const found = runEngine(parsed, new Date("2026-06-01T00:00:00Z")).findings.filter(
      (f) => f.rule === rule.id && f.connector === "Default Frontend EX01",
    );
    expect(found).toHaveLength(1);
    expect(found[0]?.explains.map((e) => e.facts.lookedFor)).toEqual([NAMED.toUpperCase()]);
  });

  it("also the events 12014 that name nothing and the receive side's 451 5.7.3, in the paste's order", async () => {
    const unnamed = `${fixture("09-event-12014-fet-tlscertname-old-cert-removed.txt").split("\n").slice(0, 10).join("\n")}
Microsoft Exchange could not find a certificate in the personal store on the local computer.`;
    const paste = [
      story("stale-tlsname-after-renewal"),
      "451 5.7.3 STARTTLS is required to send mail",
      event12014("<I>CN=Other CA<S>CN=other.contoso.com"),
      event12014(NAMED),
      "454 4.7.5 The certificate specified in TlsCertificateName of the SendConnector could not be found.",
      unnamed,
    ].join("\n\n");
    const parsed = await parse(paste, {});
    const found = runEngine(parsed, new Date("2026-06-01T00:00:00Z")).findings.filter(
      (f) => f.rule === rule.id && f.connector === "Default Frontend EX01",
    );
    expect(found).toHaveLength(1);
    expect(found[0]?.explains.map((e) => [e.code, e.facts.lookedFor])).toEqual([
      ["451 5.7.3", undefined],
      ["12014", NAMED],
      ["12014", undefined],
    ]);
  });
});
