import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type CertificateDraft, emptyDraft, readDraft, readForm } from "./certificate-draft";

const filled: CertificateDraft = {
  ...emptyDraft(),
  subject: " CN=mail.contoso.com ",
  issuer: "CN=R11, O=Let's Encrypt, C=US",
  domains: "mail.contoso.com, autodiscover.contoso.com\nsmtp.contoso.com",
  notBefore: "2026-10-30",
  notAfter: "2027-01-28",
};

describe("readForm", () => {
  it("reads a described certificate, splitting the names", () => {
    expect(readForm(filled)).toEqual({
      ok: true,
      description: {
        subject: "CN=mail.contoso.com",
        issuer: "CN=R11, O=Let's Encrypt, C=US",
        domains: ["mail.contoso.com", "autodiscover.contoso.com", "smtp.contoso.com"],
        notBefore: "2026-10-30",
        notAfter: "2027-01-28",
        selfSigned: false,
      },
    });
  });

  it("takes the subject as issuer for a self-signed certificate, and a thumbprint in any case and spacing", () => {
    const read = readForm({
      ...filled,
      issuer: "",
      selfSigned: true,
      thumbprint: "c4ca f4f9 4aaa 1234 aa32 eb9a aa6a f19d 0a6c 4517",
    });
    expect(read).toMatchObject({
      ok: true,
      description: { issuer: "CN=mail.contoso.com", thumbprint: "C4CAF4F94AAA1234AA32EB9AAA6AF19D0A6C4517" },
    });
  });

  it.each([
    [{ subject: "" }, /subject/],
    [{ issuer: "" }, /issuer/],
    [{ notBefore: "" }, /valid from/],
    [{ notAfter: "someday" }, /expires/],
    [{ notAfter: "2026-10-01" }, /after/],
    [{ thumbprint: "C4CA…" }, /40 hex digits/],
    [{ selfSigned: true }, /same issuer/],
  ] satisfies [Partial<CertificateDraft>, RegExp][])("says what to correct in %j", (change, message) => {
    expect(readForm({ ...filled, ...change })).toEqual({ ok: false, message: expect.stringMatching(message) });
  });
});

describe("readDraft", () => {
  it("decodes pasted PEM", async () => {
    const pem = readFileSync("src/__stories__/two-server-hybrid-renewal-successor.pem", "utf8");
    expect(await readDraft({ ...emptyDraft(), mode: "pem", pem })).toMatchObject({
      ok: true,
      description: { thumbprint: "C4CAF4F94AAA1234AA32EB9AAA6AF19D0A6C4517", issuer: "CN=R11, O=Let's Encrypt, C=US" },
    });
    expect(await readDraft({ ...emptyDraft(), mode: "pem", pem: "" })).toMatchObject({ ok: false });
  });

  it("fills a draft from a description, dates as a date input holds them", () => {
    expect(
      emptyDraft({
        subject: "CN=a",
        issuer: "CN=b",
        domains: ["a", "b"],
        notBefore: "2026-10-30T00:00:00.000Z",
        notAfter: "2027-01-28T23:59:59.000Z",
      }),
    ).toMatchObject({ domains: "a, b", notBefore: "2026-10-30", notAfter: "2027-01-28" });
  });
});
