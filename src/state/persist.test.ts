import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  connectDraft,
  DRAFT_DELAY_MS,
  DRAFT_KEY,
  type DraftStorage,
  draftNotice,
  draftOf,
  forgetDraft,
  MAX_DRAFT_CHARS,
  readDraft,
  saveDraft,
} from "./persist";
import { createCertflowStore } from "./store";

const TODAY = "2024-01-24";

function memoryStorage(initial: Record<string, string> = {}): DraftStorage & { readonly items: Map<string, string> } {
  const items = new Map(Object.entries(initial));
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

const refusing: DraftStorage = {
  getItem: () => {
    throw new Error("SecurityError");
  },
  setItem: () => {
    throw new Error("QuotaExceededError");
  },
  removeItem: () => {
    throw new Error("SecurityError");
  },
};

describe("draftOf", () => {
  it("keeps only what differs from a fresh page", () => {
    const base = { text: "paste", asOf: TODAY, server: "", redactOnShare: false };
    expect(draftOf(base, TODAY)).toEqual({ text: "paste" });
    expect(draftOf({ ...base, asOf: "2023-12-31", server: "EX01", redactOnShare: true }, TODAY)).toEqual({
      text: "paste",
      asOf: "2023-12-31",
      server: "EX01",
      redact: true,
    });
  });
});

describe("readDraft and saveDraft", () => {
  it("round-trips a draft under its one key", () => {
    const storage = memoryStorage();
    const draft = { text: "Get-ExchangeCertificate\r\n", asOf: "2023-12-31", server: "EX01", redact: true };
    expect(saveDraft(storage, draft)).toBe("saved");
    expect([...storage.items.keys()]).toEqual([DRAFT_KEY]);
    expect(readDraft(storage)).toEqual(draft);
  });

  it("forgets an empty draft instead of saving it", () => {
    const storage = memoryStorage({ [DRAFT_KEY]: '{"v":1,"text":"old"}' });
    expect(saveDraft(storage, { text: "" })).toBe("forgotten");
    expect(storage.items.size).toBe(0);
  });

  it("refuses a draft over the cap and drops the older one, so it cannot come back", () => {
    const storage = memoryStorage({ [DRAFT_KEY]: '{"v":1,"text":"old"}' });
    expect(saveDraft(storage, { text: "x".repeat(MAX_DRAFT_CHARS) })).toBe("too-large");
    expect(storage.items.size).toBe(0);
  });

  it("reports storage that throws instead of throwing", () => {
    expect(saveDraft(refusing, { text: "paste" })).toBe("refused");
    expect(saveDraft(undefined, { text: "paste" })).toBe("refused");
    expect(readDraft(refusing)).toBeUndefined();
    expect(() => forgetDraft(refusing)).not.toThrow();
  });

  it.each(["not json", "null", '"text"', '{"text":"no version"}', '{"v":2,"text":"future"}', '{"v":1,"text":42}'])(
    "ignores %s",
    (raw) => {
      expect(readDraft(memoryStorage({ [DRAFT_KEY]: raw }))).toBeUndefined();
    },
  );

  it("drops options of the wrong type but keeps the paste", () => {
    const raw = '{"v":1,"text":"paste","asOf":"24.01.2024","server":7,"redact":"yes"}';
    expect(readDraft(memoryStorage({ [DRAFT_KEY]: raw }))).toEqual({ text: "paste" });
  });
});

describe("draftNotice", () => {
  it("explains why a draft is not kept, and says nothing when it is", () => {
    expect(draftNotice("too-large", 2_400_000)).toMatch(
      /too large .* \(2\.4 million characters; the limit is 1 million\)/,
    );
    expect(draftNotice("refused", 10)).toMatch(/does not let certflow keep a draft/);
    expect(draftNotice("saved", 10)).toBeNull();
    expect(draftNotice("forgotten", 0)).toBeNull();
  });
});

describe("connectDraft", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("saves a short while after the last change, or at once when flushed", async () => {
    const store = createCertflowStore(TODAY);
    const storage = memoryStorage();
    const connection = connectDraft(store, storage, TODAY);
    store.getState().setText("G");
    store.getState().setText("Get");
    await vi.advanceTimersByTimeAsync(DRAFT_DELAY_MS - 1);
    expect(storage.items.size).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(readDraft(storage)).toEqual({ text: "Get" });
    store.getState().setServer("EX01");
    connection.flush();
    expect(readDraft(storage)).toEqual({ text: "Get", server: "EX01" });
    connection.disconnect();
  });

  it("forgets the draft at once when the input is cleared", async () => {
    const store = createCertflowStore(TODAY);
    const storage = memoryStorage();
    connectDraft(store, storage, TODAY);
    store.getState().setText("paste");
    store.getState().setRedactOnShare(true);
    await vi.advanceTimersByTimeAsync(DRAFT_DELAY_MS);
    expect(readDraft(storage)).toEqual({ text: "paste", redact: true });
    store.getState().clearInput();
    expect(storage.items.size).toBe(0);
  });

  it("puts a notice in the store when the paste is too large, and removes it when it fits again", async () => {
    const store = createCertflowStore(TODAY);
    connectDraft(store, memoryStorage(), TODAY);
    store.getState().setText("x".repeat(MAX_DRAFT_CHARS + 1));
    await vi.advanceTimersByTimeAsync(DRAFT_DELAY_MS);
    expect(store.getState().draftNotice).toMatch(/too large/);
    store.getState().setText("small");
    await vi.advanceTimersByTimeAsync(DRAFT_DELAY_MS);
    expect(store.getState().draftNotice).toBeNull();
  });

  it("stops saving when disconnected", async () => {
    const store = createCertflowStore(TODAY);
    const storage = memoryStorage();
    connectDraft(store, storage, TODAY).disconnect();
    store.getState().setText("paste");
    await vi.advanceTimersByTimeAsync(DRAFT_DELAY_MS * 2);
    expect(storage.items.size).toBe(0);
  });
});

describe("the persist slice", () => {
  it("loads a draft with its redaction option, and shared input without it", () => {
    const store = createCertflowStore(TODAY);
    store
      .getState()
      .loadInput({ text: "a\r\nb", asOf: "2023-12-31", server: "EX01", redact: true }, { redactIsOption: true });
    expect(store.getState()).toMatchObject({ text: "a\nb", asOf: "2023-12-31", server: "EX01", redactOnShare: true });
    store.getState().loadInput({ text: "shared", redact: true }, { redactIsOption: false });
    expect(store.getState()).toMatchObject({ text: "shared", asOf: TODAY, server: "", redactOnShare: false });
  });

  it("clears the paste, the options and the notices", () => {
    const store = createCertflowStore(TODAY);
    const state = store.getState();
    state.loadInput({ text: "paste", asOf: "2023-12-31", server: "EX01", redact: true }, { redactIsOption: true });
    state.setShareNotice({ tone: "error", message: "broken link" });
    state.setDraftNotice("too large");
    state.clearInput();
    expect(store.getState()).toMatchObject({
      text: "",
      asOf: TODAY,
      server: "",
      redactOnShare: false,
      shareNotice: null,
      draftNotice: null,
    });
  });
});
