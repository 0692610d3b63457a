import type { Line } from "../lines";
import { type FactsDraft, makeEvidence } from "./make-evidence";
import { isForeign, nextNonBlank, view } from "./message-view";
import { readPsErrorRecord } from "./ps-error";
import { setThumbprint } from "./thumbprint-fact";
import type { ArtifactClaim } from "./types";

/**
 * `Get-ChildItem Cert:\LocalMachine\My\<thumb> | Test-Certificate` output:
 * the command (when pasted without a prompt), `WARNING: Chain status:` with the
 * CERT_TRUST_* flags, the `Test-Certificate : …` error record, `True`/`False`.
 */

const COMMAND = /\|\s*Test-Certificate\b/i;
const WARNING = /^\s*WARNING:\s*Chain status:/i;
const FLAG = /^\s*(CERT_TRUST_[A-Z_]+)\s*$/;
const ERROR = /^\s*Test-Certificate\s*:/i;
const RESULT = /^\s*(True|False)\s*$/;

function isPart(text: string): boolean {
  return COMMAND.test(text) || WARNING.test(text) || FLAG.test(text) || ERROR.test(text) || RESULT.test(text);
}

export function claimTestCertificate(lines: readonly Line[], start: number): ArtifactClaim | null {
  const first = view(lines[start]);
  if (!(COMMAND.test(first) || WARNING.test(first) || ERROR.test(first)) || isForeign(lines, start)) return null;
  const facts: FactsDraft = {};
  const flags: string[] = [];
  const text: string[] = [];
  let code: string | undefined;
  let i = start;
  let end = start;
  while (i < lines.length) {
    const t = view(lines[i]);
    if (t.trim() === "") {
      const j = nextNonBlank(lines, i);
      if (j >= lines.length || !isPart(view(lines[j])) || COMMAND.test(view(lines[j]))) break;
      i = j;
      continue;
    }
    if (i > start && (isForeign(lines, i) || !isPart(t))) break;
    if (COMMAND.test(t)) {
      if (i > start) break;
      const thumb = /Cert:\\+LocalMachine\\+My\\+([0-9A-Fa-f*xX]{8,40})\b/i.exec(t)?.[1];
      if (thumb !== undefined) setThumbprint(facts, thumb);
      i++;
    } else if (ERROR.test(t)) {
      const record = readPsErrorRecord(lines, i);
      const message = record?.message ?? t.trim();
      code = /\b((?:CRYPT|CERT|TRUST)_E_[A-Z_]+)\b/.exec(message)?.[1] ?? code;
      text.push(message);
      i = record?.end ?? i + 1;
    } else {
      const flag = FLAG.exec(t)?.[1];
      if (flag !== undefined) flags.push(flag);
      const result = RESULT.exec(t)?.[1];
      if (result !== undefined) code ??= result === "True" ? "valid" : "invalid";
      text.push(t.trim());
      i++;
    }
    end = i;
  }
  facts.chainStatus = flags;
  const firstLine = lines[start];
  const lastLine = lines[end - 1];
  if (firstLine === undefined || lastLine === undefined) return null;
  const evidence = makeEvidence({
    type: "chain-test",
    code: code ?? (flags.length > 0 ? "chain-status" : undefined),
    text: text.join("\n"),
    facts,
    startLine: firstLine.no,
    endLine: lastLine.no,
  });
  return { format: "message", endIndex: end, evidence: [evidence], unread: [] };
}
