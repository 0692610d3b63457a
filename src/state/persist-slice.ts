import type { StateCreator } from "zustand/vanilla";
import type { RenewalRequest } from "../engine/renewal/request";
import type { WhatIfEdit } from "../engine/whatif/edits";
import type { CertflowState } from "./store";

/** A message about a link or file that was opened: an error (role="alert") or a plain note. */
export interface ShareNotice {
  readonly tone: "error" | "info";
  readonly message: string;
}

/** Input that comes from outside the paste box: a saved draft, a share link or a .certflow file. */
export interface LoadedInput {
  readonly text: string;
  readonly asOf?: string;
  readonly server?: string;
  readonly redact?: boolean;
  readonly edits?: readonly WhatIfEdit[];
  readonly renewal?: RenewalRequest;
}

export interface PersistSlice {
  /** The "Redact names before sharing" option. */
  readonly redactOnShare: boolean;
  /** Why the draft is not being kept, when it is not. */
  readonly draftNotice: string | null;
  readonly shareNotice: ShareNotice | null;
  setRedactOnShare(on: boolean): void;
  setDraftNotice(notice: string | null): void;
  setShareNotice(notice: ShareNotice | null): void;
  /** Replaces the paste and the options with a draft (whose `redact` is the option) or with shared input. */
  loadInput(input: LoadedInput, options: { readonly redactIsOption: boolean }): void;
  /** Forgets the paste and the options: the page as on a first visit. */
  clearInput(): void;
}

export const createPersistSlice =
  (today: string): StateCreator<CertflowState, [], [], PersistSlice> =>
  (set, get) => ({
    redactOnShare: false,
    draftNotice: null,
    shareNotice: null,
    setRedactOnShare: (redactOnShare) => set({ redactOnShare }),
    setDraftNotice: (draftNotice) => set({ draftNotice }),
    setShareNotice: (shareNotice) => set({ shareNotice }),
    loadInput: (input, { redactIsOption }) => {
      get().setText(input.text);
      set({
        asOf: input.asOf ?? today,
        server: input.server ?? "",
        redactOnShare: redactIsOption && input.redact === true,
        whatIfEdits: input.edits ?? [],
        renewal: input.renewal ?? null,
      });
    },
    clearInput: () => {
      get().setText("");
      set({
        asOf: today,
        server: "",
        redactOnShare: false,
        draftNotice: null,
        shareNotice: null,
        whatIfEdits: [],
        renewal: null,
      });
    },
  });
