import { describe, expect, it } from "vitest";
import { story } from "../../__stories__/stories";
import { analyze } from "../../analyze";
import { replaceableCertificates } from "./old-certificates";

describe("replaceableCertificates", () => {
  it("lists each thumbprint once with every server holding it, CA-issued certificates first", async () => {
    const report = await analyze(story("two-server-hybrid-renewal"), { asOf: "2026-11-02" });
    expect(replaceableCertificates(report).map((r) => r.label)).toEqual([
      "CN=mail.contoso.com, 3E7A1C9B5D2F4E6A8C0B1D3F5A7C9E2B4D6F8A0C, on EX01, EX02",
      "CN=EX01, 1B2C3D4E5F60718293A4B5C6D7E8F90A1B2C3D4E, on EX01",
      "CN=Microsoft Exchange Server Auth Certificate, 8C7B6A5F4E3D2C1B0A9F8E7D6C5B4A3F2E1D0C9B, on EX01, EX02",
      "CN=EX02, 5F4E3D2C1B0A9F8E7D6C5B4A39281706F5E4D3C2, on EX02",
    ]);
  });

  it("leaves out certificates whose thumbprint the paste cut short", async () => {
    const cut = story("two-server-hybrid-renewal").replaceAll(
      "3E7A1C9B5D2F4E6A8C0B1D3F5A7C9E2B4D6F8A0C",
      "3E7A1C9B5D2F4E6A8C0B1D3F5A7C9E2B4D6...",
    );
    const report = await analyze(cut, { asOf: "2026-11-02" });
    expect(replaceableCertificates(report).map((r) => r.certificate.subject)).not.toContain("CN=mail.contoso.com");
  });
});
