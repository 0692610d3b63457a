import { addMissing, type FactsDraft } from "./make-evidence";
import { setThumbprint } from "./thumbprint-fact";

/** A certificate as the protocol log describes it, one field per row or all in one row. */
export interface LoggedCertificate {
  subject?: string;
  issuer?: string;
  serial?: string;
  thumbprint?: string;
  domains?: string[];
  unsplit?: string;
}

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z$/;

/**
 * Splits issuer from subject in the one-row form, where both are joined by a
 * space: the boundary is the only space that follows no comma and precedes
 * `KEY=`. When there is not exactly one such place the pair stays unsplit.
 */
function splitNames(text: string, cert: LoggedCertificate): void {
  const cuts: number[] = [];
  for (const m of text.matchAll(/ (?=[A-Za-z][A-Za-z0-9.]*=)/g)) {
    const at = m.index ?? 0;
    if (text[at - 1] !== ",") cuts.push(at);
  }
  const cut = cuts[0];
  if (cuts.length === 1 && cut !== undefined) {
    cert.subject = text.slice(0, cut).trim();
    cert.issuer = text.slice(cut + 1).trim();
  } else if (text !== "") cert.unsplit = text;
}

/**
 * Reads the "Sending certificate" row whose data holds subject, issuer,
 * serial, thumbprint, not-before, not-after and the SANs separated by spaces
 * (fixture 06). Read from the right: the SANs have no spaces, the dates and
 * hex values are recognisable, the names take what is left.
 */
export function readCombinedRow(data: string): LoggedCertificate {
  const tokens = data.trim().split(/\s+/);
  const cert: LoggedCertificate = {};
  const last = tokens[tokens.length - 1];
  if (last !== undefined && !ISO.test(last) && !last.includes("=") && tokens.length > 1) {
    cert.domains = last.split(";").filter((d) => d !== "");
    tokens.pop();
  }
  while (tokens.length > 0 && ISO.test(tokens[tokens.length - 1] ?? "")) tokens.pop();
  const hex = /^(?:[0-9A-Fa-f]+|[xX*]{4,})$/;
  if (hex.test(tokens[tokens.length - 1] ?? "")) cert.thumbprint = tokens.pop();
  if (hex.test(tokens[tokens.length - 1] ?? "")) cert.serial = tokens.pop();
  splitNames(tokens.join(" "), cert);
  return cert;
}

/** Field rows of KB 4051498: `…,*,<value>,Certificate subject` and friends. */
export function applyFieldRow(cert: LoggedCertificate, context: string, data: string): boolean {
  const field = context.trim().toLowerCase();
  const value = data.trim();
  if (field === "certificate subject") cert.subject = value;
  else if (field === "certificate issuer name" || field === "certificate issuer") cert.issuer = value;
  else if (field === "certificate serial number") cert.serial = value;
  else if (field === "certificate thumbprint") cert.thumbprint = value;
  else if (field === "certificate alternate names" || field === "certificate subject alternate names") {
    cert.domains = value.split(/[;\s]+/).filter((d) => d !== "");
  } else return false;
  return true;
}

export function certificateFacts(cert: LoggedCertificate, facts: FactsDraft): void {
  if (cert.subject) facts.presentedSubject = cert.subject;
  if (cert.issuer) facts.presentedIssuer = cert.issuer;
  if (cert.unsplit) addMissing(facts, `subject and issuer (cannot tell them apart in "${cert.unsplit}")`);
  if (cert.domains && cert.domains.length > 0) facts.presentedDomains = cert.domains;
  if (cert.thumbprint !== undefined) setThumbprint(facts, cert.thumbprint);
  if (cert.serial !== undefined && /[xX*]{4,}/.test(cert.serial)) addMissing(facts, "serial number (masked)");
}
