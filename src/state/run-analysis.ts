import type { AnalyzeOptions } from "../analyze";
import { exceedsPasteLimit } from "../limits";
import type { AnalysisOutcome } from "../worker/bridge";
import type { CertflowState, CertflowStore } from "./store";

export type RunAnalysis = (text: string, options: AnalyzeOptions) => Promise<AnalysisOutcome>;

/** Long enough to wait out a burst of typing, short enough to feel immediate. */
export const ANALYSIS_DELAY_MS = 250;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

// A date field being edited can hold nothing or half a date; the analysis then judges against today.
function optionsOf(state: CertflowState): AnalyzeOptions {
  const server = state.server.trim();
  return {
    ...(ISO_DATE.test(state.asOf) ? { asOf: state.asOf } : {}),
    ...(server === "" ? {} : { server }),
  };
}

function inputChanged(a: CertflowState, b: CertflowState): boolean {
  return a.text !== b.text || a.asOf !== b.asOf || a.server !== b.server;
}

/**
 * Re-runs the analysis a short while after the input last changed, and once at once when the store
 * already holds a paste. Returns the function that stops listening.
 */
export function connectAnalysis(store: CertflowStore, run: RunAnalysis, delayMs = ANALYSIS_DELAY_MS): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Bumped by every run, so a run that finishes after the paste was emptied cannot bring its report back.
  let generation = 0;

  async function analyseNow(): Promise<void> {
    const state = store.getState();
    const mine = ++generation;
    // Over the limit the paste stays in the box and PasteLimitNotice says why (and offers the CLI).
    if (state.text.trim() === "" || exceedsPasteLimit(state.text.length)) {
      state.clearAnalysis();
      return;
    }
    state.startAnalysis();
    try {
      const outcome = await run(state.text, optionsOf(state));
      if (mine === generation && outcome.status === "done") {
        store.getState().finishAnalysis(outcome.report, outcome.timeline);
      }
    } catch (error) {
      if (mine === generation) store.getState().failAnalysis(error instanceof Error ? error.message : String(error));
    }
  }

  const unsubscribe = store.subscribe((state, previous) => {
    if (!inputChanged(state, previous)) return;
    clearTimeout(timer);
    timer = setTimeout(() => void analyseNow(), delayMs);
  });
  if (store.getState().text.trim() !== "") void analyseNow();

  return () => {
    clearTimeout(timer);
    unsubscribe();
  };
}
