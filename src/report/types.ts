import type { Ambiguity, Block, Unrecognized } from "../parse/types";

/** The JSON report of `../shared/CONTRACT.md`, schemaVersion 1. Field names are contract. */
export interface Report {
  readonly schemaVersion: 1;
  readonly asOf: string;
  readonly blocks: readonly ReportBlock[];
  readonly unrecognized: readonly ReportUnrecognized[];
  readonly certificates: readonly ReportCertificate[];
  readonly connectors: readonly ReportConnector[];
  readonly selections: readonly ReportSelection[];
  readonly findings: readonly ReportFinding[];
  readonly evidence: readonly ReportEvidence[];
  readonly fixPlan: readonly ReportFixStep[];
}

export type ReportBlock = Pick<Block, "cmdlet" | "format" | "startLine" | "endLine" | "records"> & {
  readonly server: string | null;
};

export type ReportUnrecognized = Unrecognized;
export type ReportAmbiguity = Ambiguity;

export interface ReportCertificate {
  readonly server: string | null;
  readonly thumbprint: string | null;
  readonly subject: string | null;
  readonly issuer: string | null;
  readonly domains: readonly string[];
  readonly services: readonly string[];
  readonly notBefore: string | null;
  readonly notAfter: string | null;
  readonly selfSigned: boolean | null;
  readonly hasPrivateKey: boolean | null;
  readonly status: string | null;
  readonly rootCAType: string | null;
  readonly truncated: readonly string[];
  readonly lines: readonly [number, number];
}

export interface ReportConnector {
  readonly server: string | null;
  readonly name: string | null;
  readonly direction: "receive" | "send";
  readonly fqdn: string | null;
  readonly tlsCertificateName: string | null;
  readonly bindings: readonly string[];
  readonly authMechanism: readonly string[] | null;
  readonly truncated: readonly string[];
  readonly lines: readonly [number, number];
}

export interface ReportSelection {
  readonly server: string | null;
  readonly connector: string;
  readonly direction: "inbound" | "outbound";
  readonly fqdn: string | null;
  readonly certificate: string | null;
  readonly starttls: boolean;
  readonly via: "TlsCertificateName" | "Fqdn" | "Default" | "None";
  readonly steps: readonly {
    readonly id: string;
    readonly question: string;
    readonly outcome: "yes" | "no" | "skipped";
    readonly detail: string;
    readonly kept: readonly string[];
    readonly dropped: readonly { readonly thumbprint: string; readonly reason: string }[];
    readonly caveat?: string;
  }[];
}

export type Severity = "error" | "warning" | "info";

export interface ReportFinding {
  readonly rule: string;
  /** Beyond the contract: the rule's title. */
  readonly title: string;
  readonly severity: Severity;
  readonly message: string;
  readonly server: string | null;
  readonly connector: string | null;
  readonly thumbprint: string | null;
  readonly basis: "configuration" | "evidence";
  readonly lines: readonly number[];
  readonly fix: readonly string[];
}

export interface ReportEvidence {
  readonly kind: string;
  readonly code: string | null;
  readonly startLine: number;
  readonly endLine: number;
  readonly explainedBy: readonly string[];
  /** Beyond the contract: what the pasted text means, in plain words. */
  readonly meaning: string;
  /** Beyond the contract: which cmdlet output to paste next, if any. */
  readonly next: string | null;
}

export interface ReportFixStep {
  readonly step: number;
  readonly why: string;
  readonly commands: readonly string[];
  /** Beyond the contract: what to watch for while running the step. */
  readonly warning?: string;
}
