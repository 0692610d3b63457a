import { useEffect, useRef, useState } from "react";
import type { RenewalRequest } from "../../engine/renewal/request";
import { ANALYSIS_DELAY_MS } from "../../state/run-analysis";
import type { RenewalBridge } from "../../worker/bridge";
import type { RenewalView } from "../../worker/renewal-protocol";
import { spawnRenewalBridge } from "../../worker/spawn";

export type RenewalState =
  | { readonly status: "none" }
  | { readonly status: "running" }
  | { readonly status: "done"; readonly result: RenewalView }
  | { readonly status: "error"; readonly message: string };

/**
 * Plans and simulates the renewal being asked for in a worker of its own (the engine runs once per step, which for
 * an organisation takes seconds): started once there is a request, a short while after the input last changed; a
 * newer request cancels the run in progress, and a result that arrives after it is dropped.
 */
export function useRenewal(text: string, asOf: string, server: string, request: RenewalRequest | null): RenewalState {
  const [state, setState] = useState<RenewalState>({ status: "none" });
  const bridge = useRef<RenewalBridge | null>(null);

  useEffect(
    () => () => {
      bridge.current?.dispose();
      bridge.current = null;
    },
    [],
  );

  useEffect(() => {
    if (request === null) {
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
      bridge.current ??= spawnRenewalBridge();
      bridge.current.plan(text, options, request).then(
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
  }, [text, asOf, server, request]);
  return state;
}
