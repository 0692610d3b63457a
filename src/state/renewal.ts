import type { StateCreator } from "zustand/vanilla";
import type { RenewalRequest } from "../engine/renewal/request";
import type { CertflowState } from "./store";

/** The renewal being planned: the certificate being replaced and its successor; it travels in share links. */
export interface RenewalSlice {
  readonly renewal: RenewalRequest | null;
  setRenewal(request: RenewalRequest): void;
  clearRenewal(): void;
}

export const createRenewalSlice: StateCreator<CertflowState, [], [], RenewalSlice> = (set) => ({
  renewal: null,
  setRenewal: (renewal) => set({ renewal }),
  clearRenewal: () => set({ renewal: null }),
});
