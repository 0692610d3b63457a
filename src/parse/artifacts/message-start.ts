import type { Line } from "../lines";
import { isPrompt } from "./boundary";
import { RECOGNISED_CODE, RECOGNISED_WORD } from "./message-texts";
import { isPlainAscii } from "./text";

/**
 * Starts every way `claimMessage` begins a unit at the start of a line, each cut to a prefix so that it says yes
 * at least as often: the test, script-log and HealthChecker readers' first lines, record starts (`[…`, `Reason:`,
 * `LED=`…) and the phrases of `beginsKnownMessage`.
 */
const UNIT_START =
  /^\s*(?:\[|\{?LED=|WARNING:|Test-Certificate\s*:|EXO Connector Present:|(?:Send|Receive) Connector - |CloudServicesMailEnabled:|TLSCertificateName set:|More Information:|Reason:|Remote Server returned|Diagnostic information for administrators|[45]\d\d[ -]|TLS negotiation failed|Updating hybrid configuration failed|Subtask |Execution of the |The Secure Mail Certificate|RequiredTls flag|No valid certificate exists|Remote certificate failed MTA-STS)/i;

/**
 * The key words a message can hold anywhere, as `recogniseMessage` looks for them in the squashed text: each
 * space of its pattern stands for a run of blanks here, as squashing folds each run to one space. `[{LED=` starts
 * a record anywhere too. The SMTP codes, `RECOGNISED_CODE`, are searched apart, as there.
 */
const KEY_WORD = new RegExp(`${RECOGNISED_WORD.source.replaceAll(" ", "\\s+")}|\\[\\{LED=`, "i");

/** `Verb-Noun : …` and the Rpc error: where a cmdlet error record can begin on an unindented line. */
const ERROR_RECORD_START = /^(?:A special Rpc error occurs|[A-Z][a-z]+-[A-Za-z]+\s+:)/;

/**
 * Whether `claimMessage` could claim the line at `start`: no when it surely would not, asked before the readers
 * run. The segmenter asks every wrapped line of a list and every row of a table whether a message begins there,
 * and almost none does. Only plain-ASCII lines without `>` are judged: for them the readers' view of the line is
 * the line itself (no quote prefix, nothing folded), so each check here is a weaker form of one the readers make.
 */
export function mayBeginMessage(lines: readonly Line[], start: number): boolean {
  const text = lines[start]?.text;
  if (text === undefined) return false;
  if (!isPlainAscii(text) || text.includes(">") || text.includes("|")) return true;
  if (UNIT_START.test(text) || RECOGNISED_CODE.test(text) || KEY_WORD.test(text)) return true;
  // An error record begins only on an unindented line, and any such line right under a prompt may begin one.
  if (text.charCodeAt(0) === 32) return false;
  return ERROR_RECORD_START.test(text) || isPrompt(lines[start - 1]?.text ?? "");
}
