import type { WhatIfEdit } from "../whatif/edits";

/**
 * What a step changes, for the simulation. Import and enable are kept apart
 * from edits because a described successor may have no thumbprint to target:
 * the simulation adds it per server with the services enabled so far.
 */
export type StepEffect =
  | { readonly kind: "import"; readonly server: string }
  | { readonly kind: "enable"; readonly server: string }
  | { readonly kind: "edit"; readonly edit: WhatIfEdit };

export type StepAction =
  | "import"
  | "enable"
  | "receive-connector"
  | "send-connector"
  | "hybrid-configuration"
  | "keep-names"
  | "hcw"
  | "remove";

export interface RenewalStep {
  /** From 1, in the order to run them. */
  readonly step: number;
  readonly action: StepAction;
  /** The servers the step acts on or for; every step names at least one. */
  readonly servers: readonly string[];
  readonly title: string;
  readonly why: string;
  /** Rendered PowerShell; empty for a step done in a wizard or one that needs no command. */
  readonly commands: readonly string[];
  /** What to watch for while running it. */
  readonly warning?: string;
  readonly effects: readonly StepEffect[];
}

export interface RenewalPlan {
  readonly old: {
    readonly thumbprint: string;
    readonly label: string;
    readonly servers: readonly string[];
  };
  readonly successor: {
    readonly label: string;
    /** `<I>issuer<S>subject` of the successor. */
    readonly tlsCertificateName: string;
    /** Whether the plan defines $SuccessorThumbprint because the successor was described without one. */
    readonly thumbprintKnown: boolean;
  };
  /** The successor has the old certificate's issuer and subject (domain F1.2.1). */
  readonly sameName: boolean;
  /** Lines to run first: the values the admin fills in, defined once. */
  readonly setup: readonly string[];
  readonly steps: readonly RenewalStep[];
  /** What the plan leaves alone, and where certflow's sources are silent. */
  readonly notes: readonly string[];
}

export type PlanOutcome =
  | { readonly ok: true; readonly plan: RenewalPlan }
  | { readonly ok: false; readonly reason: string };
