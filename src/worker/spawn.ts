import { type AnalysisBridge, createAnalysisBridge } from "./bridge";

/** Vite bundles the worker because of this exact `new Worker(new URL(…, import.meta.url))` shape. */
export function spawnAnalysisBridge(): AnalysisBridge {
  return createAnalysisBridge(
    () => new Worker(new URL("./analysis.worker.ts", import.meta.url), { type: "module", name: "certflow-analysis" }),
  );
}
