import { describe, expect, it } from "vitest";
import type { RenewalRequest } from "../engine/renewal/request";
import { type RedactionInput, redactInput } from "../share/redact";
import { prepareShare } from "../ui/share/prepare";
import { createCertflowStore } from "./store";

const redact = async (input: RedactionInput) => redactInput(input);

const renewal: RenewalRequest = {
  old: "3E7A1C9B5D2F4E6A8C0B1D3F5A7C9E2B4D6F8A0C",
  successor: {
    subject: "CN=mail.contoso.com",
    issuer: "CN=R11, O=Let's Encrypt, C=US",
    domains: ["mail.contoso.com"],
    notBefore: "2026-10-30",
    notAfter: "2027-01-28",
    selfSigned: false,
  },
};

describe("renewal slice", () => {
  it("sets and clears the renewal being planned", () => {
    const store = createCertflowStore("2026-11-02");
    expect(store.getState().renewal).toBeNull();
    store.getState().setRenewal(renewal);
    expect(store.getState().renewal).toEqual(renewal);
    store.getState().clearRenewal();
    expect(store.getState().renewal).toBeNull();
  });

  it("takes the renewal from shared input, and drops it with a draft or Clear", () => {
    const store = createCertflowStore("2026-11-02");
    store.getState().loadInput({ text: "x", renewal }, { redactIsOption: false });
    expect(store.getState().renewal).toEqual(renewal);
    store.getState().clearInput();
    expect(store.getState().renewal).toBeNull();
    store.getState().setRenewal(renewal);
    store.getState().loadInput({ text: "y" }, { redactIsOption: true });
    expect(store.getState().renewal).toBeNull();
  });

  it("puts the renewal in plain share links only", async () => {
    const state = { text: "x", asOf: "2026-11-02", server: "", renewal };
    expect((await prepareShare({ ...state, redactOnShare: false }, redact)).input.renewal).toEqual(renewal);
    expect((await prepareShare({ ...state, redactOnShare: true }, redact)).input.renewal).toBeUndefined();
    expect((await prepareShare({ ...state, renewal: null, redactOnShare: false }, redact)).input).toEqual({
      text: "x",
      asOf: "2026-11-02",
    });
  });
});
