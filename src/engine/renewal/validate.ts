import { isThumbprint } from "../../model/thumbprint";
import { readCertificateDescription } from "../whatif/validate";
import type { RenewalRequest } from "./request";

/**
 * Reads a renewal request from outside (a share link or file): the request,
 * or one sentence saying what is wrong. Never throws.
 */
export function readRenewal(value: unknown): RenewalRequest | string {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return "its renewal plan is not an object";
  const { old, successor } = value as Record<string, unknown>;
  if (typeof old !== "string" || !isThumbprint(old)) return "its renewal plan does not name the old certificate";
  const description = readCertificateDescription(successor);
  if (description === undefined) return "its renewal plan's successor is not a certificate certflow can read";
  return { old, successor: description };
}
