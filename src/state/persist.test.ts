import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { WhatIfEdit } from "../engine/whatif/edits";
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
  type WhenIdle,
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

function quotaError(): Error {
  const error = new Error("The quota has been exceeded.");
  error.name = "QuotaExceededError";
  return error;
}

/** Storage that holds what it is given, up to `capacity` characters per item. */
function fullStorage(capacity: number, initial: Record<string, string> = {}) {
  const storage = memoryStorage(initial);
  return {
    ...storage,
    setItem: (key: string, value: string) => {
      if (value.length > capacity) throw quotaError();
      storage.setItem(key, value);
    },
  };
}

/** Idle callbacks that run only when the test says the page is idle. */
function idleQueue() {
  const tasks = new Set<() => void>();
  const idle: WhenIdle = (task) => {
    tasks.add(task);
    return () => tasks.delete(task);
  };
  return {
    idle,
    get waiting() {
      return tasks.size;
    },
    runAll() {
      const due = [...tasks];
      tasks.clear();
      for (const task of due) task();
    },
  };
}

const enable: WhatIfEdit = {
  kind: "enable-smtp",
  server: "EX01",
  thumbprint: "6A1F8D33B0C2E1F4A5968776C3D2E1F0A9B8C7D6",
};
const clearName: WhatIfEdit = { kind: "set-tlsname", connectorKind: "send", connector: "Outbound", value: null };

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
    const base = { text: "paste", asOf: TODAY, server: "", redactOnShare: false, whatIfEdits: [] };
    expect(draftOf(base, TODAY)).toEqual({ text: "paste" });
    expect(
      draftOf({ ...base, asOf: "2023-12-31", server: "EX01", redactOnShare: true, whatIfEdits: [enable] }, TODAY),
    ).toEqual({ text: "paste", asOf: "2023-12-31", server: "EX01", redact: true, edits: [enable] });
  });
});

describe("readDraft and saveDraft", () => {
  it("round-trips a draft under its one key", () => {
    const storage = memoryStorage();
    const draft = {
      text: "Get-ExchangeCertificate\r\n",
      asOf: "2023-12-31",
      server: "EX01",
      redact: true,
      edits: [enable, clearName],
    };
    expect(saveDraft(storage, draft).outcome).toBe("saved");
    expect([...storage.items.keys()]).toEqual([DRAFT_KEY]);
    expect(readDraft(storage)).toEqual(draft);
  });

  it("forgets an empty draft instead of saving it", () => {
    const storage = memoryStorage({ [DRAFT_KEY]: '{"v":1,"text":"old"}' });
    expect(saveDraft(storage, { text: "" }).outcome).toBe("forgotten");
    expect(storage.items.size).toBe(0);
  });

  it("keeps edits made before any paste", () => {
    const storage = memoryStorage();
    expect(saveDraft(storage, { text: "", edits: [enable] }).outcome).toBe("saved");
    expect(readDraft(storage)).toEqual({ text: "", edits: [enable] });
  });

  it("refuses a draft over the cap without building it, and drops the older one, so it cannot come back", () => {
    const storage = memoryStorage({ [DRAFT_KEY]: '{"v":1,"text":"old"}' });
    const stringify = vi.spyOn(JSON, "stringify");
    try {
      expect(saveDraft(storage, { text: "x".repeat(MAX_DRAFT_CHARS + 1) })).toEqual({
        outcome: "too-large",
        chars: MAX_DRAFT_CHARS + 1,
      });
      expect(stringify).not.toHaveBeenCalled();
    } finally {
      stringify.mockRestore();
    }
    expect(storage.items.size).toBe(0);
  });

  it("measures the draft as saved: a paste under the cap whose JSON is over it is refused", () => {
    const storage = memoryStorage();
    const result = saveDraft(storage, { text: '"'.repeat(MAX_DRAFT_CHARS - 10) });
    expect(result.outcome).toBe("too-large");
    expect(result.chars).toBeGreaterThan(MAX_DRAFT_CHARS);
    expect(storage.items.size).toBe(0);
  });

  it("says when the browser's storage is full, and drops the older draft", () => {
    const storage = fullStorage(100, { [DRAFT_KEY]: '{"v":1,"text":"old"}' });
    expect(saveDraft(storage, { text: "y".repeat(200) }).outcome).toBe("quota");
    expect(storage.items.size).toBe(0);
    expect(saveDraft(storage, { text: "fits" }).outcome).toBe("saved");
  });

  it("reports storage that throws instead of throwing", () => {
    expect(saveDraft(refusing, { text: "paste" }).outcome).toBe("refused");
    expect(saveDraft(refusing, { text: "" }).outcome).toBe("refused");
    expect(saveDraft(undefined, { text: "paste" }).outcome).toBe("refused");
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
    const raw = '{"v":1,"text":"paste","asOf":"24.01.2024","server":7,"redact":"yes","edits":"all"}';
    expect(readDraft(memoryStorage({ [DRAFT_KEY]: raw }))).toEqual({ text: "paste" });
  });

  it("drops the saved edits it does not know and keeps the others in order", () => {
    const unknown = [
      { kind: "rename-server", server: "EX01", value: "EX02" },
      { kind: "enable-smtp", server: "EX01" },
      null,
      "enable-smtp",
    ];
    const raw = JSON.stringify({ v: 1, text: "paste", edits: [unknown[0], enable, ...unknown.slice(1), clearName] });
    expect(readDraft(memoryStorage({ [DRAFT_KEY]: raw }))).toEqual({ text: "paste", edits: [enable, clearName] });
  });
});

describe("draftNotice", () => {
  it("explains why a draft is not kept, and says nothing when it is", () => {
    expect(draftNotice({ outcome: "too-large", chars: 2_400_000 })).toMatch(
      /too large .* \(2\.4 million characters; the limit is 1 million\)/,
    );
    expect(draftNotice({ outcome: "quota", chars: 900_000 })).toMatch(
      /storage for certflow is full, so this draft \(0\.9 million characters\) could not be kept/,
    );
    expect(draftNotice({ outcome: "refused", chars: 10 })).toMatch(/does not let certflow keep a draft/);
    expect(draftNotice({ outcome: "saved", chars: 10 })).toBeNull();
    expect(draftNotice({ outcome: "forgotten", chars: 0 })).toBeNull();
  });
});

describe("connectDraft", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it("saves when the page is idle a short while after the last change, or at once when flushed", async () => {
    const store = createCertflowStore(TODAY);
    const storage = memoryStorage();
    const queue = idleQueue();
    const connection = connectDraft(store, storage, TODAY, { idle: queue.idle });
    store.getState().setText("G");
    store.getState().setText("Get");
    await vi.advanceTimersByTimeAsync(DRAFT_DELAY_MS - 1);
    expect(queue.waiting).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(queue.waiting).toBe(1);
    expect(storage.items.size).toBe(0);
    queue.runAll();
    expect(readDraft(storage)).toEqual({ text: "Get" });

    store.getState().setServer("EX01");
    await vi.advanceTimersByTimeAsync(DRAFT_DELAY_MS);
    connection.flush();
    expect(readDraft(storage)).toEqual({ text: "Get", server: "EX01" });
    expect(queue.waiting).toBe(0);
    connection.disconnect();
  });

  it("saves the what-if edits with the paste", async () => {
    const store = createCertflowStore(TODAY);
    const storage = memoryStorage();
    const queue = idleQueue();
    connectDraft(store, storage, TODAY, { idle: queue.idle });
    store.getState().setText("paste");
    store.getState().addWhatIfEdit(enable);
    await vi.advanceTimersByTimeAsync(DRAFT_DELAY_MS);
    queue.runAll();
    expect(readDraft(storage)).toEqual({ text: "paste", edits: [enable] });
    store.getState().clearWhatIf();
    await vi.advanceTimersByTimeAsync(DRAFT_DELAY_MS);
    queue.runAll();
    expect(readDraft(storage)).toEqual({ text: "paste" });
  });

  it("forgets the draft at once when the input is cleared", async () => {
    const store = createCertflowStore(TODAY);
    const storage = memoryStorage();
    const queue = idleQueue();
    connectDraft(store, storage, TODAY, { idle: queue.idle });
    store.getState().setText("paste");
    store.getState().setRedactOnShare(true);
    await vi.advanceTimersByTimeAsync(DRAFT_DELAY_MS);
    queue.runAll();
    expect(readDraft(storage)).toEqual({ text: "paste", redact: true });
    store.getState().clearInput();
    expect(storage.items.size).toBe(0);
  });

  it("puts a notice in the store when the paste is too large or storage is full, and removes it when it fits again", async () => {
    const store = createCertflowStore(TODAY);
    const queue = idleQueue();
    connectDraft(store, fullStorage(MAX_DRAFT_CHARS / 2), TODAY, { idle: queue.idle });
    store.getState().setText("x".repeat(MAX_DRAFT_CHARS + 1));
    await vi.advanceTimersByTimeAsync(DRAFT_DELAY_MS);
    queue.runAll();
    expect(store.getState().draftNotice).toMatch(/too large/);
    store.getState().setText("x".repeat(MAX_DRAFT_CHARS - 100));
    await vi.advanceTimersByTimeAsync(DRAFT_DELAY_MS);
    queue.runAll();
    expect(store.getState().draftNotice).toMatch(/storage for certflow is full/);
    store.getState().setText("small");
    await vi.advanceTimersByTimeAsync(DRAFT_DELAY_MS);
    queue.runAll();
    expect(store.getState().draftNotice).toBeNull();
  });

  it("stops saving when disconnected, even a save already waiting for idle time", async () => {
    const store = createCertflowStore(TODAY);
    const storage = memoryStorage();
    const queue = idleQueue();
    const connection = connectDraft(store, storage, TODAY, { idle: queue.idle });
    store.getState().setText("paste");
    await vi.advanceTimersByTimeAsync(DRAFT_DELAY_MS);
    connection.disconnect();
    expect(queue.waiting).toBe(0);
    store.getState().setText("more");
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
