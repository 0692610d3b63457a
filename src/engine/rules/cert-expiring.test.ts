import { describe, expect, it } from "vitest";
import { story } from "../../__stories__/stories";
import { parse } from "../../parse";
import { runEngine } from "../engine";
import rule from "./cert-expiring";
import { eventText } from "./lib/test-event";
import { testRule } from "./tester";

const LETS_ENCRYPT = "7E6F5A4B3C2D1E0F9A8B7C6D5E4F3A2B1C0D9E8F";

/** A 12-hour clock with day and month both ≤ 12: the paste cannot say which comes first. */
const undecided = (
  notAfter: string,
) => `[PS] C:\\>Get-ExchangeCertificate -Server EX06 | fl Thumbprint,Subject,Issuer,Services,NotBefore,NotAfter,IsSelfSigned

Thumbprint   : 0123456789ABCDEF0123456789ABCDEF01234567
Subject      : CN=smtp.fourthcoffee.com
Issuer       : CN=Sectigo RSA Domain Validation Secure Server CA, O=Sectigo Limited, L=Salford, S=Greater Manchester, C=GB
Services     : IIS
NotBefore    : 03/04/2022 1:00:00 PM
NotAfter     : ${notAfter}
IsSelfSigned : False
`;

testRule(rule, {
  valid: [
    { name: "healthy hybrid server (190 days left)", paste: story("healthy-hybrid") },
    {
      name: "60 days left is HealthChecker's green",
      paste: story("client-frontend-587-self-signed"),
      asOf: "2026-11-01",
    },
    {
      name: "an expired certificate is CERT_EXPIRED's",
      paste: story("client-frontend-587-self-signed"),
      asOf: "2027-01-02",
    },
    { name: "an undecided date that is expiring under one reading only", paste: undecided("12/01/2026 1:00:00 PM") },
  ],
  invalid: [
    {
      name: "port-587 story: the Let's Encrypt certificate has 37 days left",
      paste: story("client-frontend-587-self-signed"),
      expect: [
        {
          messageId: "soon",
          severity: "warning",
          server: "EX02",
          thumbprint: LETS_ENCRYPT,
          message:
            /expires on 2026-12-31, in 37 days \(under 60 days[\s\S]*in use \(presented by Default Frontend EX02\)/,
          fix: /Renew CN=\*\.northwind\.com[\s\S]*it expires on 2026-12-31/,
        },
      ],
    },
    {
      name: "59 days left",
      paste: story("client-frontend-587-self-signed"),
      asOf: "2026-11-02",
      expect: [{ messageId: "soon", message: /in 59 days/ }],
    },
    {
      name: "fewer than 30 days left is HealthChecker's red",
      paste: story("client-frontend-587-self-signed"),
      asOf: "2026-12-10",
      expect: [{ messageId: "urgent", thumbprint: LETS_ENCRYPT, message: /in 21 days: fewer than 30 days left/ }],
    },
    {
      name: "the self-signed internal transport certificate near its end is replaced with HealthChecker's recipe",
      paste: story("healthy-hybrid"),
      asOf: "2028-12-01",
      expect: [
        {
          messageId: "soon",
          thumbprint: "0A9B8C7D6E5F4A3B2C1D0E9F8A7B6C5D4E3F2A1B",
          message: /in use \(the internal transport certificate\)/,
          fix: /New-ExchangeCertificate -Server 'EX19A' [\s\S]*-Services SMTP -Force/,
        },
      ],
    },
    {
      name: "an undecided date that is expiring under both readings",
      paste: undecided("02/01/2027 1:00:00 PM"),
      asOf: "2027-01-01",
      expect: [
        {
          messageId: "urgent",
          thumbprint: "0123456789ABCDEF0123456789ABCDEF01234567",
          message: /expires on 2027-01-02 or 2027-02-01, in 1 days[\s\S]*not used by anything in the paste/,
        },
      ],
    },
  ],
});

describe("CERT_EXPIRING with pasted events", () => {
  const event = (id: string, thumbprint: string) =>
    eventText(
      id,
      `The STARTTLS certificate will expire soon: subject: *.northwind.com, thumbprint: ${thumbprint.toLowerCase()}, hours remaining: 71. Run the New-ExchangeCertificate cmdlet to create a new certificate.`,
      { computer: "EX02.northwind.local" },
    );

  it("explains the events 12018 and 12017 that name the certificate's thumbprint, and no other", async () => {
    const other = "0123456789ABCDEF0123456789ABCDEF01234567";
    const paste = [
      story("client-frontend-587-self-signed"),
      event("12018", other),
      event("12018", LETS_ENCRYPT),
      event("12017", LETS_ENCRYPT),
    ].join("\n\n");
    const parsed = await parse(paste, {});
    const found = runEngine(parsed, new Date("2026-11-24T00:00:00Z")).findings.filter((f) => f.rule === rule.id);
    expect(found.map((f) => [f.thumbprint, f.explains.map((e) => [e.code, e.facts.presentedThumbprint])])).toEqual([
      [
        LETS_ENCRYPT,
        [
          ["12018", LETS_ENCRYPT],
          ["12017", LETS_ENCRYPT],
        ],
      ],
    ]);
  });
});
