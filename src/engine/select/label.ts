import type { Certificate } from "../../model/certificate";

/** A candidate's label from its key and certificate: the key first, then what the admin recognises. */
export function labelText(key: string, cert: Certificate): string {
  const subject = cert.subject;
  if (subject === undefined) return key;
  return `${key} (${subject}${cert.truncated.includes("subject") ? ", cut" : ""})`;
}
