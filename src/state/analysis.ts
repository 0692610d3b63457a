import type { StateCreator } from "zustand/vanilla";
import type { Report } from "../report/types";
import type { CertflowState } from "./store";

export type AnalysisStatus = "idle" | "running" | "done" | "error";

export interface AnalysisSlice {
  readonly status: AnalysisStatus;
  /** The last finished report; kept while a newer analysis runs so the page does not flicker. */
  readonly report: Report | null;
  readonly error: string | null;
  startAnalysis(): void;
  finishAnalysis(report: Report): void;
  failAnalysis(message: string): void;
  clearAnalysis(): void;
}

export const createAnalysisSlice: StateCreator<CertflowState, [], [], AnalysisSlice> = (set) => ({
  status: "idle",
  report: null,
  error: null,
  startAnalysis: () => set({ status: "running", error: null }),
  finishAnalysis: (report) => set({ status: "done", report, error: null }),
  failAnalysis: (message) => set({ status: "error", error: message }),
  clearAnalysis: () => set({ status: "idle", report: null, error: null }),
});
