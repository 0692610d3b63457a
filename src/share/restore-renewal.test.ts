import { describe, expect, it } from "vitest";
import type { RenewalRequest } from "../engine/renewal/request";
import type { WhatIfEdit } from "../engine/whatif/edits";
import { deflateShare } from "./codec";
import { inputChecksum, makeEnvelope } from "./envelope";
import { openShareFile, openShareFragment, restoreShare } from "./restore";

const text = "Get-ExchangeCertificate | fl";
const renewal: RenewalRequest = {
  old: "3E7A1C9B5D2F4E6A8C0B1D3F5A7C9E2B4D6F8A0C",
  successor: {
    subject: "CN=mail.contoso.com",
    issuer: "CN=R11, O=Let's Encrypt, C=US",
    domains: ["mail.contoso.com", "autodiscover.contoso.com"],
    notBefore: "2026-10-30",
    notAfter: "2027-01-28",
    selfSigned: false,
  },
};
const edits: WhatIfEdit[] = [{ kind: "set-hybrid-tlsname", value: "<I>A<S>B" }];

describe("the renewal plan in share links", () => {
  it("round-trips through a link, alone or with what-if edits", async () => {
    for (const input of [
      { text, asOf: "2026-11-02", renewal },
      { text, asOf: "2026-11-02", edits, renewal },
    ]) {
      const fragment = (await deflateShare(input)).fragment();
      expect(await openShareFragment(fragment)).toEqual({ ok: true, input });
    }
  });

  it("round-trips through a .certflow file", () => {
    const bytes = new TextEncoder().encode(JSON.stringify(makeEnvelope({ text, renewal })));
    expect(openShareFile(bytes)).toEqual({ ok: true, input: { text, renewal } });
  });

  it("leaves the sums of links without a renewal as they were, and sums a renewal apart from edits", () => {
    expect(inputChecksum({ text, edits })).toBe(inputChecksum({ text, edits, renewal: undefined }));
    expect(inputChecksum({ text })).toBe(inputChecksum({ text, edits: [] }));
    const sums = new Set([
      inputChecksum({ text }),
      inputChecksum({ text, edits }),
      inputChecksum({ text, renewal }),
      inputChecksum({ text, edits, renewal }),
    ]);
    expect(sums.size).toBe(4);
  });

  it("catches a renewal changed after the sum was written", () => {
    const envelope = makeEnvelope({ text, renewal });
    const changed = { ...envelope, input: { ...envelope.input, renewal: { ...renewal, old: "F".repeat(40) } } };
    expect(restoreShare(changed)).toMatchObject({ ok: false, message: expect.stringMatching(/damaged/) });
  });

  it("refuses a renewal certflow cannot read, saying why", () => {
    expect(restoreShare({ v: 1, input: { text, renewal: { old: "nope", successor: renewal.successor } } })).toEqual({
      ok: false,
      message:
        "This share link does not hold a valid certflow share (its renewal plan does not name the old certificate). Nothing was loaded.",
    });
  });
});
