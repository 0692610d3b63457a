import type { CertflowState, CertflowStore } from "./store";

/**
 * The draft: the paste and the options, kept in this browser's localStorage (this device only, never sent
 * anywhere) so a reload or an accidentally closed tab loses nothing. Only this key is ever written.
 */
export const DRAFT_KEY = "certflow.draft.v1";

/** localStorage holds about five million characters per site; a draft may take a fifth of that. */
export const MAX_DRAFT_CHARS = 1_000_000;

/** Long enough to wait out typing; a closing tab saves at once. */
export const DRAFT_DELAY_MS = 400;

export interface Draft {
  readonly text: string;
  /** Only when the user chose a date other than today: a draft reopened tomorrow is judged as of tomorrow. */
  readonly asOf?: string;
  readonly server?: string;
  readonly redact?: boolean;
}

export type DraftStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

export type SaveOutcome = "saved" | "forgotten" | "too-large" | "refused";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function draftOf(
  state: Pick<CertflowState, "text" | "asOf" | "server" | "redactOnShare">,
  today: string,
): Draft {
  return {
    text: state.text,
    ...(state.asOf === today || state.asOf === "" ? {} : { asOf: state.asOf }),
    ...(state.server === "" ? {} : { server: state.server }),
    ...(state.redactOnShare ? { redact: true } : {}),
  };
}

function isEmpty(draft: Draft): boolean {
  return draft.text === "" && draft.asOf === undefined && draft.server === undefined && draft.redact !== true;
}

/** The saved draft, or undefined when there is none or it is not one of ours. Never throws. */
export function readDraft(storage: DraftStorage | undefined): Draft | undefined {
  try {
    const raw = storage?.getItem(DRAFT_KEY);
    if (raw === null || raw === undefined) return undefined;
    const value: unknown = JSON.parse(raw);
    if (typeof value !== "object" || value === null) return undefined;
    const { v, text, asOf, server, redact } = value as Record<string, unknown>;
    if (v !== 1 || typeof text !== "string") return undefined;
    return {
      text,
      ...(typeof asOf === "string" && ISO_DATE.test(asOf) ? { asOf } : {}),
      ...(typeof server === "string" && server !== "" ? { server } : {}),
      ...(redact === true ? { redact: true } : {}),
    };
  } catch {
    return undefined;
  }
}

export function saveDraft(storage: DraftStorage | undefined, draft: Draft): SaveOutcome {
  if (storage === undefined) return "refused";
  try {
    if (isEmpty(draft)) {
      storage.removeItem(DRAFT_KEY);
      return "forgotten";
    }
    const json = JSON.stringify({ v: 1, ...draft });
    if (json.length > MAX_DRAFT_CHARS) {
      // An older, smaller draft must not come back in place of what is in the box now.
      storage.removeItem(DRAFT_KEY);
      return "too-large";
    }
    storage.setItem(DRAFT_KEY, json);
    return "saved";
  } catch {
    return "refused";
  }
}

export function forgetDraft(storage: DraftStorage | undefined): void {
  try {
    storage?.removeItem(DRAFT_KEY);
  } catch {
    // Storage that cannot be read holds no draft to forget.
  }
}

export function draftNotice(outcome: SaveOutcome, chars: number): string | null {
  if (outcome === "too-large") {
    const size = (chars / 1_000_000).toFixed(1);
    return `This paste is too large to keep as a draft on this device (${size} million characters; the limit is ${MAX_DRAFT_CHARS / 1_000_000} million). It will be gone if you close or reload this tab.`;
  }
  if (outcome === "refused") {
    return "This browser does not let certflow keep a draft (storage is full or turned off). The paste will be gone if you close or reload this tab.";
  }
  return null;
}

/** localStorage when the browser allows it (it can throw when storage is blocked). */
export function browserStorage(): DraftStorage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

export interface DraftConnection {
  /** Saves a pending change now (the tab is being hidden or closed). */
  flush(): void;
  disconnect(): void;
}

/** Keeps the draft in step with the store: shortly after every change, and at once when the box is cleared. */
export function connectDraft(
  store: CertflowStore,
  storage: DraftStorage | undefined,
  today: string,
  delayMs = DRAFT_DELAY_MS,
): DraftConnection {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending = false;

  function save(): void {
    clearTimeout(timer);
    pending = false;
    const state = store.getState();
    const draft = draftOf(state, today);
    const outcome = saveDraft(storage, draft);
    state.setDraftNotice(draftNotice(outcome, JSON.stringify(draft).length));
  }

  const unsubscribe = store.subscribe((state, previous) => {
    const changed =
      state.text !== previous.text ||
      state.asOf !== previous.asOf ||
      state.server !== previous.server ||
      state.redactOnShare !== previous.redactOnShare;
    if (!changed) return;
    if (isEmpty(draftOf(state, today))) {
      save();
      return;
    }
    pending = true;
    clearTimeout(timer);
    timer = setTimeout(save, delayMs);
  });

  return {
    flush() {
      if (pending) save();
    },
    disconnect() {
      clearTimeout(timer);
      unsubscribe();
    },
  };
}
