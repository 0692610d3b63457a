const DN_ATTRIBUTE = /(?:^|[\s,<>{])(?:CN|OU|O|DC|L|S|ST|C|E|STREET|SERIALNUMBER)=/i;

/** The value holds an X.500 name (Subject, Issuer, `<I>…<S>…`, DistinguishedName). */
export function looksLikeDn(text: string): boolean {
  return DN_ATTRIBUTE.test(text);
}

/**
 * The last relative name of a DN is incomplete (`…, O=GlobalSign nv-sa, C` or `…, CN=`),
 * as happens when the console width cut the value. Commas inside quotes or escaped do not split.
 */
export function isDnCut(text: string): boolean {
  const marker = Math.max(text.lastIndexOf("<S>"), text.lastIndexOf("<I>"));
  const subject = marker < 0 ? text : text.slice(marker + 3);
  let last = 0;
  let quoted = false;
  for (let i = 0; i < subject.length; i += 1) {
    const char = subject[i];
    if (char === "\\") i += 1;
    else if (char === '"') quoted = !quoted;
    else if (char === "," && !quoted) last = i + 1;
  }
  const rdn = subject.slice(last).trim();
  return !rdn.includes("=") || rdn.endsWith("=");
}
