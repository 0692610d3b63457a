import { useEffect, useRef, useState } from "react";
import type { WhatIfEdit } from "../../engine/whatif/edits";
import { ANALYSIS_DELAY_MS } from "../../state/run-analysis";
import type { WhatIfBridge } from "../../worker/bridge";
import { spawnWhatIfBridge } from "../../worker/spawn";
import type { WhatIfView } from "../../worker/whatif-protocol";

export type WhatIfState =
  | { readonly status: "none" }
  | { readonly status: "running" }
  | { readonly status: "done"; readonly result: WhatIfView }
  | { readonly status: "error"; readonly message: string };

/**
 * Computes the what-if of the pending edits in a worker of its own (it analyses the paste twice, which for an
 * organisation takes seconds): started once there is an edit, a short while after the input last changed; a
 * newer request cancels the run in progress, and a result that arrives after it is dropped.
 */
export function useWhatIf(text: string, asOf: string, server: string, edits: readonly WhatIfEdit[]): WhatIfState {
  const [state, setState] = useState<WhatIfState>({ status: "none" });
  const bridge = useRef<WhatIfBridge | null>(null);

  useEffect(
    () => () => {
      bridge.current?.dispose();
      bridge.current = null;
    },
    [],
  );

  useEffect(() => {
    if (edits.length === 0) {
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
      bridge.current ??= spawnWhatIfBridge();
      bridge.current.whatIf(text, options, edits).then(
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
  }, [text, asOf, server, edits]);
  return state;
}
