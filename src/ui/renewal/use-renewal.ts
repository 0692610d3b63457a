import { useMemo } from "react";
import type { AnalyzeOptions } from "../../analyze";
import type { RenewalRequest } from "../../engine/renewal/request";
import type { RenewalBridge } from "../../worker/bridge";
import type { RenewalView } from "../../worker/renewal-protocol";
import { spawnRenewalBridge } from "../../worker/spawn";
import { type JobState, useWorkerJob } from "../worker-job/use-worker-job";

export type RenewalState = JobState<RenewalView>;

/** Plans and simulates the renewal being asked for, in a worker of its own, once there is a request. */
export function useRenewal(text: string, asOf: string, server: string, request: RenewalRequest | null): RenewalState {
  const run = useMemo(
    () =>
      request === null
        ? null
        : (bridge: RenewalBridge, pasted: string, options: AnalyzeOptions) => bridge.plan(pasted, options, request),
    [request],
  );
  return useWorkerJob(spawnRenewalBridge, run, text, asOf, server);
}
