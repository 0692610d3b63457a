import { describe, expect, it } from "vitest";
import { makeCert } from "./test-builders";
import {
  formatTlsCertificateName,
  matchesTlsCertificateName,
  parseTlsCertificateName,
  type TlsNameProblemCode,
} from "./tls-certificate-name";

const GODADDY =
  'CN=Go Daddy Secure Certificate Authority - G2, OU=http://certs.godaddy.com/repository/, O="GoDaddy.com, Inc.", L=Scottsdale, S=Arizona, C=US';
const DIGICERT = "CN=GeoTrust TLS RSA CA G1, OU=www.digicert.com, O=DigiCert Inc, C=US";

describe("parseTlsCertificateName: well-formed values", () => {
  it.each([
    [
      "CSS-Exchange receive-connector data (self-signed)",
      "<I>CN=WIN-CTD3L0RGEN4<S>CN=WIN-CTD3L0RGEN4",
      "CN=WIN-CTD3L0RGEN4",
      "CN=WIN-CTD3L0RGEN4",
    ],
    ["hybrid configuration data", `<I>${DIGICERT}<S>CN=mail.contoso.com`, DIGICERT, "CN=mail.contoso.com"],
    ["lower-case tags (2025 blog recipe)", "<i>CN=localhost<s>CN=localhost", "CN=localhost", "CN=localhost"],
    ["quoted RDN with a comma in the issuer", `<I>${GODADDY}<S>CN=mail.contoso.com`, GODADDY, "CN=mail.contoso.com"],
    [
      "quoted RDN at the end of the subject",
      '<I>CN=CA<S>CN=mail.contoso.com, O="Contoso, Ltd"',
      "CN=CA",
      'CN=mail.contoso.com, O="Contoso, Ltd"',
    ],
    ["console padding around the value", "  <I>CN=a<S>CN=b  ", "CN=a", "CN=b"],
  ])("%s", (_name, value, issuer, subject) => {
    expect(parseTlsCertificateName(value)).toEqual({ ok: true, issuer, subject });
  });
});

describe("parseTlsCertificateName: problems", () => {
  it.each<[string, string, TlsNameProblemCode[], string | undefined, string | undefined]>([
    [
      "square brackets (the old 2013 help)",
      `[I]${DIGICERT}[S]CN=mail.contoso.com`,
      ["square-brackets"],
      DIGICERT,
      "CN=mail.contoso.com",
    ],
    [
      "missing <I>",
      "CN=Contoso CA<S>CN=mail.contoso.com",
      ["missing-issuer-tag"],
      "CN=Contoso CA",
      "CN=mail.contoso.com",
    ],
    ["missing <S>", "<I>CN=Contoso CA", ["missing-subject-tag"], "CN=Contoso CA", undefined],
    [
      "tags reversed",
      "<S>CN=mail.contoso.com<I>CN=Contoso CA",
      ["tags-reversed"],
      "CN=Contoso CA",
      "CN=mail.contoso.com",
    ],
    [
      "closing </S> from a blog",
      `<I>${GODADDY}<S>CN=mail.contoso.com</S>`,
      ["closing-tag"],
      GODADDY,
      "CN=mail.contoso.com",
    ],
    [
      "typographic quotes around the tag",
      "‘<I>’CN=Contoso CA<S>CN=mail.contoso.com",
      ["typographic-quotes"],
      "CN=Contoso CA",
      "CN=mail.contoso.com",
    ],
    [
      "typographic quotes around the value",
      "“<I>CN=Contoso CA<S>CN=mail.contoso.com”",
      ["typographic-quotes"],
      "CN=Contoso CA",
      "CN=mail.contoso.com",
    ],
    [
      "unbalanced leading quote",
      '"<I>CN=Contoso CA<S>CN=mail.contoso.com',
      ["unbalanced-quotes"],
      "CN=Contoso CA",
      "CN=mail.contoso.com",
    ],
    [
      "unbalanced quote in a DN value",
      '<I>CN=CA, O="Contoso, Inc.<S>CN=mail',
      ["unbalanced-quotes"],
      'CN=CA, O="Contoso, Inc.',
      "CN=mail",
    ],
    [
      "whole value in quotes",
      '"<I>CN=Contoso CA<S>CN=mail.contoso.com"',
      ["quoted-value"],
      "CN=Contoso CA",
      "CN=mail.contoso.com",
    ],
    ["empty issuer", "<I><S>CN=mail.contoso.com", ["empty-issuer"], undefined, "CN=mail.contoso.com"],
    ["empty subject", "<I>CN=Contoso CA<S>", ["empty-subject"], "CN=Contoso CA", undefined],
    [
      "issuer and subject run together (tags lost to HTML)",
      `${GODADDY}CN=mail.contoso.com`,
      ["run-together"],
      undefined,
      undefined,
    ],
    ["a plain subject, no tags", "CN=mail.contoso.com", ["no-tags"], undefined, undefined],
    ["a host name", "mail.contoso.com", ["no-tags"], undefined, undefined],
    ["repeated tag", "<I>CN=a<S>CN=b<S>CN=c", ["repeated-tag"], "CN=a", "CN=b<S>CN=c"],
    ["text before the first tag", "x<I>CN=a<S>CN=b", ["text-before-tag"], "CN=a", "CN=b"],
    [
      "cut by the console at a comma (sample 31)",
      "<I>CN=GlobalSign RSA OV SSL CA 2018, O=GlobalSign nv-sa, C=BE<S>CN=*.contoso.ru, ",
      ["truncated"],
      "CN=GlobalSign RSA OV SSL CA 2018, O=GlobalSign nv-sa, C=BE",
      "CN=*.contoso.ru,",
    ],
    [
      "cut with ...",
      "<I>CN=Contoso CA<S>CN=mail.contoso.com, O=Cont...",
      ["truncated"],
      "CN=Contoso CA",
      "CN=mail.contoso.com, O=Cont",
    ],
    ["cut with …", "<I>CN=Contoso CA<S>CN=mail…", ["truncated"], "CN=Contoso CA", "CN=mail"],
    [
      "issuer cut (CN=Go Daddy...)",
      "<I>CN=Go Daddy...<S>CN=mail.contoso.com",
      ["truncated"],
      "CN=Go Daddy",
      "CN=mail.contoso.com",
    ],
    [
      "cut inside the issuer, no <S> left",
      "<I>CN=Go Daddy Secure Cert...",
      ["truncated", "missing-subject-tag"],
      "CN=Go Daddy Secure Cert",
      undefined,
    ],
    ["empty", "   ", ["empty"], undefined, undefined],
  ])("%s", (_name, value, codes, issuer, subject) => {
    const parsed = parseTlsCertificateName(value);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.map((p) => p.code).sort()).toEqual([...codes].sort());
    expect(parsed.problems.every((p) => p.message.length > 0)).toBe(true);
    expect(parsed.issuer).toBe(issuer);
    expect(parsed.subject).toBe(subject);
  });
});

describe("formatTlsCertificateName / matchesTlsCertificateName", () => {
  it("formats what the documented recipe builds, and parses back", () => {
    const value = formatTlsCertificateName(GODADDY, "CN=mail.contoso.com");
    expect(value).toBe(`<I>${GODADDY}<S>CN=mail.contoso.com`);
    expect(parseTlsCertificateName(value)).toEqual({ ok: true, issuer: GODADDY, subject: "CN=mail.contoso.com" });
  });

  const cert = makeCert({ issuer: DIGICERT, subject: "CN=mail.contoso.com" });
  it.each([
    ["exact", { issuer: DIGICERT, subject: "CN=mail.contoso.com" }, true],
    ["case-insensitive", { issuer: DIGICERT.toUpperCase(), subject: "cn=MAIL.contoso.com" }, true],
    ["subject only matches", { issuer: "CN=R3, O=Let's Encrypt, C=US", subject: "CN=mail.contoso.com" }, false],
    ["issuer only matches", { issuer: DIGICERT, subject: "CN=smtp.contoso.com" }, false],
    [
      "RDNs reordered: not normalised (domain F4.6)",
      {
        issuer: "C=US, O=DigiCert Inc, OU=www.digicert.com, CN=GeoTrust TLS RSA CA G1",
        subject: "CN=mail.contoso.com",
      },
      false,
    ],
    ["swapped", { issuer: "CN=mail.contoso.com", subject: DIGICERT }, false],
  ])("%s", (_name, parsed, expected) => {
    expect(matchesTlsCertificateName(cert, parsed)).toBe(expected);
  });

  it("never matches a certificate whose issuer or subject is unknown", () => {
    expect(
      matchesTlsCertificateName(makeCert({ issuer: undefined }), { issuer: DIGICERT, subject: "CN=mail.contoso.com" }),
    ).toBe(false);
  });
});
