import type { StateCreator } from "zustand/vanilla";
import type { CertflowState } from "./store";

/** Lines of the paste to select in the textarea; `request` changes on every ask, so asking twice selects twice. */
export interface LineSelection {
  readonly startLine: number;
  readonly endLine: number;
  readonly request: number;
}

export interface UiSlice {
  readonly selectedLines: LineSelection | null;
  selectLines(startLine: number, endLine: number): void;
}

export const createUiSlice: StateCreator<CertflowState, [], [], UiSlice> = (set, get) => ({
  selectedLines: null,
  selectLines: (startLine, endLine) =>
    set({
      selectedLines: {
        startLine: Math.min(startLine, endLine),
        endLine: Math.max(startLine, endLine),
        request: (get().selectedLines?.request ?? 0) + 1,
      },
    }),
});
