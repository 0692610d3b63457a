import { useEffect, useRef, useState } from "react";
import type { AnalyzeOptions } from "../../analyze";
import { ANALYSIS_DELAY_MS } from "../../state/run-analysis";

export type JobState<View> =
  | { readonly status: "none" }
  | { readonly status: "running" }
  | { readonly status: "done"; readonly result: View }
  | { readonly status: "error"; readonly message: string };

interface JobBridge {
  cancel(): void;
  dispose(): void;
}

export type JobOutcome<View> = { readonly status: "done"; readonly view: View } | { readonly status: "superseded" };

/**
 * Runs one job on the paste in a worker of its own (the what-if and the renewal plan each analyse the paste more
 * than once, which for an organisation takes seconds): started once there is a job, a short while after the input
 * last changed; a newer job cancels the run in progress, and a result that arrives after it is dropped. `run` is
 * null when there is nothing to compute, and must keep its identity while its own input is unchanged.
 */
export function useWorkerJob<Bridge extends JobBridge, View>(
  spawn: () => Bridge,
  run: ((bridge: Bridge, text: string, options: AnalyzeOptions) => Promise<JobOutcome<View>>) | null,
  text: string,
  asOf: string,
  server: string,
): JobState<View> {
  const [state, setState] = useState<JobState<View>>({ status: "none" });
  const bridge = useRef<Bridge | null>(null);

  useEffect(
    () => () => {
      bridge.current?.dispose();
      bridge.current = null;
    },
    [],
  );

  useEffect(() => {
    if (run === null) {
      bridge.current?.cancel();
      setState({ status: "none" });
      return;
    }
    let current = true;
    setState({ status: "running" });
    const options = {
      ...(/^\d{4}-\d{2}-\d{2}$/.test(asOf) ? { asOf } : {}),
      ...(server.trim() === "" ? {} : { server: server.trim() }),
    };
    const timer = setTimeout(() => {
      bridge.current ??= spawn();
      run(bridge.current, text, options).then(
        (outcome) => {
          if (current && outcome.status === "done") setState({ status: "done", result: outcome.view });
        },
        (error: unknown) => {
          if (current) setState({ status: "error", message: error instanceof Error ? error.message : String(error) });
        },
      );
    }, ANALYSIS_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [spawn, run, text, asOf, server]);
  return state;
}
