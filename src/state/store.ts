import { createStore, type StoreApi } from "zustand/vanilla";
import { type AnalysisSlice, createAnalysisSlice } from "./analysis";
import { createInputSlice, type InputSlice, localToday } from "./input";
import { createPersistSlice, type PersistSlice } from "./persist-slice";
import { createRenewalSlice, type RenewalSlice } from "./renewal";
import { createUiSlice, type UiSlice } from "./ui";
import { createWhatIfSlice, type WhatIfSlice } from "./whatif";

export type CertflowState = InputSlice & AnalysisSlice & UiSlice & PersistSlice & WhatIfSlice & RenewalSlice;
export type CertflowStore = StoreApi<CertflowState>;

export function createCertflowStore(today: string = localToday()): CertflowStore {
  return createStore<CertflowState>()((...args) => ({
    ...createInputSlice(today)(...args),
    ...createAnalysisSlice(...args),
    ...createUiSlice(...args),
    ...createPersistSlice(today)(...args),
    ...createWhatIfSlice(...args),
    ...createRenewalSlice(...args),
  }));
}
