import {
  type AnalysisBridge,
  createAnalysisBridge,
  createRedactionBridge,
  createRenewalBridge,
  createWhatIfBridge,
  type RedactionBridge,
  type RenewalBridge,
  type WhatIfBridge,
} from "./bridge";

/** Vite bundles the worker because of this exact `new Worker(new URL(…, import.meta.url))` shape. */
function spawnWorker(): Worker {
  return new Worker(new URL("./analysis.worker.ts", import.meta.url), { type: "module", name: "certflow-analysis" });
}

export function spawnAnalysisBridge(): AnalysisBridge {
  return createAnalysisBridge(spawnWorker);
}

export function spawnWhatIfBridge(): WhatIfBridge {
  return createWhatIfBridge(spawnWorker);
}

export function spawnRenewalBridge(): RenewalBridge {
  return createRenewalBridge(spawnWorker);
}

export function spawnRedactionBridge(): RedactionBridge {
  return createRedactionBridge(spawnWorker);
}
