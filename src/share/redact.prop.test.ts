import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { redactInput } from "./redact";
import { isCommonWord } from "./redact-servers";

/**
 * The words the paste below always holds. An organisation word found inside one of them is no leak: seed 873204115
 * drew "apabi", which TlsDomainCapabilities holds.
 */
const FIXED_WORDS =
  "Get-ExchangeCertificate Thumbprint Subject CertificateDomains Holdings Get-ReceiveConnector Identity Default Frontend Fqdn Bindings TlsCertificateName DigiCert Global TlsDomainCapabilities mail.protection.outlook.com AcceptCloudServicesMail".toLowerCase();

/** A paste in Exchange's shapes, with the organisation's names drawn at random. */
const organisation = fc
  .record({
    word: fc
      .stringMatching(/^[a-z]{5,10}$/)
      .filter((w) => !isCommonWord(w) && !/^(?:example|host|server|tenant|user)/.test(w) && !FIXED_WORDS.includes(w)),
    tld: fc.constantFrom("com", "local", "net", "de", "co.uk"),
  })
  .map(({ word, tld }) => ({ word, domain: `${word}.${tld}` }));
const serverName = fc.stringMatching(/^[A-Z]{2,4}-?EX\d{1,2}$/);
const thumbprint = fc.stringMatching(/^[0-9A-F]{40}$/).filter((t) => /[A-F]/.test(t));
const ipv4 = fc
  .tuple(fc.integer({ min: 11, max: 99 }), fc.nat(255), fc.nat(255), fc.integer({ min: 1, max: 254 }))
  .map((o) => o.join("."));

const paste = fc
  .record({
    org: organisation,
    servers: fc.uniqueArray(serverName, { minLength: 1, maxLength: 3, selector: (s) => s.toLowerCase() }),
    thumbprints: fc.uniqueArray(thumbprint, { minLength: 1, maxLength: 3 }),
    cut: fc.integer({ min: 8, max: 39 }),
    ip: ipv4,
  })
  .map(({ org, servers, thumbprints, cut, ip }) => {
    const [server = "EX01"] = servers;
    const [thumb = ""] = thumbprints;
    const lines = [
      `[PS] C:\\>Get-ExchangeCertificate -Server ${server} | fl`,
      ...thumbprints.flatMap((t, i) => [
        `Thumbprint         : ${t}`,
        `Subject            : CN=mail${i}.${org.domain}, O=${org.word} Holdings, C=GB`,
        `CertificateDomains : {mail${i}.${org.domain}, ${server}.${org.domain}, *.${org.domain}}`,
        "",
      ]),
      `[PS] C:\\>Get-ReceiveConnector -Server ${server} | fl`,
      ...servers.flatMap((s) => [
        `Identity           : ${s}\\Default Frontend ${s}`,
        `Fqdn               : ${s}.${org.domain}`,
        `Bindings           : {[::]:25, 0.0.0.0:25, ${ip}:25}`,
        "",
      ]),
      `TlsCertificateName : <I>CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1, O=DigiCert Inc, C=US<S>CN=mail0.${org.domain}`,
      `TlsDomainCapabilities : {mail.protection.outlook.com:AcceptCloudServicesMail}`,
      `${thumb.slice(0, cut)}...  IP.WS..  CN=${server}`,
    ];
    return { text: lines.join("\n"), org, servers, thumbprints, thumb, cut, ip };
  });

describe("redaction properties", () => {
  it("leaves none of the organisation's names, servers, thumbprints or addresses, and keeps every line's shape", () => {
    fc.assert(
      fc.property(paste, ({ text, org, servers, thumbprints, ip }) => {
        const out = redactInput({ text }).text;
        const lower = out.toLowerCase();
        expect(lower).not.toContain(org.word);
        for (const s of servers) expect(lower).not.toMatch(new RegExp(`(?<![a-z0-9])${s.toLowerCase()}(?![a-z0-9])`));
        for (const t of thumbprints) expect(out).not.toContain(t);
        expect(out).not.toContain(ip);
        const properties = (t: string) =>
          t.split("\n").map((line) => (line.includes(" : ") ? line.split(" : ")[0] : "-"));
        expect(properties(out)).toEqual(properties(text));
        for (const kept of [
          "<I>CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1, O=DigiCert Inc, C=US<S>CN=",
          "mail.protection.outlook.com:AcceptCloudServicesMail",
          "Get-ReceiveConnector -Server ",
          "\\Default Frontend ",
          "{[::]:25, 0.0.0.0:25, ",
          "IP.WS..",
        ]) {
          expect(out).toContain(kept);
        }
      }),
      { numRuns: 10_000 },
    );
  });

  it("maps the same original to the same placeholder, different ones to different ones, and a cut thumbprint to the cut placeholder", () => {
    fc.assert(
      fc.property(paste, ({ text, thumbprints, thumb, cut }) => {
        const out = redactInput({ text }).text;
        const placeholders = [...out.matchAll(/^Thumbprint {9}: ([0-9A-F]{40})$/gm)].map((m) => m[1] ?? "");
        expect(new Set(placeholders).size).toBe(thumbprints.length);
        const cutLine = out.split("\n").at(-1) ?? "";
        expect(cutLine.startsWith(`${placeholders[thumbprints.indexOf(thumb)]?.slice(0, cut)}...`)).toBe(true);
        const fqdns = [...out.matchAll(/^Fqdn {15}: (\S+)$/gm)].map((m) => m[1] ?? "");
        const identities = [...out.matchAll(/^Identity {11}: ([^\\]+)\\Default Frontend (\S+)$/gm)];
        for (const [i, m] of identities.entries()) {
          expect(m[1]).toBe(m[2]);
          expect(fqdns[i]?.split(".")[0]?.toLowerCase()).toBe(m[1]?.toLowerCase());
        }
        const domains = new Set(fqdns.map((f) => f.split(".").slice(1).join(".")));
        expect(domains.size).toBe(1);
        expect(out).toContain(`*.${[...domains][0]}`);
      }),
      { numRuns: 10_000 },
    );
  });
});
