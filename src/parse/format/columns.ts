import { isWhiteSpaceCode } from "../white-space";

const TAB_STOP = 8;

/** Columns taken by the leading blanks of a line, tabs advancing to the next tab stop. */
export function indentWidth(text: string): number {
  let width = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code === 9) width += TAB_STOP - (width % TAB_STOP);
    // By code, not with a pattern: this runs on every line of a list, and each line's first character is asked.
    else if (isWhiteSpaceCode(code)) width += 1;
    else break;
  }
  return width;
}

/** Expands tabs to spaces so that columns line up as they did on the console. */
export function expandTabs(text: string): string {
  if (!text.includes("\t")) return text;
  let out = "";
  for (const char of text) {
    out += char === "\t" ? " ".repeat(TAB_STOP - (out.length % TAB_STOP)) : char;
  }
  return out;
}
