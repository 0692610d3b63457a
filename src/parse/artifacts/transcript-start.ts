import { trimmedEndLength } from "../white-space";
import { isPlainAscii } from "./text";

/**
 * How every line that `startsTranscript` accepts begins, each cut to a prefix so that it says yes at least as
 * often: a reply code (bare or after `S:`), a client mark (`>`, `C:`) or `EHLO`/`HELO`, telnet's and openssl's
 * noise (`Trying `, `Connect…`, `Escape character is `, `CONNECTED(`) and the `PORT` labels posters type.
 */
const START = /^\s*(?:[2-5]\d\d|S:|>|C:|connect|trying |escape character is |ehlo|helo|port)/i;

/** telnet and openssl commands are found anywhere in the line. */
const COMMAND = /telnet|openssl/i;

/** nc's command is found anywhere too, and ends in a port number. */
const NC = /nc|netcat/;

/**
 * Whether a transcript could begin at this line: no when `startsTranscript` surely would not say yes, asked before
 * it. The segmenter asks every wrapped line of a list and every row of a table whether a transcript begins there.
 * Only plain-ASCII lines are judged: for them the reader's view of the line (`normaliseText`) is the line itself.
 */
export function mayStartTranscript(text: string): boolean {
  if (!isPlainAscii(text)) return true;
  if (START.test(text) || COMMAND.test(text)) return true;
  const code = text.charCodeAt(trimmedEndLength(text) - 1);
  return code >= 48 && code <= 57 && NC.test(text);
}
