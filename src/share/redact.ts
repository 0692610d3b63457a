import { DOMAIN_SOURCE, domainShape, HOST_SOURCE, isNotAHost } from "./redact-domains";
import { wordsOf } from "./redact-placeholders";
import { Redactor, type ReplacedCounts } from "./redact-redactor";
import { findServerNames, isCommonWord } from "./redact-servers";

/**
 * Replaces what identifies an organisation — domain and server names, thumbprints and serial numbers, IP
 * addresses, e-mail addresses, organisation and place names in certificate subjects — with placeholders, keeping
 * the structure the analysis reads: the same original always gets the same placeholder, a wildcard still covers the
 * same names, a cut thumbprint still matches its whole one, `<I>`/`<S>`, `CN=`, cmdlets, property names and
 * Exchange's own fixed names stay. Certificates pasted as PEM or base64 cannot be changed without breaking them and
 * are left as they are (and counted, so the page can say so).
 */

export interface RedactionInput {
  readonly text: string;
  readonly server?: string;
}

export interface Redaction {
  readonly text: string;
  readonly server?: string;
  readonly replaced: ReplacedCounts;
  /** PEM/base64 certificates left unchanged. */
  readonly certificatesKept: number;
}

const TOKENS = [
  // A shell prompt `user@host:~$`: the user and the machine.
  `(?<prompt>(?<=^|\\n)[ \\t]*(?<puser>[A-Za-z_][\\w.-]*)@(?<phost>[A-Za-z0-9][\\w-]*)(?=:))`,
  `(?<email>(?<![\\w.%+-])(?<local>[A-Za-z0-9][A-Za-z0-9._%+-]*)@(?<maildomain>${DOMAIN_SOURCE}))`,
  // Organisation and place names in a distinguished name (CN is a host or server name, handled by shape).
  `(?<dn>\\b(?<dnkey>O|OU|L|S|ST) ?= ?(?<dnvalue>"(?:[^"\\r\\n]|"")*"|[^,<>+"/\\r\\n=]+?)(?=[ \\t]*(?:[,+<>"/\\r\\n]|$)|[ \\t]+[A-Za-z]{1,12} ?=))`,
  // `DC=contoso,DC=local`, `/DC=com/DC=contoso`: a domain name spelt as a distinguished name.
  `(?<dcrun>\\bDC ?= ?[A-Za-z0-9-]+(?:(?:[ \\t]*,[ \\t]*|/)DC ?= ?[A-Za-z0-9-]+)+)`,
  `(?<colonhex>(?<![0-9A-Fa-f:])[0-9A-Fa-f]{2}(?::[0-9A-Fa-f]{2}){7,}(?![0-9A-Fa-f:]))`,
  `(?<spacehex>(?<![0-9A-Fa-f] ?)[0-9A-Fa-f]{2}(?: [0-9A-Fa-f]{2}){15,}(?! ?[0-9A-Fa-f]))`,
  `(?<ipv6>(?<![\\w:.])(?:[0-9A-Fa-f]{1,4}:){1,7}:?(?:[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4})*)?(?![\\w:]))`,
  `(?<hex>(?<![0-9A-Za-z])[0-9A-Fa-f]{16,}(?![0-9A-Za-z]|\\.\\.\\.|…))`,
  // A thumbprint a narrow console cut short: `3DAF40EC...`.
  `(?<cuthex>(?<![0-9A-Za-z])[0-9A-Fa-f]{6,}(?=\\.\\.\\.|…))`,
  `(?<ipv4>(?<![\\w.])(?:\\d{1,3}\\.){3}\\d{1,3}(?!\\w|\\.\\d))`,
  `(?<domain>${HOST_SOURCE})`,
];

/** PEM blocks and bare base64 certificates (`MII…` lines). */
const CERTIFICATE_BLOB =
  /-----BEGIN [A-Z0-9 ]+-----[\s\S]*?(?:-----END [A-Z0-9 ]+-----|(?![\s\S]))|^[ \t]*MII[A-Za-z0-9+/]{60,}={0,2}[ \t]*(?:\r?\n[ \t]*[A-Za-z0-9+/]{4,}={0,2}[ \t]*)*$/gm;

/**
 * One pass over the text; the first alternative that matches at a position wins. The last one takes any other
 * word, so server and organisation names are looked up rather than compiled into a new pattern for every paste.
 */
const TOKEN_PATTERN = new RegExp(
  [...TOKENS, "(?<word>(?<![A-Za-z0-9_.])[A-Za-z0-9][A-Za-z0-9_-]*(?![A-Za-z0-9_]|\\.[A-Za-z0-9]))"].join("|"),
  "g",
);
const HOST_PATTERN = new RegExp(HOST_SOURCE, "g");

/**
 * The organisation's own name as a word (`CN=Contoso Subordinate CA` beside `contoso.com`): the first label of each
 * registrable domain, mapped to that domain. Short and common words are left alone.
 */
function organisationWords(prose: string, servers: ReadonlySet<string>): Map<string, string> {
  const words = new Map<string, string>();
  for (const [name] of prose.matchAll(HOST_PATTERN)) {
    if (isNotAHost(name)) continue;
    const labels = name.replace(/^\*\./, "").split(".");
    const shape = domainShape(labels.map((l) => l.toLowerCase()));
    if (shape.kind !== "organisation" || shape.reserved) continue;
    const organisation = labels.slice(labels.length - shape.orgLabels).join(".");
    const word = (labels[labels.length - shape.orgLabels] ?? "").toLowerCase();
    if (word.length < 4 || !/^[a-z][a-z-]*$/.test(word) || isCommonWord(word) || servers.has(word)) continue;
    if (!words.has(word)) words.set(word, organisation);
  }
  return words;
}

/** Services flags of a certificate table (`IP.WS..`, `....SF`): letters and dots that look like a host name. */
const SERVICES_FLAGS = /^[IPUWSFN.]{6,7}$/;

function wordAt(text: string, offset: number, length: number): string {
  let start = offset;
  let end = offset + length;
  while (start > 0 && !/\s/.test(text.charAt(start - 1))) start--;
  while (end < text.length && !/\s/.test(text.charAt(end))) end++;
  return text.slice(start, end);
}

function lineBefore(text: string, offset: number): string {
  return text.slice(text.lastIndexOf("\n", offset - 1) + 1, offset);
}

function redactText(text: string, redactor: Redactor): string {
  return text.replace(TOKEN_PATTERN, (match: string, ...args: unknown[]) => {
    const groups = args[args.length - 1] as Record<string, string | undefined>;
    const offset = args[args.length - 3] as number;
    if (groups.prompt !== undefined) {
      const user = groups.puser ?? "";
      return (
        match.slice(0, match.length - user.length - (groups.phost ?? "").length - 1) +
        redactor.prompt(user, groups.phost ?? "")
      );
    }
    if (groups.email !== undefined) return redactor.email(groups.local ?? "", groups.maildomain ?? "");
    if (groups.dn !== undefined) {
      const value = groups.dnvalue ?? "";
      return match.slice(0, match.length - value.length) + redactor.dnValue(groups.dnkey ?? "", value);
    }
    if (groups.dcrun !== undefined) return redactor.dcRun(match);
    if (groups.colonhex !== undefined) return redactor.separatedHex(match, ":");
    if (groups.spacehex !== undefined) return redactor.separatedHex(match, " ");
    if (groups.ipv6 !== undefined) return redactor.ipv6Address(match);
    if (groups.hex !== undefined) return redactor.hexRun(match);
    if (groups.cuthex !== undefined) return redactor.cutHex(match);
    if (groups.ipv4 !== undefined) return redactor.ipv4(match, lineBefore(text, offset));
    if (groups.domain !== undefined) {
      return SERVICES_FLAGS.test(wordAt(text, offset, match.length)) ? match : redactor.domain(match);
    }
    if (groups.word !== undefined) return redactor.word(match);
    return match;
  });
}

/** Pure and deterministic: the same input always gives the same redaction. */
export function redactInput(input: RedactionInput): Redaction {
  const server = input.server?.trim() ?? "";
  const blobs = [...input.text.matchAll(CERTIFICATE_BLOB)];
  const outside = input.text.split(CERTIFICATE_BLOB);
  const prose = outside.join("\n");
  const serverNames = findServerNames(prose, server === "" ? [] : [server]);
  const words = organisationWords(prose, serverNames);
  const redactor = new Redactor(serverNames, words, wordsOf(`${input.text}\n${server}`));
  let text = "";
  outside.forEach((part, i) => {
    text += redactText(part, redactor) + (blobs[i]?.[0] ?? "");
  });
  const redactedServer = server === "" ? undefined : redactor.serverOrHost(server);
  return {
    text,
    ...(redactedServer === undefined ? {} : { server: redactedServer }),
    replaced: redactor.counts(),
    certificatesKept: blobs.length,
  };
}
