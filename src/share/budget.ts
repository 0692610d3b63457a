/**
 * How far a link of a given length travels. Chromium shows at most 32 KiB of an address and chat apps cut far
 * shorter (Teams at about 8 000 characters, Slack splits at 4 000 and truncates at 40 000), so above 28 000
 * characters certflow warns, and above 32 000 it offers a .certflow file instead of a link.
 */
export const LINK_WARN_CHARS = 28_000;
export const LINK_MAX_CHARS = 32_000;

export type LinkFit = "anywhere" | "chat" | "mail" | "long" | "too-long";

export function linkFit(chars: number): LinkFit {
  if (chars > LINK_MAX_CHARS) return "too-long";
  if (chars > LINK_WARN_CHARS) return "long";
  if (chars > 8_000) return "mail";
  if (chars > 2_000) return "chat";
  return "anywhere";
}

const ADVICE: Readonly<Record<LinkFit, string>> = {
  anywhere: "short enough for any chat or e-mail",
  chat: "fits e-mail, Slack and Teams",
  mail: "fits e-mail; chat apps may cut it",
  long: "long: chat apps and some mail clients cut links this long, so a .certflow file is safer",
  "too-long": "too long to share as a link",
};

export function linkAdvice(chars: number): string {
  return ADVICE[linkFit(chars)];
}
