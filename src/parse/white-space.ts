/**
 * White space exactly as `\s` and `String.prototype.trim` have it, tested on a character code. The segmenter and
 * the list reader ask this of every character they skip on every line; a code-point test allocates nothing where
 * `trim()` and patterns with captures would build strings for each of a large paste's lines.
 */
export function isWhiteSpaceCode(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 160) return false;
  return (
    code === 160 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** Index of the first character at or after `from` that is not white space (the text's length when there is none). */
export function blankPrefixLength(text: string, from = 0): number {
  let i = from;
  while (i < text.length && isWhiteSpaceCode(text.charCodeAt(i))) i++;
  return i;
}

/**
 * `blankPrefixLength` for runs that can be long, as a list's name padding and its wrapped lines' indentation are:
 * over more than a few blanks the pattern outruns a loop asking each character's code.
 */
export function blankRunEnd(text: string, from: number): number {
  if (from >= text.length || !isWhiteSpaceCode(text.charCodeAt(from))) return from;
  BLANK_RUN.lastIndex = from;
  BLANK_RUN.test(text);
  return BLANK_RUN.lastIndex;
}

const BLANK_RUN = /\s*/y;

/** Length of the text without its trailing white space: `text.trimEnd().length`. */
export function trimmedEndLength(text: string): number {
  let end = text.length;
  while (end > 0 && isWhiteSpaceCode(text.charCodeAt(end - 1))) end--;
  return end;
}

/** Whether the text is empty or only white space: `text.trim() === ""`. */
export function isBlankString(text: string): boolean {
  return blankPrefixLength(text) === text.length;
}
