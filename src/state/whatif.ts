import type { StateCreator } from "zustand/vanilla";
import type { WhatIfEdit } from "../engine/whatif/edits";
import type { CertflowState } from "./store";

/** Pending what-if edits, in the order they were made; they travel in share links. */
export interface WhatIfSlice {
  readonly whatIfEdits: readonly WhatIfEdit[];
  addWhatIfEdit(edit: WhatIfEdit): void;
  removeWhatIfEdit(index: number): void;
  clearWhatIf(): void;
}

export const createWhatIfSlice: StateCreator<CertflowState, [], [], WhatIfSlice> = (set, get) => ({
  whatIfEdits: [],
  addWhatIfEdit: (edit) => set({ whatIfEdits: [...get().whatIfEdits, edit] }),
  removeWhatIfEdit: (index) => set({ whatIfEdits: get().whatIfEdits.filter((_, i) => i !== index) }),
  clearWhatIf: () => set({ whatIfEdits: [] }),
});
