import { useEffect, useState } from "react";
import type { WhatIfEdit } from "../../engine/whatif/edits";
import type { WhatIfResult } from "../../what-if";

export type WhatIfState =
  | { readonly status: "none" }
  | { readonly status: "running" }
  | { readonly status: "done"; readonly result: WhatIfResult }
  | { readonly status: "error"; readonly message: string };

/**
 * Runs `whatIf` for the pending edits. The engine loads only once there is an
 * edit, and a result that arrives after a newer request is dropped.
 */
export function useWhatIf(text: string, asOf: string, server: string, edits: readonly WhatIfEdit[]): WhatIfState {
  const [state, setState] = useState<WhatIfState>({ status: "none" });
  useEffect(() => {
    if (edits.length === 0) {
      setState({ status: "none" });
      return;
    }
    let current = true;
    setState({ status: "running" });
    const options = {
      ...(/^\d{4}-\d{2}-\d{2}$/.test(asOf) ? { asOf } : {}),
      ...(server.trim() === "" ? {} : { server: server.trim() }),
    };
    import("../../what-if")
      .then(({ whatIf }) => whatIf(text, options, edits))
      .then(
        (result) => current && setState({ status: "done", result }),
        (error: unknown) =>
          current && setState({ status: "error", message: error instanceof Error ? error.message : String(error) }),
      );
    return () => {
      current = false;
    };
  }, [text, asOf, server, edits]);
  return state;
}
