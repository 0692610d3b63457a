import { describe, expect, it } from "vitest";
import { whatIf } from "../what-if";
import { isAnalysisRequest } from "./protocol";
import { isWhatIfRequest, respondWhatIf } from "./whatif-protocol";

const PASTE = `[PS] C:\\Windows\\system32>Get-ExchangeCertificate -Server EX01 | Format-List

Thumbprint         : 6A1F8D33B0C2E1F4A5968776C3D2E1F0A9B8C7D6
Subject            : CN=mail.contoso.com
Issuer             : CN=R3, O=Let's Encrypt, C=US
CertificateDomains : {mail.contoso.com}
Services           : IMAP, POP, IIS
NotBefore          : 1/10/2025 12:00:00 AM
NotAfter           : 4/10/2025 11:59:59 PM
`;

describe("the what-if protocol", () => {
  it("tells a what-if request from an analysis request", () => {
    const request = { id: 1, whatIf: true, text: "x", options: {}, edits: [] };
    expect(isWhatIfRequest(request)).toBe(true);
    expect(isWhatIfRequest({ id: 1, text: "x", options: {} })).toBe(false);
    expect(isWhatIfRequest({ ...request, edits: "all" })).toBe(false);
    expect(isAnalysisRequest({ id: 1, text: "x", options: {} })).toBe(true);
  });

  it("replies with the diff, the unmatched edits and the commands, and leaves the two reports in the worker", async () => {
    const edits = [
      { kind: "enable-smtp", server: "EX01", thumbprint: "6A1F8D33B0C2E1F4A5968776C3D2E1F0A9B8C7D6" },
      { kind: "remove-certificate", server: "EX09", thumbprint: "00" },
    ] as const;
    const options = { asOf: "2025-03-01" };
    const full = await whatIf(PASTE, options, edits);
    const response = await respondWhatIf({ id: 4, whatIf: true, text: PASTE, options, edits }, whatIf);
    expect(response).toEqual({
      id: 4,
      kind: "what-if",
      view: { diff: full.diff, unmatched: full.unmatched, commands: full.commands },
    });
    expect(full.unmatched.map((u) => u.index)).toEqual([1]);
  });

  it("turns a failing what-if into an error reply", async () => {
    const response = await respondWhatIf({ id: 5, whatIf: true, text: "x", options: {}, edits: [] }, async () => {
      throw new Error("boom");
    });
    expect(response).toEqual({ id: 5, kind: "error", error: "boom" });
  });
});
