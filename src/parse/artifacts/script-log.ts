import type { Line } from "../lines";
import { type FactsDraft, makeEvidence } from "./make-evidence";
import { isForeign, view } from "./message-view";
import { setThumbprint } from "./thumbprint-fact";
import type { ArtifactClaim } from "./types";

/**
 * Script logs such as win-acme's (`[VERB] …`, `[EROR] Script error: …`),
 * often quoted with `> ` and with mojibake from a console code page. Reports
 * the Exchange cmdlet the script says failed and the certificate it was given.
 */

const LOG_LINE = /^\s*\[(?:VERB|EROR|ERROR|INFO|WARN|WARNING|DBUG|DEBUG)\]\s/;

export function claimScriptLog(lines: readonly Line[], start: number): ArtifactClaim | null {
  if (!LOG_LINE.test(view(lines[start])) || isForeign(lines, start)) return null;
  let i = start;
  const errors: Line[] = [];
  while (i < lines.length && LOG_LINE.test(view(lines[i]))) {
    const line = lines[i];
    if (line !== undefined && /^\s*\[(?:EROR|ERROR)\]/.test(view(line))) errors.push(line);
    i++;
  }
  const all = lines.slice(start, i).map(view).join("\n");
  const cmdlet = /\bError in ([A-Z][a-z]+-[A-Za-z]+)/.exec(all)?.[1];
  const first = errors[0];
  const last = errors[errors.length - 1];
  if (cmdlet === undefined || first === undefined || last === undefined) {
    return { format: "message", endIndex: i, evidence: [], unread: [] };
  }
  const facts: FactsDraft = {};
  const thumb = /'([0-9A-Fa-f]{40})'/.exec(all)?.[1];
  if (thumb !== undefined) setThumbprint(facts, thumb);
  const evidence = makeEvidence({
    type: "cmdlet-error",
    code: cmdlet,
    text: errors.map((l) => view(l).trim()).join("\n"),
    facts,
    startLine: first.no,
    endLine: last.no,
  });
  return { format: "message", endIndex: i, evidence: [evidence], unread: [] };
}
