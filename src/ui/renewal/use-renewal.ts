import { useEffect, useState } from "react";
import type { RenewalRequest } from "../../engine/renewal/request";
import type { RenewalResult } from "../../renew";

export type RenewalState =
  | { readonly status: "none" }
  | { readonly status: "running" }
  | { readonly status: "done"; readonly result: RenewalResult }
  | { readonly status: "error"; readonly message: string };

/**
 * Plans and simulates the renewal being asked for. The planner loads only once there is a request, and a result
 * that arrives after a newer request is dropped.
 */
export function useRenewal(text: string, asOf: string, server: string, request: RenewalRequest | null): RenewalState {
  const [state, setState] = useState<RenewalState>({ status: "none" });
  useEffect(() => {
    if (request === null) {
      setState({ status: "none" });
      return;
    }
    let current = true;
    setState({ status: "running" });
    const options = {
      ...(/^\d{4}-\d{2}-\d{2}$/.test(asOf) ? { asOf } : {}),
      ...(server.trim() === "" ? {} : { server: server.trim() }),
    };
    import("../../renew")
      .then(({ planRenewalFor }) => planRenewalFor(text, options, request))
      .then(
        (result) => current && setState({ status: "done", result }),
        (error: unknown) =>
          current && setState({ status: "error", message: error instanceof Error ? error.message : String(error) }),
      );
    return () => {
      current = false;
    };
  }, [text, asOf, server, request]);
  return state;
}
