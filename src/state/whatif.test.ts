import { describe, expect, it } from "vitest";
import type { WhatIfEdit } from "../engine/whatif/edits";
import { type RedactionInput, redactInput } from "../share/redact";
import { prepareShare } from "../ui/share/prepare";
import { createCertflowStore } from "./store";

const redact = async (input: RedactionInput) => redactInput(input);

const enable: WhatIfEdit = {
  kind: "enable-smtp",
  server: "EX01",
  thumbprint: "6A1F8D33B0C2E1F4A5968776C3D2E1F0A9B8C7D6",
};
const clearName: WhatIfEdit = { kind: "set-tlsname", connectorKind: "send", connector: "Outbound", value: null };

describe("what-if slice", () => {
  it("appends, removes and clears edits in order", () => {
    const store = createCertflowStore("2026-11-24");
    store.getState().addWhatIfEdit(enable);
    store.getState().addWhatIfEdit(clearName);
    expect(store.getState().whatIfEdits).toEqual([enable, clearName]);
    store.getState().removeWhatIfEdit(0);
    expect(store.getState().whatIfEdits).toEqual([clearName]);
    store.getState().clearWhatIf();
    expect(store.getState().whatIfEdits).toEqual([]);
  });

  it("takes edits from shared input or a draft, and drops them with a draft that has none or Clear", () => {
    const store = createCertflowStore("2026-11-24");
    store.getState().loadInput({ text: "x", edits: [enable] }, { redactIsOption: false });
    expect(store.getState().whatIfEdits).toEqual([enable]);
    store.getState().clearInput();
    expect(store.getState().whatIfEdits).toEqual([]);
    store.getState().addWhatIfEdit(enable);
    store.getState().loadInput({ text: "y" }, { redactIsOption: true });
    expect(store.getState().whatIfEdits).toEqual([]);
    store.getState().loadInput({ text: "z", edits: [clearName] }, { redactIsOption: true });
    expect(store.getState().whatIfEdits).toEqual([clearName]);
  });

  it("puts edits in plain share links only: a redacted paste no longer holds the names they point at", async () => {
    const state = { text: "x", asOf: "2026-11-24", server: "", whatIfEdits: [enable] };
    expect((await prepareShare({ ...state, redactOnShare: false }, redact)).input.edits).toEqual([enable]);
    expect((await prepareShare({ ...state, redactOnShare: true }, redact)).input.edits).toBeUndefined();
    expect((await prepareShare({ ...state, whatIfEdits: [], redactOnShare: false }, redact)).input).toEqual({
      text: "x",
      asOf: "2026-11-24",
    });
  });
});
