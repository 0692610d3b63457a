import { isGenericLabel } from "./redact-domains";

/**
 * Server names are single words, so unlike domain names they cannot be recognised by shape: they are collected
 * from the places Exchange output puts them, then replaced wherever they occur as a whole word.
 */

/** Words that name a role or a value rather than a machine or an organisation, wherever they stand. */
const COMMON_WORDS = new Set([
  "exchange",
  "server",
  "servers",
  "mail",
  "smtp",
  "edge",
  "hub",
  "mailbox",
  "frontend",
  "backend",
  "default",
  "client",
  "internal",
  "external",
  "transport",
  "outlook",
  "office",
  "microsoft",
  "localhost",
  "local",
  "true",
  "false",
  "null",
  "none",
  "name",
  "identity",
  "all",
  "unknown",
  "domain",
]);

const NAME = "[A-Za-z0-9][\\w-]{0,62}";
const HOST = "[A-Za-z0-9][\\w.-]*";

/** Each pattern's first group is a server name or a host name whose first label is one. */
const SERVER_PLACES: readonly RegExp[] = [
  new RegExp(
    `^[ \\t]*(?:Server|ServerName|MachineName|ComputerName|PSComputerName|Computer|OriginatingServer)[ \\t]*:[ \\t]*(${HOST})[ \\t]*$`,
    "gim",
  ),
  new RegExp(`\\bComputer:[ \\t]*(${HOST})`, "gi"),
  new RegExp(`\\b(?:Identity|Server)[ \\t]*:[ \\t]*(${NAME})\\\\`, "gi"),
  // `EX01\Default Frontend EX01`: connector identities in tables and protocol logs end with their server's name.
  new RegExp(`(?<![\\w-])(${NAME})\\\\[^\\r\\n,\\\\"]*?[ \\t]\\1(?![\\w-])`, "gi"),
  new RegExp(`-(?:Server|ComputerName)[ \\t]+['"]?(${HOST})`, "gi"),
  new RegExp(`-Identity[ \\t]+['"]?(${NAME})\\\\`, "gi"),
  new RegExp(
    `\\bGet-(?:TransportService|ExchangeServer|FrontendTransportService|MailboxTransportService|TransportServer)[ \\t]+['"]?(${HOST})`,
    "gi",
  ),
  /\bon server[ \t]+([A-Za-z0-9-]*\d[A-Za-z0-9-]*)\b/gi,
  new RegExp(`^\\[(${HOST})\\]:[ \\t]*PS\\b`, "gim"),
  new RegExp(`^[ \\t]*[A-Za-z_][\\w.-]*@(${NAME}):`, "gm"),
  // `Subject : CN=EX01`, `Presented Subject: CN=EX01.`: a subject that is only a one-word CN names a server.
  new RegExp(`\\b(?:Subject|Issuer)[ \\t]*[:=][ \\t]*CN=(${NAME})(?=[ \\t]*(?:$|[.;"\\]]))`, "gim"),
  // A Get-ExchangeCertificate table row whose subject is only `CN=<server>`: the self-signed certificate.
  new RegExp(`^[ \\t*]*[0-9A-F]{40}[ \\t]+\\S+[ \\t]+CN=(${NAME})[ \\t]*$`, "gim"),
];

/** Properties that list servers: `{EX01, EX02}` or `EX01, EX02`. */
const SERVER_LISTS =
  /^[ \t]*(?:SourceTransportServers|ReceivingTransportServers|SendingTransportServers|EdgeTransportServers|CertificateDomains)[ \t]*:[ \t]*\{?([^}\r\n]*)/gim;

const NAME_PROPERTY = new RegExp(`^[ \\t]*Name[ \\t]*:[ \\t]*(${NAME})[ \\t]*$`, "gim");
const FQDN_PROPERTY = new RegExp(`^[ \\t]*Fqdn[ \\t]*:[ \\t]*(${HOST})`, "gim");
/** A host under a domain (at least three labels): its first label can be a machine's name. */
const HOST_NAME = /(?<![\w.@-])([A-Za-z0-9][\w-]*)\.(?:[A-Za-z0-9][\w-]*\.)+[A-Za-z][\w-]*[A-Za-z0-9](?![\w-])/g;

export function isCommonWord(word: string): boolean {
  const lower = word.toLowerCase();
  return COMMON_WORDS.has(lower) || isGenericLabel(lower);
}

function firstLabel(host: string): string {
  return host.split(".")[0] ?? "";
}

function plausible(name: string): boolean {
  const lower = name.toLowerCase();
  return (
    name.length >= 2 &&
    /[A-Za-z]/.test(name) &&
    !isCommonWord(lower) &&
    !lower.startsWith("wmsvc-") &&
    !/^[0-9a-f]{16,}$/i.test(name)
  );
}

/** The server names a paste reveals, lower case. */
export function findServerNames(text: string, extra: readonly string[] = []): Set<string> {
  const found: string[] = [...extra.map(firstLabel)];
  for (const pattern of SERVER_PLACES) for (const m of text.matchAll(pattern)) found.push(firstLabel(m[1] ?? ""));
  for (const m of text.matchAll(SERVER_LISTS)) {
    for (const item of (m[1] ?? "").split(/[,;]/)) {
      const name = item.trim();
      // CertificateDomains also lists host names; only its one-label entries are NetBIOS server names.
      if (/^[A-Za-z0-9][\w-]*$/.test(name)) found.push(name);
      else if (!m[0].toLowerCase().includes("certificatedomains") && /^[A-Za-z0-9][\w.-]*$/.test(name)) {
        found.push(firstLabel(name));
      }
    }
  }
  const names = new Set([...text.matchAll(NAME_PROPERTY)].map((m) => (m[1] ?? "").toLowerCase()));
  for (const m of text.matchAll(FQDN_PROPERTY)) {
    const label = firstLabel(m[1] ?? "");
    if (names.has(label.toLowerCase())) found.push(label);
  }
  // A host name's first label that also stands alone elsewhere is a machine's name (`Computer: EX02` beside
  // `EX02.contoso.local`).
  const alone = new Set(
    [...text.matchAll(/(?<![\w.@\\-])([A-Za-z0-9][\w-]*)(?![\w-]|\.[A-Za-z0-9])/g)].map((m) =>
      (m[1] ?? "").toLowerCase(),
    ),
  );
  for (const m of text.matchAll(HOST_NAME)) {
    const label = m[1] ?? "";
    if (alone.has(label.toLowerCase())) found.push(label);
  }
  return new Set(found.filter(plausible).map((name) => name.toLowerCase()));
}
