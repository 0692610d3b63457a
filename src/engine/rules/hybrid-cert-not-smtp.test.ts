import { describe, expect, it } from "vitest";
import { story } from "../../__stories__/stories";
import { parse } from "../../parse";
import { runEngine } from "../engine";
import rule from "./hybrid-cert-not-smtp";
import { testRule } from "./tester";

const STORY = story("hybrid-cert-not-smtp");
const WIZARD_ERROR = STORY.slice(STORY.indexOf("ERROR:Updating hybrid configuration failed"));

const ENABLED_NOW = `${STORY.slice(0, STORY.indexOf("[PS] C:\\Windows\\system32>Get-ExchangeCertificate -Server EXHYB01 -Thumbprint"))}
[PS] C:\\Windows\\system32>Get-ExchangeCertificate -Server EXHYB01 -Thumbprint 4F3E2D1C0B9A8F7E6D5C4B3A2F1E0D9C8B7A6F5E | fl Thumbprint,Subject,Issuer,Services

Thumbprint : 4F3E2D1C0B9A8F7E6D5C4B3A2F1E0D9C8B7A6F5E
Subject    : CN=mail.fabrikam.com
Issuer     : CN=Sectigo RSA Domain Validation Secure Server CA, O=Sectigo Limited, L=Salford, S=Greater Manchester, C=GB
Services   : IIS, SMTP


${WIZARD_ERROR}`;

testRule(rule, {
  valid: [
    { name: "healthy hybrid: the DigiCert certificate is enabled for SMTP", paste: story("healthy-hybrid") },
    {
      name: "renewal story: the hybrid certificate is not installed at all (HYBRID_CERT_NOT_FOUND's case)",
      paste: story("stale-tlsname-after-renewal"),
    },
    {
      name: "the story without EXHYB01's certificates: nothing to judge on any server",
      paste: STORY.slice(0, STORY.indexOf("[PS] C:\\Windows\\system32>Get-ExchangeCertificate")),
    },
  ],
  invalid: [
    {
      name: "KB 3058190 story: Sectigo certificate on EXHYB01 has only IIS",
      paste: STORY,
      expect: [
        {
          messageId: "notSmtp",
          severity: "error",
          server: "EXHYB01",
          thumbprint: "4F3E2D1C0B9A8F7E6D5C4B3A2F1E0D9C8B7A6F5E",
          basis: "configuration",
          message: /services: IIS\).*not bound to the SMTP Service/,
          fix: /^Enable CN=mail\.fabrikam\.com[\s\S]*\nEnable-ExchangeCertificate -Server 'EXHYB01' -Thumbprint 4F3E2D1C0B9A8F7E6D5C4B3A2F1E0D9C8B7A6F5E -Services SMTP\nRe-run the Hybrid Configuration Wizard/,
        },
      ],
    },
    {
      name: "only the wizard's error pasted: what it means and what to paste",
      paste: WIZARD_ERROR,
      expect: [
        {
          messageId: "wizardOnly",
          severity: "error",
          basis: "evidence",
          server: "EXHYB01",
          message:
            /not enabled for SMTP on EXHYB01.*Get-HybridConfiguration \| fl and Get-ExchangeCertificate -Server EXHYB01 \| fl/,
          fix: /Get-HybridConfiguration \| Format-List[\s\S]*Get-ExchangeCertificate -Server 'EXHYB01' \| Format-List/,
        },
      ],
    },
    {
      name: "the certificate is enabled for SMTP by now: re-run the wizard",
      paste: ENABLED_NOW,
      expect: [
        {
          messageId: "wizardResolved",
          severity: "info",
          basis: "evidence",
          server: "EXHYB01",
          thumbprint: "4F3E2D1C0B9A8F7E6D5C4B3A2F1E0D9C8B7A6F5E",
          fix: /Re-run the Hybrid Configuration Wizard/,
        },
      ],
    },
  ],
});

describe("HYBRID_CERT_NOT_SMTP links and warnings", () => {
  it("explains the wizard error and its header line, and warns to answer No", async () => {
    const parsed = await parse(STORY);
    const [finding] = runEngine(parsed, new Date("2026-11-24T00:00:00Z"), [rule]).findings;
    expect(finding?.explains.map((e) => e.code)).toEqual(["hcw-failed", "secure-mail-certificate-not-smtp"]);
    expect(finding?.fix[0]?.warning).toMatch(/answer N \(No\)/);
  });
});
