import { useMemo } from "react";
import type { AnalyzeOptions } from "../../analyze";
import type { WhatIfEdit } from "../../engine/whatif/edits";
import type { WhatIfBridge } from "../../worker/bridge";
import { spawnWhatIfBridge } from "../../worker/spawn";
import type { WhatIfView } from "../../worker/whatif-protocol";
import { type JobState, useWorkerJob } from "../worker-job/use-worker-job";

export type WhatIfState = JobState<WhatIfView>;

/** Computes the what-if of the pending edits, in a worker of its own, once there is an edit. */
export function useWhatIf(text: string, asOf: string, server: string, edits: readonly WhatIfEdit[]): WhatIfState {
  const run = useMemo(
    () =>
      edits.length === 0
        ? null
        : (bridge: WhatIfBridge, pasted: string, options: AnalyzeOptions) => bridge.whatIf(pasted, options, edits),
    [edits],
  );
  return useWorkerJob(spawnWhatIfBridge, run, text, asOf, server);
}
