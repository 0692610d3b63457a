import { createContext, useContext } from "react";
import { useStore } from "zustand";
import type { CertflowState, CertflowStore } from "./store";

export const StoreContext = createContext<CertflowStore | null>(null);

/** Reads a slice of the app's store; components re-render only when what they select changes. */
export function useCertflow<T>(selector: (state: CertflowState) => T): T {
  const store = useContext(StoreContext);
  if (store === null) throw new Error("useCertflow needs a StoreContext provider");
  return useStore(store, selector);
}
