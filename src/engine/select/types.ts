import type { Certificate } from "../../model/certificate";

export type StepOutcome = "yes" | "no" | "skipped";

export interface DroppedCandidate {
  /** Candidate key: the thumbprint (or `#n` for a certificate pasted without one). */
  readonly thumbprint: string;
  readonly reason: string;
}

/**
 * One step of Exchange's certificate choice. Step ids are the node ids of the
 * flowchart graph (`flow/graph.ts`), so the lit path is the list of step ids.
 */
export interface SelectionStep {
  readonly id: string;
  readonly question: string;
  readonly outcome: StepOutcome;
  /** Plain-words explanation of the outcome for this connector. */
  readonly detail: string;
  readonly kept: readonly string[];
  readonly dropped: readonly DroppedCandidate[];
  /** Where the sources conflict or are silent, said here instead of pretending. */
  readonly caveat?: string;
}

export type SelectionVia = "TlsCertificateName" | "Fqdn" | "Default" | "None";

/** The simulated choice for one connector on one server. */
export interface Selection {
  readonly server: string | undefined;
  readonly connector: string;
  readonly connectorKind: "receive" | "send";
  readonly direction: "inbound" | "outbound";
  /** The name looked up (connector Fqdn, else server FQDN); undefined when unknown. */
  readonly fqdn: string | undefined;
  readonly certificate: Certificate | null;
  readonly starttls: boolean;
  readonly via: SelectionVia;
  readonly steps: readonly SelectionStep[];
}
