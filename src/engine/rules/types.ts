import type { Certificate } from "../../model/certificate";
import type { ReceiveConnector, SendConnector } from "../../model/connector";
import type { Evidence } from "../../model/evidence";
import type { Inventory } from "../../model/inventory";
import type { ExchangeVersion, HybridConfiguration } from "../../model/server";
import type { SourceSpan } from "../../model/source";
import type { Ambiguity } from "../../parse/types";
import type { Severity } from "../../report/types";
import type { FixCommand } from "../fix/command";
import type { Selection } from "../select/types";

/**
 * Phases order the fix plan: certificates first, then what points at them,
 * then restarts, the wizard, and clean-up last (never remove the old
 * certificate before everything points at the new one).
 */
export type FixPhase = "inspect" | "install" | "enable" | "connector" | "hybrid" | "restart" | "hcw" | "cleanup";

export interface FixStep {
  readonly phase: FixPhase;
  readonly why: string;
  readonly commands: readonly FixCommand[];
  /** Shown with the step, e.g. "answer No to 'Overwrite the existing default SMTP certificate?'". */
  readonly warning?: string;
}

/** What a rule's `check` returns: a message id with its data, never a built sentence. */
export interface RuleResult<M extends string = string> {
  readonly messageId: M;
  readonly data?: Readonly<Record<string, string | number>>;
  /** Overrides the rule's default severity (e.g. CERT_EXPIRED is an error only when referenced). */
  readonly severity?: Severity;
  readonly server?: string | undefined;
  readonly connector?: string | undefined;
  readonly thumbprint?: string | undefined;
  readonly basis?: "configuration" | "evidence";
  /** The pasted lines the finding rests on. */
  readonly sources: readonly SourceSpan[];
  readonly fix?: readonly FixStep[];
  /** Pasted evidence this finding explains (event 12014, an NDR …). */
  readonly explains?: readonly Evidence[];
}

export interface RuleDocs {
  /** One sentence: what the rule detects. */
  readonly summary: string;
  /** The Exchange behaviour behind it, in plain words. */
  readonly behaviour: string;
  /** How to fix it. */
  readonly fix: string;
  /** Fact ids of ../shared/domain/exchange-tls.md the rule rests on (F1.2.2, E7.1 …). */
  readonly facts: readonly string[];
  /** Public documentation, from the domain file's source index. */
  readonly sources: readonly string[];
}

export interface Rule<M extends string = string> {
  /** Contract id, e.g. TLSNAME_NOT_FOUND; the file is its kebab-case (tlsname-not-found.ts). */
  readonly id: string;
  readonly title: string;
  readonly severity: Severity;
  readonly docs: RuleDocs;
  /** Message templates; `{name}` is replaced from the result's data. */
  readonly messages: Readonly<Record<M, string>>;
  readonly check: (ctx: RuleContext) => readonly RuleResult<M>[];
}

/** Everything a rule may look at, with the lookups rules share. */
export interface RuleContext {
  readonly inventory: Inventory;
  readonly selections: readonly Selection[];
  readonly asOf: Date;
  readonly ambiguities: readonly Ambiguity[];
  /** Certificates pasted for a server (undefined = the unnamed server). */
  certificatesOn(server: string | undefined): readonly Certificate[];
  /** `certificatesOn` with one certificate per thumbprint (`uniqueCertificates`), merged once per server. */
  uniqueCertificatesOn(server: string | undefined): readonly Certificate[];
  /**
   * Certificates listed by Get-ExchangeCertificate (installed on a server), one per server and thumbprint: a
   * certificate pasted as a table row and again with `| fl` is one certificate with everything both records told.
   */
  installedCertificates(): readonly Certificate[];
  /** Was anything about this server's certificates pasted? (distinguishes "not installed" from "not pasted") */
  hasCertificatesFor(server: string | undefined): boolean;
  versionOf(server: string | undefined): ExchangeVersion | undefined;
  isEdge(server: string | undefined): boolean | undefined;
  /** The hybrid configuration, when pasted. */
  readonly hybrid: HybridConfiguration | undefined;
  selectionsFor(connector: ReceiveConnector | SendConnector): readonly Selection[];
  /** Why a certificate counts as "referenced" (contract): named, selected, or the internal transport certificate. */
  referencesTo(cert: Certificate): readonly string[];
  /** Evidence of a type/code, for linking findings to what was pasted. */
  evidence(match: (e: Evidence) => boolean): readonly Evidence[];
}

export function defineRule<M extends string>(rule: Rule<M>): Rule<M> {
  return rule;
}
