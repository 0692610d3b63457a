import type { Certificate } from "../../model/certificate";
import { parseTlsCertificateName } from "../../model/tls-certificate-name";
import {
  certificateLabel,
  connectorIdentity,
  INSPECT_HYBRID,
  inspectReceiveConnectors,
  inspectSendConnectors,
} from "../fix/steps";
import { listText } from "./lib/labels";
import { certificatesFor, type TlsNameValue, tlsNameValues } from "./lib/tls-name-values";
import type { FixStep, RuleContext, RuleResult } from "./types";
import { defineRule } from "./types";

type Messages = "one" | "several" | "none" | "unknown" | "planned";

const ELLIPSIS_END = /(?:\.\.\.|…)\s*$/;

/**
 * A TlsCertificateName the console cut (sample 31: Format-Table or a narrow
 * window drops the end, with or without `...`). Exchange compares the whole
 * value (domain F4.6), so a cut one can only be compared by its start; the
 * selection does that and says so, this finding asks for the whole value.
 */
export default defineRule<Messages>({
  id: "TLSNAME_TRUNCATED",
  title: "TlsCertificateName is cut off in the paste",
  severity: "info",
  docs: {
    summary:
      "A TlsCertificateName value looks cut off by the console (ends in … or ..., a dangling comma, or past the window width), so it cannot be checked exactly.",
    behaviour:
      "Exchange matches TlsCertificateName against the whole issuer and subject of each certificate. PowerShell's table view and narrow console windows cut long values, sometimes without any '...' marker, so a pasted value may only be its beginning. certflow then compares only the visible start with the installed certificates and cannot rule out a mismatch further on.",
    fix: "Paste the object again with Format-List (which wraps long values instead of cutting them), e.g. Get-ReceiveConnector '<server>\\<name>' | Format-List, or widen the console.",
    facts: ["F4.5", "F4.6", "F6.1.4"],
    sources: [
      "https://learn.microsoft.com/en-us/powershell/module/exchangepowershell/set-receiveconnector",
      "https://learn.microsoft.com/en-us/powershell/module/exchangepowershell/set-hybridconfiguration",
    ],
  },
  messages: {
    one: "TlsCertificateName of {owner} is cut off by the console: the paste shows only “{value}”, so certflow cannot check it exactly (Exchange compares the whole value). Its visible start fits only {certificate}, which it probably names. Paste the Format-List output the fix shows: it wraps long values instead of cutting them.",
    several:
      "TlsCertificateName of {owner} is cut off by the console: the paste shows only “{value}”, so certflow cannot check it exactly (Exchange compares the whole value). Its visible start fits {count} installed certificates ({certificates}), so which one it names cannot be told. Paste the Format-List output the fix shows: it wraps long values instead of cutting them.",
    none: "TlsCertificateName of {owner} is cut off by the console: the paste shows only “{value}”, so certflow cannot check it exactly (Exchange compares the whole value). No pasted certificate of {servers} even starts like it. Paste the Format-List output the fix shows: it wraps long values instead of cutting them.",
    unknown:
      "TlsCertificateName of {owner} is cut off by the console: the paste shows only “{value}”, so certflow cannot check it exactly (Exchange compares the whole value), and no certificates of {servers} are in the paste to compare its start with. Paste the Format-List output the fix shows, and Get-ExchangeCertificate | Format-List.",
    planned:
      "The pasted command {owner} has a TlsCertificateName cut off at “{value}”, so certflow cannot check what it would set. Paste the whole command.",
  },
  check(ctx) {
    const results: RuleResult<Messages>[] = [];
    for (const v of tlsNameValues(ctx)) {
      if (v.owner.kind === "planned" && v.owner.parameter.type !== "string") continue;
      if (!isCut(v)) continue;
      results.push(resultFor(ctx, v));
    }
    return results;
  },
});

function isCut(v: TlsNameValue): boolean {
  if (v.cut) return true;
  const parsed = parseTlsCertificateName(v.value);
  return !parsed.ok && parsed.problems.some((p) => p.code === "truncated");
}

function resultFor(ctx: RuleContext, v: TlsNameValue): RuleResult<Messages> {
  const base = { server: v.server, connector: v.connector, sources: [v.source] } as const;
  if (v.owner.kind === "planned")
    return { ...base, messageId: "planned", data: { owner: v.ownerText, value: v.value } };
  const installed = certificatesFor(ctx, v);
  const fitting = startsLike(v.value, installed);
  const data = { owner: v.ownerText, value: v.value, servers: v.servers ? listText(v.servers) : "any server" };
  const fix = [inspectStep(v)];
  const [only] = fitting;
  if (installed.length === 0) return { ...base, messageId: "unknown", data, fix };
  if (fitting.length === 0) return { ...base, messageId: "none", data, fix };
  if (only !== undefined && fitting.length === 1) {
    return {
      ...base,
      messageId: "one",
      data: { ...data, certificate: certificateLabel(only) },
      thumbprint: only.thumbprint,
      fix,
    };
  }
  return {
    ...base,
    messageId: "several",
    data: { ...data, count: fitting.length, certificates: listText(fitting.map(certificateLabel)) },
    fix,
  };
}

/** Certificates whose `<I>issuer<S>subject` starts with the visible part (one per distinct value). */
function startsLike(value: string, certs: readonly Certificate[]): Certificate[] {
  const prefix = value.replace(ELLIPSIS_END, "").trim().toLowerCase();
  const byValue = new Map<string, Certificate>();
  for (const c of certs) {
    if (c.issuer === undefined || c.subject === undefined) continue;
    const whole = `<i>${c.issuer}<s>${c.subject}`.toLowerCase();
    if (whole.startsWith(prefix) && !byValue.has(whole)) byValue.set(whole, c);
  }
  return [...byValue.values()];
}

function inspectStep(v: TlsNameValue): FixStep {
  switch (v.owner.kind) {
    case "receive":
      return inspectReceiveConnectors(v.owner.connector.server, connectorIdentity(v.owner.connector));
    case "send":
      return inspectSendConnectors(connectorIdentity(v.owner.connector));
    default:
      return INSPECT_HYBRID;
  }
}
