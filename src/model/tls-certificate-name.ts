import type { Certificate } from "./certificate";
import { sameDn } from "./distinguished-name";
import { memoiseByString } from "./memo";

/**
 * `TlsCertificateName` values: `<I>issuer<S>subject` (domain F4.1), tags
 * case-insensitive on input (F4.3), Exchange itself prints `<I>`/`<S>`.
 */
export type TlsNameProblemCode =
  | "empty"
  | "square-brackets"
  | "missing-issuer-tag"
  | "missing-subject-tag"
  | "no-tags"
  | "run-together"
  | "tags-reversed"
  | "repeated-tag"
  | "closing-tag"
  | "text-before-tag"
  | "typographic-quotes"
  | "unbalanced-quotes"
  | "quoted-value"
  | "empty-issuer"
  | "empty-subject"
  | "truncated";

export interface TlsNameProblem {
  readonly code: TlsNameProblemCode;
  readonly message: string;
}

export type ParsedTlsCertificateName =
  | { readonly ok: true; readonly issuer: string; readonly subject: string }
  | {
      readonly ok: false;
      readonly problems: readonly TlsNameProblem[];
      /** What could still be read, for near-miss hints; never use it as a match key. */
      readonly issuer?: string;
      readonly subject?: string;
    };

const MESSAGES: Readonly<Record<TlsNameProblemCode, string>> = {
  empty: "The value is empty.",
  "square-brackets":
    "It uses [I]…[S]… with square brackets, the form the Exchange 2013 help once documented by mistake; the syntax is <I>issuer<S>subject.",
  "missing-issuer-tag": "The <I> tag before the issuer is missing.",
  "missing-subject-tag": "The <S> tag before the subject is missing.",
  "no-tags": "It has neither <I> nor <S>: it is a plain name, not <I>issuer<S>subject.",
  "run-together":
    "Issuer and subject are run together without the <I> and <S> tags (typically lost when a web page rendered them as HTML).",
  "tags-reversed": "The tags are reversed (<S>…<I>…): the issuer comes first, after <I>, then <S> and the subject.",
  "repeated-tag": "A tag appears more than once.",
  "closing-tag":
    "It contains a closing tag (</S> or </I>), which is not part of the syntax (added by blog formatters).",
  "text-before-tag": "There is text before the first tag.",
  "typographic-quotes":
    "It has typographic quotes (‘ ’ “ ”) around the value or a tag, from a copied script; they are not part of the value.",
  "unbalanced-quotes": 'It has an unbalanced straight quote ("), so part of the value is missing or extra.',
  "quoted-value": "The whole value is wrapped in quotes, which would make them part of the stored value.",
  "empty-issuer": "The issuer after <I> is empty.",
  "empty-subject": "The subject after <S> is empty.",
  truncated: "The value looks cut off by the console (it ends in … / ... or a comma), so it cannot be matched exactly.",
};

const TYPOGRAPHIC_QUOTES = "‘’‚‛“”„‟«»";
const ELLIPSIS_END = /(?:\.\.\.|…)\s*$/;

/** Remembered per value: an organisation's connectors and rules read the same few values thousands of times. */
export const parseTlsCertificateName: (value: string) => ParsedTlsCertificateName = memoiseByString(readTlsName);

function readTlsName(value: string): ParsedTlsCertificateName {
  const found = new Set<TlsNameProblemCode>();
  let text = value.trim();
  if (text === "") return { ok: false, problems: [tlsNameProblem("empty")] };

  text = stripOuterQuotes(text, found);
  if (isCut(text)) found.add("truncated");

  if (/<\s*\/\s*[IS]\s*>/i.test(text)) {
    found.add("closing-tag");
    text = text.replace(/<\s*\/\s*[IS]\s*>/gi, "");
  }

  let tags = findTags(text, /<([IS])>/gi);
  if (tags.length === 0) {
    const square = findTags(text, /\[([IS])\]/gi);
    if (square.length > 0) {
      found.add("square-brackets");
      tags = square;
    }
  }

  const parts = splitOnTags(text, tags, found);
  const issuer = parts.issuer === undefined ? undefined : cleanPart(parts.issuer, found);
  const subject = parts.subject === undefined ? undefined : cleanPart(parts.subject, found);
  if (parts.issuerTag && issuer === "") found.add("empty-issuer");
  if (parts.subjectTag && subject === "") found.add("empty-subject");
  if (parts.issuer !== undefined && isCut(parts.issuer)) found.add("truncated");

  if (found.size === 0 && issuer !== undefined && subject !== undefined) return { ok: true, issuer, subject };
  const problems = [...found].map(tlsNameProblem);
  return {
    ok: false,
    problems,
    ...(issuer ? { issuer: withoutEllipsis(issuer) } : {}),
    ...(subject ? { subject: withoutEllipsis(subject) } : {}),
  };
}

export function formatTlsCertificateName(issuer: string, subject: string): string {
  return `<I>${issuer}<S>${subject}`;
}

/** Issuer AND subject equal case-insensitively, RDN order and spacing as printed (domain F4.6). */
export function matchesTlsCertificateName(
  cert: Pick<Certificate, "issuer" | "subject">,
  parsed: { readonly issuer: string; readonly subject: string },
): boolean {
  if (cert.issuer === undefined || cert.subject === undefined) return false;
  return sameDn(cert.issuer, parsed.issuer) && sameDn(cert.subject, parsed.subject);
}

export function tlsNameProblem(code: TlsNameProblemCode): TlsNameProblem {
  return { code, message: MESSAGES[code] };
}

function isCut(text: string): boolean {
  return ELLIPSIS_END.test(text) || /,\s*$/.test(text);
}

function withoutEllipsis(text: string): string {
  return text.replace(ELLIPSIS_END, "");
}

function stripOuterQuotes(value: string, found: Set<TlsNameProblemCode>): string {
  let text = value;
  while (
    text.length > 0 &&
    (TYPOGRAPHIC_QUOTES.includes(text.charAt(0)) || TYPOGRAPHIC_QUOTES.includes(text.slice(-1)))
  ) {
    found.add("typographic-quotes");
    if (TYPOGRAPHIC_QUOTES.includes(text.charAt(0))) text = text.slice(1);
    if (TYPOGRAPHIC_QUOTES.includes(text.slice(-1))) text = text.slice(0, -1);
    text = text.trim();
  }
  const quotes = countStraightQuotes(text);
  if (text.length >= 2 && text.startsWith('"') && text.endsWith('"') && quotes % 2 === 0) {
    found.add("quoted-value");
    return text.slice(1, -1).trim();
  }
  if (quotes % 2 === 1) {
    found.add("unbalanced-quotes");
    if (text.startsWith('"')) return text.slice(1).trim();
    if (text.endsWith('"') && !/="[^"]*"$/.test(text)) return text.slice(0, -1).trim();
  }
  return text;
}

function countStraightQuotes(text: string): number {
  return (text.replace(/\\"/g, "").match(/"/g) ?? []).length;
}

interface Tag {
  readonly kind: "I" | "S";
  readonly start: number;
  readonly end: number;
}

function findTags(text: string, pattern: RegExp): Tag[] {
  return [...text.matchAll(pattern)].map((m) => ({
    kind: (m[1] ?? "").toUpperCase() === "I" ? "I" : "S",
    start: m.index,
    end: m.index + m[0].length,
  }));
}

interface Parts {
  readonly issuer: string | undefined;
  readonly subject: string | undefined;
  readonly issuerTag: boolean;
  readonly subjectTag: boolean;
}

function splitOnTags(text: string, tags: readonly Tag[], found: Set<TlsNameProblemCode>): Parts {
  const iTag = tags.find((t) => t.kind === "I");
  const sTag = tags.find((t) => t.kind === "S");
  if (tags.filter((t) => t.kind === "I").length > 1 || tags.filter((t) => t.kind === "S").length > 1) {
    found.add("repeated-tag");
  }
  if (iTag === undefined) {
    if (sTag === undefined) {
      found.add((text.match(/CN=/gi) ?? []).length >= 2 ? "run-together" : "no-tags");
      return { issuer: undefined, subject: undefined, issuerTag: false, subjectTag: false };
    }
    found.add("missing-issuer-tag");
    const issuer = text.slice(0, sTag.start).trim();
    return {
      issuer: issuer === "" ? undefined : issuer,
      subject: text.slice(sTag.end),
      issuerTag: false,
      subjectTag: true,
    };
  }
  if (sTag === undefined) {
    checkLeadingText(text.slice(0, iTag.start), found);
    found.add("missing-subject-tag");
    return { issuer: text.slice(iTag.end), subject: undefined, issuerTag: true, subjectTag: false };
  }
  checkLeadingText(text.slice(0, Math.min(iTag.start, sTag.start)), found);
  if (sTag.start < iTag.start) {
    found.add("tags-reversed");
    return {
      issuer: text.slice(iTag.end),
      subject: text.slice(sTag.end, iTag.start),
      issuerTag: true,
      subjectTag: true,
    };
  }
  return { issuer: text.slice(iTag.end, sTag.start), subject: text.slice(sTag.end), issuerTag: true, subjectTag: true };
}

function checkLeadingText(before: string, found: Set<TlsNameProblemCode>): void {
  const rest = [...before.trim()].filter((ch) => !TYPOGRAPHIC_QUOTES.includes(ch)).join("");
  if (rest.length < before.trim().length) found.add("typographic-quotes");
  if (rest.trim() !== "") found.add("text-before-tag");
}

/** Trims a part and removes typographic quotes stuck to the tags (`‘<I>’CN=…`). */
function cleanPart(part: string, found: Set<TlsNameProblemCode>): string {
  let text = part.trim();
  while (text.length > 0 && TYPOGRAPHIC_QUOTES.includes(text.charAt(0))) {
    found.add("typographic-quotes");
    text = text.slice(1).trim();
  }
  while (text.length > 0 && TYPOGRAPHIC_QUOTES.includes(text.slice(-1))) {
    found.add("typographic-quotes");
    text = text.slice(0, -1).trim();
  }
  return text;
}
