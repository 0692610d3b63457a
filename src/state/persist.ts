import type { WhatIfEdit } from "../engine/whatif/edits";
import { MAX_EDITS, readEdits } from "../engine/whatif/validate";
import type { CertflowState, CertflowStore } from "./store";

/**
 * The draft: the paste, the options and the pending what-if edits, kept in this browser's localStorage (this
 * device only, never sent anywhere) so a reload or an accidentally closed tab loses nothing. Only this key is ever
 * written.
 */
export const DRAFT_KEY = "certflow.draft.v1";

/** localStorage holds about five million characters per site; a draft may take a fifth of that. */
export const MAX_DRAFT_CHARS = 1_000_000;

/** Long enough to wait out typing; a closing tab saves at once. */
export const DRAFT_DELAY_MS = 400;

/** How long a due save may wait for the page to be idle before it runs anyway. */
export const DRAFT_IDLE_TIMEOUT_MS = 2000;

export interface Draft {
  readonly text: string;
  /** Only when the user chose a date other than today: a draft reopened tomorrow is judged as of tomorrow. */
  readonly asOf?: string;
  readonly server?: string;
  readonly redact?: boolean;
  /** Only when there are any. */
  readonly edits?: readonly WhatIfEdit[];
}

export type DraftStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

/** `quota`: the browser's storage for this site is full; `refused`: storage is turned off or blocked. */
export type SaveOutcome = "saved" | "forgotten" | "too-large" | "quota" | "refused";

export interface SaveResult {
  readonly outcome: SaveOutcome;
  /** Characters the draft takes (its JSON when it was built, else the paste): what the notice quotes. */
  readonly chars: number;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function draftOf(
  state: Pick<CertflowState, "text" | "asOf" | "server" | "redactOnShare"> &
    Partial<Pick<CertflowState, "whatIfEdits">>,
  today: string,
): Draft {
  const edits = state.whatIfEdits ?? [];
  return {
    text: state.text,
    ...(state.asOf === today || state.asOf === "" ? {} : { asOf: state.asOf }),
    ...(state.server === "" ? {} : { server: state.server }),
    ...(state.redactOnShare ? { redact: true } : {}),
    ...(edits.length === 0 ? {} : { edits }),
  };
}

function isEmpty(draft: Draft): boolean {
  return (
    draft.text === "" &&
    draft.asOf === undefined &&
    draft.server === undefined &&
    draft.redact !== true &&
    draft.edits === undefined
  );
}

/**
 * The saved edits each checked by the share links' validator: an edit of a kind this version does not know (or
 * a damaged one) is left out, and the others are kept.
 */
function editsOf(value: unknown): readonly WhatIfEdit[] {
  if (!Array.isArray(value)) return [];
  return value
    .flatMap((item: unknown) => {
      const read = readEdits([item]);
      return typeof read === "string" ? [] : read;
    })
    .slice(0, MAX_EDITS);
}

/** The saved draft, or undefined when there is none or it is not one of ours. Never throws. */
export function readDraft(storage: DraftStorage | undefined): Draft | undefined {
  try {
    const raw = storage?.getItem(DRAFT_KEY);
    if (raw === null || raw === undefined) return undefined;
    const value: unknown = JSON.parse(raw);
    if (typeof value !== "object" || value === null) return undefined;
    const { v, text, asOf, server, redact, edits } = value as Record<string, unknown>;
    if (v !== 1 || typeof text !== "string") return undefined;
    const kept = editsOf(edits);
    return {
      text,
      ...(typeof asOf === "string" && ISO_DATE.test(asOf) ? { asOf } : {}),
      ...(typeof server === "string" && server !== "" ? { server } : {}),
      ...(redact === true ? { redact: true } : {}),
      ...(kept.length === 0 ? {} : { edits: kept }),
    };
  } catch {
    return undefined;
  }
}

/** Browsers name a full storage differently (Firefox's old code is 1014). */
function isQuotaError(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { name, code } = error as { name?: unknown; code?: unknown };
  return name === "QuotaExceededError" || name === "NS_ERROR_DOM_QUOTA_REACHED" || code === 22 || code === 1014;
}

/** Removes the saved draft; false when storage refuses even that. */
function removeDraft(storage: DraftStorage): boolean {
  try {
    storage.removeItem(DRAFT_KEY);
    return true;
  } catch {
    return false;
  }
}

export function saveDraft(storage: DraftStorage | undefined, draft: Draft): SaveResult {
  const chars = draft.text.length;
  if (storage === undefined) return { outcome: "refused", chars };
  if (isEmpty(draft)) return { outcome: removeDraft(storage) ? "forgotten" : "refused", chars };
  // JSON is never shorter than the text it holds: a paste over the cap is refused without building it.
  if (chars > MAX_DRAFT_CHARS) {
    // An older, smaller draft must not come back in place of what is in the box now.
    return { outcome: removeDraft(storage) ? "too-large" : "refused", chars };
  }
  const json = JSON.stringify({ v: 1, ...draft });
  if (json.length > MAX_DRAFT_CHARS) {
    return { outcome: removeDraft(storage) ? "too-large" : "refused", chars: json.length };
  }
  try {
    storage.setItem(DRAFT_KEY, json);
    return { outcome: "saved", chars: json.length };
  } catch (error) {
    if (!isQuotaError(error)) return { outcome: "refused", chars: json.length };
    // The draft that does fit is older than the box: it must not come back on the next visit.
    return { outcome: removeDraft(storage) ? "quota" : "refused", chars: json.length };
  }
}

export function forgetDraft(storage: DraftStorage | undefined): void {
  try {
    storage?.removeItem(DRAFT_KEY);
  } catch {
    // Storage that cannot be read holds no draft to forget.
  }
}

function millions(chars: number): string {
  return (chars / 1_000_000).toFixed(1);
}

export function draftNotice({ outcome, chars }: SaveResult): string | null {
  if (outcome === "too-large") {
    return `This paste is too large to keep as a draft on this device (${millions(chars)} million characters; the limit is ${MAX_DRAFT_CHARS / 1_000_000} million). It will be gone if you close or reload this tab.`;
  }
  if (outcome === "quota") {
    return `This browser's storage for certflow is full, so this draft (${millions(chars)} million characters) could not be kept and the older one was removed. The paste will be gone if you close or reload this tab.`;
  }
  if (outcome === "refused") {
    return "This browser does not let certflow keep a draft (storage is turned off or blocked). The paste will be gone if you close or reload this tab.";
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

/** Runs a task when the page has nothing else to do; returns how to call it off. */
export type WhenIdle = (task: () => void) => () => void;

/**
 * `requestIdleCallback` where the browser has it (with a deadline, so a busy page still saves), else a timer:
 * building and writing a draft of up to a million characters is kept out of the frames that follow typing.
 */
export const whenIdle: WhenIdle = (task) => {
  if (typeof globalThis.requestIdleCallback === "function") {
    const handle = globalThis.requestIdleCallback(task, { timeout: DRAFT_IDLE_TIMEOUT_MS });
    return () => globalThis.cancelIdleCallback(handle);
  }
  const handle = setTimeout(task, 0);
  return () => clearTimeout(handle);
};

export interface DraftConnection {
  /** Saves a pending change now (the tab is being hidden or closed). */
  flush(): void;
  disconnect(): void;
}

function draftChanged(a: CertflowState, b: CertflowState): boolean {
  return (
    a.text !== b.text ||
    a.asOf !== b.asOf ||
    a.server !== b.server ||
    a.redactOnShare !== b.redactOnShare ||
    a.whatIfEdits !== b.whatIfEdits
  );
}

/**
 * Keeps the draft in step with the store: when the page is idle after a pause in the changes, and at once when
 * the box is cleared.
 */
export function connectDraft(
  store: CertflowStore,
  storage: DraftStorage | undefined,
  today: string,
  { delayMs = DRAFT_DELAY_MS, idle = whenIdle }: { readonly delayMs?: number; readonly idle?: WhenIdle } = {},
): DraftConnection {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let cancelIdle: (() => void) | undefined;
  let pending = false;

  function cancel(): void {
    clearTimeout(timer);
    cancelIdle?.();
    cancelIdle = undefined;
  }

  function save(): void {
    cancel();
    pending = false;
    const state = store.getState();
    const notice = draftNotice(saveDraft(storage, draftOf(state, today)));
    if (notice !== state.draftNotice) state.setDraftNotice(notice);
  }

  const unsubscribe = store.subscribe((state, previous) => {
    if (!draftChanged(state, previous)) return;
    if (isEmpty(draftOf(state, today))) {
      save();
      return;
    }
    pending = true;
    cancel();
    timer = setTimeout(() => {
      cancelIdle = idle(save);
    }, delayMs);
  });

  return {
    flush() {
      if (pending) save();
    },
    disconnect() {
      cancel();
      unsubscribe();
    },
  };
}
