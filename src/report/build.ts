import type { EngineResult } from "../engine/engine";
import { explainEvidence } from "../engine/evidence/explain";
import { renderPowerShell } from "../engine/fix/powershell";
import type { Finding } from "../engine/run";
import type { Selection } from "../engine/select/types";
import type { Certificate } from "../model/certificate";
import type { ReceiveConnector, SendConnector } from "../model/connector";
import type { Evidence } from "../model/evidence";
import type { SourceSpan } from "../model/source";
import type { ParseResult } from "../parse/types";
import type { Report, ReportCertificate, ReportConnector, ReportFinding, ReportSelection } from "./types";

/** Builds the contract report (schemaVersion 1) from what the stages produced. */
export function buildReport(parsed: ParseResult, engine: EngineResult, asOf: string): Report {
  const inv = parsed.inventory;
  const { selections, findings, fixPlan } = engine;
  const rulesExplaining = explainers(findings);
  return {
    schemaVersion: 1,
    asOf,
    blocks: parsed.blocks.map((b) => ({
      cmdlet: b.cmdlet,
      format: b.format,
      startLine: b.startLine,
      endLine: b.endLine,
      records: b.records,
      server: b.server ?? null,
    })),
    unrecognized: parsed.unrecognized,
    certificates: inv.certificates.map(certificateOf),
    connectors: [...inv.receiveConnectors.map(receiveOf), ...inv.sendConnectors.map(sendOf)],
    selections: selections.map(selectionOf),
    findings: findings.map(findingOf),
    evidence: inv.evidence.map((e) => {
      const { meaning, next } = explainEvidence(e);
      return {
        kind: e.type,
        code: e.code ?? null,
        startLine: e.source.startLine,
        endLine: e.source.endLine,
        explainedBy: [...new Set(rulesExplaining.get(e))].sort(),
        meaning,
        next: next ?? null,
      };
    }),
    fixPlan: fixPlan.map((p) => ({
      step: p.step,
      why: p.why,
      commands: p.commands,
      ...(p.warning ? { warning: p.warning } : {}),
    })),
  };
}

function findingOf(f: Finding): ReportFinding {
  return {
    rule: f.rule,
    title: f.title,
    severity: f.severity,
    message: f.message,
    server: f.server ?? null,
    connector: f.connector ?? null,
    thumbprint: f.thumbprint ?? null,
    basis: f.basis,
    lines: linesOf(f.sources),
    fix: f.fix.flatMap((step) => step.commands.map(renderPowerShell)),
  };
}

/**
 * Every line the spans cover, once, ascending. Spans are walked in order of their first line, each giving only the
 * lines past those already given: a role's finding spans every server's connector, and listing each line before
 * sorting them all cost more than the rest of the report.
 */
function linesOf(spans: readonly SourceSpan[]): number[] {
  const ordered = isByStart(spans) ? spans : [...spans].sort((a, b) => a.startLine - b.startLine);
  const lines: number[] = [];
  // Every line before `next` that the spans so far cover is given already: a span starting earlier reached it.
  let next = Number.NEGATIVE_INFINITY;
  for (const { startLine, endLine } of ordered) {
    for (let n = Math.max(startLine, next); n <= endLine; n++) lines.push(n);
    if (endLine >= next) next = endLine + 1;
  }
  return lines;
}

function isByStart(spans: readonly SourceSpan[]): boolean {
  for (let i = 1; i < spans.length; i++) if ((spans[i - 1]?.startLine ?? 0) > (spans[i]?.startLine ?? 0)) return false;
  return true;
}

/**
 * The rules of the findings that explain each piece of evidence, gathered in one pass over the findings. Rules hand
 * the findings of one check the same list when they explain the same entries (every connector without STARTTLS
 * explains every event 12014): each list is walked once per rule, not once per finding, which grew with findings
 * times entries.
 */
function explainers(findings: readonly Finding[]): ReadonlyMap<Evidence, readonly string[]> {
  const rules = new Map<Evidence, string[]>();
  const walked = new Map<string, Set<readonly Evidence[]>>();
  for (const f of findings) {
    if (f.explains.length === 0) continue;
    let lists = walked.get(f.rule);
    if (lists === undefined) {
      lists = new Set();
      walked.set(f.rule, lists);
    }
    if (lists.has(f.explains)) continue;
    lists.add(f.explains);
    for (const e of f.explains) {
      const list = rules.get(e);
      if (list === undefined) rules.set(e, [f.rule]);
      else list.push(f.rule);
    }
  }
  return rules;
}

function certificateOf(c: Certificate): ReportCertificate {
  return {
    server: c.server ?? null,
    thumbprint: c.thumbprint ?? null,
    subject: c.subject ?? null,
    issuer: c.issuer ?? null,
    domains: c.domains ?? [],
    services: c.services ?? [],
    notBefore: c.notBefore?.iso ?? null,
    notAfter: c.notAfter?.iso ?? null,
    selfSigned: c.selfSigned ?? null,
    hasPrivateKey: c.hasPrivateKey ?? null,
    status: c.status ?? null,
    rootCAType: c.rootCAType ?? null,
    truncated: c.truncated,
    lines: [c.source.startLine, c.source.endLine],
  };
}

function receiveOf(c: ReceiveConnector): ReportConnector {
  return {
    server: c.server ?? null,
    name: c.name ?? null,
    direction: "receive",
    fqdn: c.fqdn ?? null,
    tlsCertificateName: c.tlsCertificateName ?? null,
    bindings: c.bindings ?? [],
    authMechanism: c.authMechanism ?? null,
    truncated: c.truncated,
    lines: [c.source.startLine, c.source.endLine],
  };
}

function sendOf(c: SendConnector): ReportConnector {
  return {
    server: c.sourceTransportServers?.join(", ") ?? null,
    name: c.name ?? null,
    direction: "send",
    fqdn: c.fqdn ?? null,
    tlsCertificateName: c.tlsCertificateName ?? null,
    bindings: [],
    authMechanism: null,
    truncated: c.truncated,
    lines: [c.source.startLine, c.source.endLine],
  };
}

function selectionOf(s: Selection): ReportSelection {
  return {
    server: s.server ?? null,
    connector: s.connector,
    direction: s.direction,
    fqdn: s.fqdn ?? null,
    certificate: s.certificate?.thumbprint ?? null,
    starttls: s.starttls,
    via: s.via,
    // A selection step has the report's shape already, key for key (`makeStep` leaves out an absent caveat), so
    // the trace (most of a large report) is handed on rather than copied step by step.
    steps: s.steps,
  };
}
