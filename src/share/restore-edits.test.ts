import { describe, expect, it } from "vitest";
import type { WhatIfEdit } from "../engine/whatif/edits";
import { deflateShare } from "./codec";
import { inputChecksum, makeEnvelope } from "./envelope";
import { openShareFragment, restoreShare } from "./restore";

const text = "Get-ExchangeCertificate | fl";
const edits: WhatIfEdit[] = [
  {
    kind: "set-tlsname",
    connectorKind: "receive",
    server: "EX01",
    connector: "Default Frontend EX01",
    value: "<I>A<S>B",
  },
  { kind: "enable-smtp", server: "EX01", thumbprint: "6A1F8D33B0C2E1F4A5968776C3D2E1F0A9B8C7D6" },
  { kind: "set-tlsname", connectorKind: "send", connector: "Outbound", value: null },
  { kind: "set-hybrid-tlsname", value: "<I>A<S>B" },
];

describe("what-if edits in share links", () => {
  it("round-trip through a link", async () => {
    const fragment = (await deflateShare({ text, asOf: "2026-11-24", edits })).fragment();
    expect(await openShareFragment(fragment)).toEqual({ ok: true, input: { text, asOf: "2026-11-24", edits } });
  });

  it("leave links without edits exactly as before: same envelope, same sum", () => {
    expect(makeEnvelope({ text, edits: [] })).toEqual(makeEnvelope({ text }));
    expect(inputChecksum({ text, asOf: "2024-01-24" })).toBe(inputChecksum({ text, asOf: "2024-01-24", edits: [] }));
    expect(inputChecksum({ text })).not.toBe(inputChecksum({ text, edits }));
  });

  it("sum edits independently of key order", () => {
    const reordered = edits.map((e) => Object.fromEntries(Object.entries(e).reverse()) as unknown as WhatIfEdit);
    expect(inputChecksum({ text, edits: reordered })).toBe(inputChecksum({ text, edits }));
  });

  it("catch an edit changed after the sum was written", () => {
    const envelope = makeEnvelope({ text, edits });
    const changed = { ...envelope, input: { ...envelope.input, edits: edits.slice(1) } };
    expect(restoreShare(changed)).toMatchObject({ ok: false, message: expect.stringMatching(/damaged/) });
  });

  it.each([
    [{ kind: "enable-smtp", server: "EX01" }, /edit 1 is not one certflow knows/],
    [{ kind: "format-disk", server: "EX01" }, /edit 1 is not one certflow knows/],
    [{ kind: "set-tlsname", connectorKind: "hub", connector: "A", value: null }, /edit 1/],
    [{ kind: "set-hybrid-tlsname", value: null }, /edit 1/],
    [{ kind: "set-hybrid-tlsname", value: "" }, /edit 1/],
    [
      {
        kind: "add-certificate",
        server: "EX01",
        subject: "CN=a",
        issuer: "CN=b",
        domains: [],
        notBefore: "2026-01-01",
        notAfter: "2027-01-01",
        selfSigned: false,
        services: ["FTP"],
      },
      /edit 1/,
    ],
  ])("refuse the invalid edit %j with a reason", (edit, reason) => {
    expect(restoreShare({ v: 1, input: { text, edits: [edit] } })).toMatchObject({
      ok: false,
      message: expect.stringMatching(reason),
    });
  });

  it("refuse edits that are not a list", () => {
    expect(restoreShare({ v: 1, input: { text, edits: { kind: "enable-smtp" } } })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/not a list/),
    });
  });
});
