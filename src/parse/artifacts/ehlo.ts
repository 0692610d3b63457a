/**
 * Reads an EHLO reply, either as the usual `250-` lines or flattened onto one
 * line (`250  host Hello [ip] SIZE … STARTTLS …`, as protocol logs and blog
 * posts show it). Texts are the reply lines without their `250-`/`250 ` prefix.
 */
export interface EhloReading {
  readonly host: string | undefined;
  readonly starttls: boolean;
  readonly anonymousTls: boolean;
}

const HELLO = /^(\S+)\s+Hello\b\s*(?:\[[^\]]*\])?(.*)$/i;

export function isHelloLine(text: string): boolean {
  return HELLO.test(text.trim());
}

export function readEhlo(texts: readonly string[]): EhloReading {
  let host: string | undefined;
  const words = new Set<string>();
  texts.forEach((raw, index) => {
    let text = raw.trim();
    const hello = index === 0 ? HELLO.exec(text) : null;
    if (hello) {
      host = hello[1];
      text = hello[2] ?? "";
    }
    for (const word of text.split(/\s+/)) if (word !== "") words.add(word.toUpperCase());
  });
  return { host, starttls: words.has("STARTTLS"), anonymousTls: words.has("X-ANONYMOUSTLS") };
}

/** `250 2.1.0 Sender OK` and friends are not capability lines. */
export function isStatusReply(text: string): boolean {
  return /^\d\.\d{1,3}\.\d{1,3}\b/.test(text.trim());
}
