import type { StateCreator } from "zustand/vanilla";
import type { Timeline } from "../engine/timeline/types";
import type { Report } from "../report/types";
import type { CertflowState } from "./store";

export type AnalysisStatus = "idle" | "running" | "done" | "error";

export interface AnalysisSlice {
  readonly status: AnalysisStatus;
  /** The last finished report; kept while a newer analysis runs so the page does not flicker. */
  readonly report: Report | null;
  /** The timeline of that report, built with it in the worker. */
  readonly timeline: Timeline | null;
  readonly error: string | null;
  startAnalysis(): void;
  finishAnalysis(report: Report, timeline: Timeline): void;
  failAnalysis(message: string): void;
  clearAnalysis(): void;
}

export const createAnalysisSlice: StateCreator<CertflowState, [], [], AnalysisSlice> = (set) => ({
  status: "idle",
  report: null,
  timeline: null,
  error: null,
  startAnalysis: () => set({ status: "running", error: null }),
  finishAnalysis: (report, timeline) => set({ status: "done", report, timeline, error: null }),
  failAnalysis: (message) => set({ status: "error", error: message }),
  clearAnalysis: () => set({ status: "idle", report: null, timeline: null, error: null }),
});
