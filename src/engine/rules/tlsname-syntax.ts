import type { Certificate } from "../../model/certificate";
import { nearDn } from "../../model/distinguished-name";
import { certificateNames, coversName } from "../../model/hostname";
import {
  type ParsedTlsCertificateName,
  parseTlsCertificateName,
  type TlsNameProblem,
  tlsNameProblem,
} from "../../model/tls-certificate-name";
import { type FixCommand, str } from "../fix/command";
import {
  certificateLabel,
  enableSmtp,
  inspectCertificates,
  RERUN_HCW,
  restartTransport,
  setConnectorTlsName,
  setHybridTlsName,
  tlsNameOf,
} from "../fix/steps";
import { listText } from "./lib/labels";
import { certificatesFor, type TlsNameValue, tlsNameValues } from "./lib/tls-name-values";
import type { FixStep, RuleContext, RuleResult } from "./types";
import { defineRule } from "./types";

type Messages = "receive" | "send" | "hybrid" | "planned" | "typographic" | "unquoted" | "expression";

/** Problems that only say the console cut the value; TLSNAME_TRUNCATED reports those. */
const CUT_EFFECTS: ReadonlySet<TlsNameProblem["code"]> = new Set([
  "truncated",
  "missing-subject-tag",
  "empty-subject",
  "unbalanced-quotes",
]);
const TYPOGRAPHIC = "‘’‚‛“”„‟«»";
const RECIPE =
  'build it from the certificate itself: $c = Get-ExchangeCertificate -Thumbprint <thumbprint>, then "<I>$($c.Issuer)<S>$($c.Subject)" (the documented recipe).';

/**
 * A TlsCertificateName that is not `<I>issuer<S>subject` (domain F4.1, F4.4,
 * F4.5) names no certificate: Exchange compares the text with issuer and
 * subject and has no fallback (F1.2.2). Pasted commands are checked before
 * they run; a run-time expression is only checked for its literal tags.
 */
export default defineRule<Messages>({
  id: "TLSNAME_SYNTAX",
  title: "TlsCertificateName is not a well-formed <I>issuer<S>subject",
  severity: "error",
  docs: {
    summary:
      "A TlsCertificateName value (connector, hybrid configuration or a pasted Set-* command) is not of the form <I>issuer<S>subject.",
    behaviour:
      "Exchange reads TlsCertificateName as <I> followed by the certificate's issuer and <S> followed by its subject, exactly as Get-ExchangeCertificate prints them (tags in any case). The Exchange 2013 help once documented [I]…[S]… by mistake, and values copied from web pages lose their tags, gain a closing </S> or typographic quotes, or have issuer and subject swapped. Such a value matches no certificate, and with TlsCertificateName set Exchange never falls back to the connector's FQDN: a receive connector stops offering STARTTLS (event 12014) and a send connector fails with 454 4.7.5. The error Set-ReceiveConnector gives for a malformed value is not documented.",
    fix: 'Build the value from the certificate itself ($c = Get-ExchangeCertificate -Thumbprint …; "<I>$($c.Issuer)<S>$($c.Subject)") and set it again; certflow rebuilds it from the certificate the value evidently meant when one installed certificate nearly matches.',
    facts: ["F4.1", "F4.3", "F4.4", "F4.5", "F4.6", "F1.2.2", "D9", "Q2"],
    sources: [
      "https://learn.microsoft.com/en-us/powershell/module/exchangepowershell/set-receiveconnector",
      "https://learn.microsoft.com/en-us/powershell/module/exchangepowershell/set-sendconnector",
      "https://github.com/microsoft/CSS-Exchange/issues/919",
      "https://practical365.com/configuring-the-tls-certificate-name-for-exchange-server-receive-connectors/",
    ],
  },
  messages: {
    receive:
      "TlsCertificateName of {owner} is {value}, which is not a well-formed <I>issuer<S>subject. {problems} It matches no certificate, so the connector offers no STARTTLS (event 12014 names this value). {meant}",
    send: "TlsCertificateName of {owner} is {value}, which is not a well-formed <I>issuer<S>subject. {problems} It matches no certificate, so mail through the connector fails with 454 4.7.5. {meant}",
    hybrid:
      "TlsCertificateName of {owner} is {value}, which is not a well-formed <I>issuer<S>subject. {problems} It matches no certificate, so the wizard and the hybrid connectors cannot use it. {meant}",
    planned:
      "The pasted command {owner} sets TlsCertificateName to {value}, which is not a well-formed <I>issuer<S>subject. {problems} Run as typed, it names no certificate (or is refused; the exact error is not documented). {meant}",
    typographic:
      "The pasted command {owner} wraps TlsCertificateName in typographic quotes ({quotes}), as copied from a web page or a document. The console accepts them as quotes, but other shells and tools, or a script saved without a byte-order mark and run in Windows PowerShell 5.1, keep them as part of the value, which then matches no certificate. Type straight quotes instead. {meant}",
    unquoted:
      "The pasted command {owner} passes TlsCertificateName without quotes, so PowerShell splits it at the commas into {parts} pieces instead of one <I>issuer<S>subject string. Put the whole value in single quotes. {meant}",
    expression:
      'The pasted command {owner} builds TlsCertificateName as {value}, whose literal part is not <I>…<S>…: {problems} Build it as "<I>$($c.Issuer)<S>$($c.Subject)" from $c = Get-ExchangeCertificate -Thumbprint <thumbprint>.',
  },
  check(ctx) {
    const results: RuleResult<Messages>[] = [];
    for (const v of tlsNameValues(ctx)) {
      const result = v.owner.kind === "planned" ? checkPlanned(ctx, v) : checkStored(ctx, v);
      if (result) results.push(result);
    }
    return results;
  },
});

function checkStored(ctx: RuleContext, v: TlsNameValue): RuleResult<Messages> | undefined {
  const parsed = parseTlsCertificateName(v.value);
  const problems = syntaxProblems(parsed, v.cut);
  if (problems.length === 0) return undefined;
  const meant = meantCertificate(v.value, parsed, certificatesFor(ctx, v));
  return {
    messageId: v.owner.kind === "receive" ? "receive" : v.owner.kind === "send" ? "send" : "hybrid",
    data: {
      owner: v.ownerText,
      value: v.value,
      problems: problems.map((p) => p.message).join(" "),
      meant: meantText(meant),
    },
    server: v.server,
    connector: v.connector,
    thumbprint: meant?.thumbprint,
    sources: [v.source],
    fix: fixFor(v, meant),
    explains: ctx.evidence(
      (e) => e.code === "12014" && e.facts.lookedFor?.trim().toLowerCase() === v.value.toLowerCase(),
    ),
  };
}

function checkPlanned(ctx: RuleContext, v: TlsNameValue): RuleResult<Messages> | undefined {
  if (v.owner.kind !== "planned") return undefined;
  const { parameter } = v.owner;
  const base = { server: v.server, connector: v.connector, sources: [v.source] } as const;
  if (parameter.type === "list") {
    const joined = parameter.values.join(", ");
    const meant = meantCertificate(joined, parseTlsCertificateName(joined), certificatesFor(ctx, v));
    return {
      ...base,
      messageId: "unquoted",
      data: { owner: v.ownerText, parts: parameter.values.length, meant: meantText(meant) },
      thumbprint: meant?.thumbprint,
      fix: fixFor(v, meant),
    };
  }
  if (parameter.type === "expression") {
    const problems = expressionProblems(parameter.text);
    if (problems.length === 0) return undefined;
    return {
      ...base,
      messageId: "expression",
      data: { owner: v.ownerText, value: parameter.text, problems: problems.map((p) => p.message).join(" ") },
      fix: [inspectCertificates(v.server)],
    };
  }
  if (parameter.type !== "string") return undefined;
  const parsed = parseTlsCertificateName(v.value);
  const problems = syntaxProblems(parsed, v.cut);
  const typographic = parameter.quote === "typographic";
  if (problems.length === 0 && !typographic) return undefined;
  const meant = meantCertificate(v.value, parsed, certificatesFor(ctx, v));
  if (problems.length === 0) {
    return {
      ...base,
      messageId: "typographic",
      data: { owner: v.ownerText, quotes: quotesIn(v.owner.command.raw), meant: meantText(meant) },
      thumbprint: meant?.thumbprint,
      fix: fixFor(v, meant),
    };
  }
  const quoteNote = typographic ? ["The value is also wrapped in typographic quotes; type straight quotes."] : [];
  return {
    ...base,
    messageId: "planned",
    data: {
      owner: v.ownerText,
      value: v.value,
      problems: [...problems.map((p) => p.message), ...quoteNote].join(" "),
      meant: meantText(meant),
    },
    thumbprint: meant?.thumbprint,
    fix: fixFor(v, meant),
  };
}

function syntaxProblems(parsed: ParsedTlsCertificateName, cut: boolean): TlsNameProblem[] {
  if (parsed.ok) return [];
  const isCut = cut || parsed.problems.some((p) => p.code === "truncated");
  return parsed.problems.filter((p) => !(isCut && CUT_EFFECTS.has(p.code)));
}

/**
 * The literal skeleton of a double-quoted string with `$(…)`/`$var` parts
 * (each replaced by `X`): `"<I>$($c.Issuer)<S>$($c.Subject)"` is fine, a lone
 * variable cannot be judged, `"$($c.Issuer)$($c.Subject)"` lost its tags.
 */
function expressionProblems(text: string): TlsNameProblem[] {
  const inner = /^"(.*)"$/s.exec(text.trim())?.[1];
  if (inner === undefined) return [];
  const pieces = { count: 0 };
  const skeleton = replaceSubexpressions(inner, pieces).trim();
  if (skeleton === "X" || skeleton === "") return [];
  const parsed = parseTlsCertificateName(skeleton);
  if (parsed.ok) return [];
  return parsed.problems
    .filter((p) => p.code !== "truncated")
    .map((p) => (p.code === "no-tags" && pieces.count >= 2 ? tlsNameProblem("run-together") : p));
}

function replaceSubexpressions(text: string, pieces: { count: number }): string {
  let out = "";
  let i = 0;
  while (i < text.length) {
    if (text.startsWith("$(", i)) {
      let depth = 0;
      let j = i + 1;
      for (; j < text.length; j++) {
        if (text.charAt(j) === "(") depth++;
        else if (text.charAt(j) === ")" && --depth === 0) break;
      }
      out += "X";
      pieces.count++;
      i = j + 1;
      continue;
    }
    const variable = /^\$(?:\{[^}]*\}|[A-Za-z_][\w:]*(?:\.\w+)*)/.exec(text.slice(i));
    if (variable) {
      out += "X";
      pieces.count++;
      i += variable[0].length;
      continue;
    }
    out += text.charAt(i);
    i++;
  }
  return out;
}

function quotesIn(raw: string): string {
  return [...new Set([...raw].filter((ch) => TYPOGRAPHIC.includes(ch)))].join(" ");
}

/**
 * The certificate a malformed value evidently meant: the one installed
 * certificate whose issuer and subject nearly equal the parts that could be
 * read (order, spacing, case and quoting ignored); for a value without tags,
 * the one whose issuer and subject run together, whose subject, or whose host
 * names equal it. Several candidates mean no guess.
 */
function meantCertificate(
  value: string,
  parsed: ParsedTlsCertificateName,
  certs: readonly Certificate[],
): Certificate | undefined {
  const whole = certs.filter(
    (c) => c.issuer && c.subject && !c.truncated.includes("issuer") && !c.truncated.includes("subject"),
  );
  const { issuer, subject } = parsed;
  let found: Certificate[];
  if (issuer !== undefined || subject !== undefined) {
    found = whole.filter(
      (c) =>
        (subject === undefined || nearDn(c.subject ?? "", subject)) &&
        (issuer === undefined || nearDn(c.issuer ?? "", issuer)),
    );
  } else {
    const flat = compact(value);
    found = whole.filter((c) =>
      [`${c.issuer}${c.subject}`, `${c.subject}${c.issuer}`, c.subject ?? ""].some((x) => compact(x) === flat),
    );
    if (found.length === 0 && /^[\w*.-]+\.[\w-]+$/.test(value.trim())) {
      found = whole.filter(
        (c) => c.selfSigned === false && certificateNames(c).some((n) => coversName(n, value.trim())),
      );
    }
  }
  const byValue = new Map<string, Certificate>();
  for (const c of found) {
    const key = tlsNameOf(c)?.toLowerCase();
    if (key !== undefined && !byValue.has(key)) byValue.set(key, c);
  }
  const [only] = byValue.values();
  return byValue.size === 1 ? only : undefined;
}

function compact(text: string): string {
  return [...text]
    .filter((ch) => !/\s/.test(ch) && ch !== '"' && !TYPOGRAPHIC.includes(ch))
    .join("")
    .toLowerCase();
}

function meantText(cert: Certificate | undefined): string {
  if (cert === undefined) return `No installed certificate nearly matches the parts that can be read; ${RECIPE}`;
  return `It evidently means ${certificateLabel(cert)}${cert.server ? ` on ${cert.server}` : ""}: the fix rebuilds the value from that certificate's issuer and subject.`;
}

function fixFor(v: TlsNameValue, cert: Certificate | undefined): FixStep[] {
  if (cert === undefined) {
    const servers = v.servers ?? [undefined];
    return servers.map((s) => inspectCertificates(s));
  }
  const enable = cert.services !== undefined && !cert.services.includes("SMTP") ? enableSmtp(cert) : undefined;
  const steps: FixStep[] = enable ? [enable] : [];
  const { owner } = v;
  switch (owner.kind) {
    case "receive": {
      const set = setConnectorTlsName(owner.connector, cert);
      if (set) steps.push(set);
      steps.push(restartTransport(owner.connector.server, owner.connector.transportRole !== "HubTransport"));
      return steps;
    }
    case "send": {
      const set = setConnectorTlsName(owner.connector, cert);
      if (set) steps.push(set);
      for (const server of owner.connector.sourceTransportServers ?? []) steps.push(restartTransport(server, false));
      return steps;
    }
    case "hybrid": {
      const set = setHybridTlsName(cert);
      if (set) steps.push(set);
      steps.push(RERUN_HCW);
      return steps;
    }
    case "planned": {
      const value = tlsNameOf(cert);
      const { command } = owner;
      if (value === undefined || command.cmdlet === "Enable-ExchangeCertificate") return steps;
      const corrected: FixCommand = {
        cmdlet: command.cmdlet,
        ...(command.identity ? { identity: command.identity } : {}),
        parameters: [["TlsCertificateName", str(value)]],
      };
      steps.push({
        phase: command.cmdlet === "Set-HybridConfiguration" ? "hybrid" : "connector",
        why: `Run the pasted ${command.cmdlet} with the value built from ${certificateLabel(cert)} (straight quotes, issuer and subject exactly as Get-ExchangeCertificate prints them${
          v.servers ? ` on ${listText(v.servers)}` : ""
        }).`,
        commands: [corrected],
      });
      return steps;
    }
  }
}
