import type { Evidence } from "../../model/evidence";
import type { Line } from "../lines";
import { type FactsDraft, makeEvidence } from "./make-evidence";
import { isForeign, view } from "./message-view";
import { setNamed } from "./named-fact";
import type { ArtifactClaim } from "./types";

/**
 * HealthChecker console lines about connectors (tab-indented `Label: value`),
 * e.g. its ExoConnectorCheck: `Send Connector - <name>: Misconfigured …` with
 * `CloudServicesMailEnabled: True` and `TLSCertificateName set: False` under it.
 */

const START =
  /^\s*(?:EXO Connector Present:|(?:Send|Receive) Connector - .{1,200}?:|CloudServicesMailEnabled:|TLSCertificateName set:|More Information:\s*https:\/\/aka\.ms\/HC-)/i;
const CONNECTOR = /^\s*(?:Send|Receive) Connector - (.{1,200}?):\s*(.*)$/i;
const LABEL_LINE = /^\s*[A-Za-z][^:]{0,80}:(?:\s|$)/;

interface Section {
  readonly lines: Line[];
  readonly connector: string;
  readonly status: string;
  readonly values: Map<string, string>;
}

function sectionEvidence(section: Section): Evidence {
  const facts: FactsDraft = {};
  setNamed(facts, "connector", "connector", section.connector);
  const tlsName = section.values.get("tlscertificatename set");
  const code =
    tlsName !== undefined && /^false$/i.test(tlsName)
      ? "TlsCertificateNameNotSet"
      : /misconfigured/i.test(section.status)
        ? "Misconfigured"
        : undefined;
  return makeEvidence({
    type: "healthchecker",
    code,
    text: section.lines.map((l) => l.text.trim()).join("\n"),
    facts,
    startLine: section.lines[0]?.no ?? 0,
    endLine: section.lines[section.lines.length - 1]?.no ?? 0,
  });
}

export function claimHealthChecker(lines: readonly Line[], start: number): ArtifactClaim | null {
  if (!START.test(view(lines[start])) || isForeign(lines, start)) return null;
  const sections: Section[] = [];
  let i = start;
  while (i < lines.length) {
    const line = lines[i];
    const t = view(line);
    if (line === undefined || t.trim() === "") break;
    if (i > start && (isForeign(lines, i) || !LABEL_LINE.test(t))) break;
    const connector = CONNECTOR.exec(t);
    if (connector?.[1] !== undefined) {
      sections.push({ lines: [line], connector: connector[1], status: connector[2] ?? "", values: new Map() });
    } else {
      const current = sections[sections.length - 1];
      const pair = /^\s*([^:]{1,80}):\s*(.*)$/.exec(t);
      if (current !== undefined && pair?.[1] !== undefined) {
        current.lines.push(line);
        current.values.set(pair[1].trim().toLowerCase(), (pair[2] ?? "").trim());
      }
    }
    i++;
  }
  return { format: "message", endIndex: i, evidence: sections.map(sectionEvidence), unread: [] };
}
